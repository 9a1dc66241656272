using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Serialization;
using FluentValidation;
using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Tracker.Data;
using Tracker.Data.Seeding;
using Tracker.Web.Features.Actors;
using Tracker.Web.Features.Alignment;
using Tracker.Web.Features.Admin;
using Tracker.Web.Features.Claims;
using Tracker.Web.Features.Digests;
using Tracker.Web.Features.Commitments;
using Tracker.Web.Features.Compare;
using Tracker.Web.Features.Dashboard;
using Tracker.Web.Features.Documents;
using Tracker.Web.Features.Export;
using Tracker.Web.Features.Positions;
using Tracker.Web.Features.Suggestions;
using Tracker.Web.Features.Synthetic;
using Tracker.Web.Features.Topics;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;
using Tracker.Web.Jobs;

// A command, not a server: `dotnet run --project src/Tracker.Web -- evaluate` scores the suggester on the seed.
if (args is ["evaluate", ..])
{
    Environment.ExitCode = await EvaluateCommand.RunAsync(args[1..], Console.Out);
    return;
}

// `-- synthesize --data-dir DIR …` fills a new database with synthetic data for load runs.
if (args is ["synthesize", ..])
{
    Environment.ExitCode = await SynthesizeCommand.RunAsync(args[1..], Console.Out);
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<TrackerOptions>(builder.Configuration.GetSection(TrackerOptions.Section));
builder.Services.Configure<DatabaseSettings>(builder.Configuration.GetSection($"{TrackerOptions.Section}:Database"));
builder.Services.PostConfigure<DatabaseSettings>(settings =>
    settings.DataDirectory = builder.Configuration[$"{TrackerOptions.Section}:DataDirectory"] ?? settings.DataDirectory);
builder.Services.AddDbContext<TrackerDbContext>((services, options) =>
    services.GetRequiredService<IOptions<DatabaseSettings>>().Value.Configure(options));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<SeedLoader>();
builder.Services.AddScoped<DatabaseInitializer>();

builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddScoped<AuditLog>();
builder.Services.AddScoped<NameDirectory>();
builder.Services.AddScoped<CreateDocumentHandler>();
builder.Services.AddScoped<ImportDocumentsHandler>();
builder.Services.AddSingleton<ImportSignature>();
builder.Services.AddScoped<ReadDocumentsHandler>();
builder.Services.AddScoped<EditDocumentHandler>();
builder.Services.AddScoped<FindDocumentsHandler>();
builder.Services.AddScoped<SaveActorHandler>();
builder.Services.AddScoped<SaveTopicHandler>();
builder.Services.AddScoped<MergeActorsHandler>();
builder.Services.AddScoped<MergeTopicsHandler>();
builder.Services.AddScoped<SaveClaimHandler>();
builder.Services.AddScoped<AnnotateClaimHandler>();
builder.Services.AddScoped<ClaimHistoryHandler>();
builder.Services.AddScoped<ListClaimsHandler>();
builder.Services.AddScoped<AppLinks>();

builder.Services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));
builder.Services.AddScoped<DigestBuilder>();
builder.Services.AddScoped<DigestPlanner>();
builder.Services.AddScoped<DigestSender>();
builder.Services.AddScoped<DigestJobs>();
builder.Services.AddScoped<SaveSubscriptionHandler>();
builder.Services.AddScoped<ListSubscriptionsHandler>();
builder.Services.AddScoped<PreviewDigestHandler>();
builder.Services.AddScoped<OutboxHandler>();
builder.Services.AddScoped<IMailTransport, SmtpMailTransport>();
builder.Services.AddSingleton<UnsubscribeTokens>();
builder.Services.AddSingleton<DigestRenderer>();
builder.Services.AddRazorComponents();

var jobsEnabled = builder.Configuration.GetValue($"{TrackerOptions.Section}:{nameof(TrackerOptions.Jobs)}", defaultValue: true);
if (jobsEnabled)
{
    // In-memory storage holds only the schedule; subscriptions, periods and the outbox are in the app's tables.
    builder.Services.AddHangfire(hangfire => hangfire
        .UseSimpleAssemblyNameTypeSerializer()
        .UseRecommendedSerializerSettings()
        .UseInMemoryStorage());
    builder.Services.AddHangfireServer();
}

builder.Services.AddScoped<PositionMatrixHandler>();
builder.Services.AddScoped<PositionTimelineHandler>();
builder.Services.AddScoped<CompareDocumentsHandler>();
builder.Services.AddScoped<MeasureAlignmentHandler>();
builder.Services.AddScoped<ListCommitmentsHandler>();
builder.Services.AddScoped<RecordEvidenceHandler>();
builder.Services.AddScoped<ExportAnnotationsHandler>();
builder.Services.AddScoped<DashboardQuery>();
builder.Services.AddSingleton<AggregateCache>();
builder.Services.AddSingleton<SuggesterProvider>();
builder.Services.AddScoped<SuggestClaimsHandler>();
builder.Services.AddScoped<Tracker.Web.Features.LexiconEntries.ListLexiconHandler>();
builder.Services.AddScoped<Tracker.Web.Features.LexiconEntries.SaveLexiconEntryHandler>();
builder.Services.AddScoped<Tracker.Web.Features.Review.ReviewSuggestionsHandler>();
builder.Services.AddScoped<ClaimFilterOptions>();
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);

builder.Services.AddTrackerAuth();
builder.Services.AddScoped<AdminBootstrap>();
builder.Services.AddSingleton<FirstSignInLink>();
builder.Services.AddScoped<ManageUsersHandler>();
builder.Services.AddScoped<ApiTokensHandler>();
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(Policies.Read, policy => policy.RequireAuthenticatedUser())
    .AddPolicy(Policies.Curate, policy => policy.RequireRole(Roles.Admin, Roles.Curator))
    .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin));

builder.Services.AddRazorPages(options =>
{
    // Pages live in their feature folders, beside the API and handlers they call.
    options.RootDirectory = "/Features";
    options.Conventions.AuthorizeFolder("/", Policies.Read);
    options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
    options.Conventions.AuthorizePage("/Documents/Import", Policies.Curate);
    options.Conventions.AllowAnonymousToPage("/Account/SignIn");
    options.Conventions.AllowAnonymousToPage("/Account/FirstSignIn");
    options.Conventions.AllowAnonymousToPage("/Errors/Error");
}).AddMvcOptions(options =>
    // FluentValidation validates requests; MVC's implicit [Required] would add a second, differently worded message.
    options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
// Razor writes Chinese and Russian as characters rather than &#x...; entities (a third of the size); <, >, &
// and quotes are still encoded.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddAntiforgery(options => options.Cookie.Name = "tracker.antiforgery");

builder.Services.AddSingleton<IProblemDetailsWriter, ApiProblemDetailsWriter>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    // Chinese and Russian stay readable in the JSON instead of \uXXXX escapes; HTML-sensitive characters stay escaped.
    options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
});
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = exception => exception is NotFoundException ? StatusCodes.Status404NotFound : StatusCodes.Status500InternalServerError,
});
// The API answers bare status codes with problem details; pages answer them with a page a person can read.
app.UseWhen(context => AuthSetup.IsApi(context.Request), api => api.UseStatusCodePages());
app.UseWhen(context => !AuthSetup.IsApi(context.Request), pages =>
{
    pages.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandlingPath = "/error",
        StatusCodeSelector = exception => exception is NotFoundException ? StatusCodes.Status404NotFound : StatusCodes.Status500InternalServerError,
    });
    pages.UseStatusCodePagesWithReExecute("/error", "?code={0}");
});
app.UseStaticFiles();
// Routing after the error pages, so that a re-executed /error request is routed afresh.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseSessionAntiforgeryOnApi();

app.MapOpenApi();
app.MapHealthChecks("/healthz");
app.MapDocumentsApi();
app.MapActorsApi();
app.MapTopicsApi();
app.MapClaimsApi();
app.MapPositionsApi();
app.MapCompareApi();
app.MapAlignmentApi();
app.MapCommitmentsApi();
app.MapExportApi();
app.MapDashboardApi();
app.MapSuggestionsApi();
app.MapDigestsApi();
app.MapUnsubscribe();
if (jobsEnabled)
{
    app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new AdminDashboardFilter()], DisplayStorageConnectionString = false });
    DigestJobs.Schedule(app.Services.GetRequiredService<IRecurringJobManager>());
}
app.MapRazorPages();

using (var scope = app.Services.CreateScope())
{
    var tracker = scope.ServiceProvider.GetRequiredService<IOptions<TrackerOptions>>().Value;
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
        .InitializeAsync(tracker.Seed ? tracker.ResolveSeedDirectory() : null);
    var link = await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().RunAsync();
    app.Services.GetRequiredService<FirstSignInLink>().Path = link;
    if (link is not null)
    {
        // Printed once the server listens, so the link can carry the real address.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Urls.FirstOrDefault() ?? "http://localhost:5080";
            Console.WriteLine($"""

                No admin can sign in yet. Open this one-time link within an hour to sign in as admin and set a password:
                  {address.TrimEnd('/')}{link}
                (Or set Tracker__AdminEmail and Tracker__AdminPassword and restart.)

                """);
        });
    }
}

await app.RunAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
