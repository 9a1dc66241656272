using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Serialization;
using FluentValidation;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Tracker.Data;
using Tracker.Data.Seeding;
using Tracker.Web.Features.Actors;
using Tracker.Web.Features.Alignment;
using Tracker.Web.Features.Claims;
using Tracker.Web.Features.Digests;
using Tracker.Web.Features.Commitments;
using Tracker.Web.Features.Compare;
using Tracker.Web.Features.Documents;
using Tracker.Web.Features.Export;
using Tracker.Web.Features.Positions;
using Tracker.Web.Features.Suggestions;
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
builder.Services.AddScoped<SaveActorHandler>();
builder.Services.AddScoped<SaveTopicHandler>();
builder.Services.AddScoped<SaveClaimHandler>();
builder.Services.AddScoped<ListClaimsHandler>();
builder.Services.AddScoped<AppLinks>();

builder.Services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));
builder.Services.AddScoped<DigestBuilder>();
builder.Services.AddScoped<DigestPlanner>();
builder.Services.AddScoped<DigestSender>();
builder.Services.AddScoped<DigestJobs>();
builder.Services.AddScoped<SaveSubscriptionHandler>();
builder.Services.AddScoped<IMailTransport, SmtpMailTransport>();
builder.Services.AddSingleton<UnsubscribeTokens>();
builder.Services.AddSingleton<DigestRenderer>();
builder.Services.AddRazorComponents();

// Razor writes Chinese and Russian as they are, not as numeric character references; markup stays encoded.
builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

// Keys sign unsubscribe links (and, later, sign-in cookies): they must outlive a restart, so they live with the data.
builder.Services.AddDataProtection()
    .SetApplicationName("Tracker")
    .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(
        Path.GetFullPath(builder.Configuration[$"{TrackerOptions.Section}:DataDirectory"] ?? "data"), "keys")));

var jobsEnabled = builder.Configuration.GetValue($"{TrackerOptions.Section}:Jobs", defaultValue: true);
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
builder.Services.AddSingleton<SuggesterProvider>();
builder.Services.AddScoped<SuggestClaimsHandler>();
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);

builder.Services.AddAuthentication(ApiTokenAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(Policies.Read, policy => policy.RequireAuthenticatedUser())
    .AddPolicy(Policies.Curate, policy => policy.RequireRole(Roles.Admin, Roles.Curator))
    .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin));

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

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

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
app.MapSuggestionsApi();
app.MapDigestsApi();
app.MapUnsubscribe();
if (jobsEnabled)
{
    app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new AdminDashboardFilter()], DisplayStorageConnectionString = false });
    DigestJobs.Schedule(app.Services.GetRequiredService<IRecurringJobManager>());
}

using (var scope = app.Services.CreateScope())
{
    var tracker = scope.ServiceProvider.GetRequiredService<IOptions<TrackerOptions>>().Value;
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
        .InitializeAsync(tracker.Seed ? tracker.ResolveSeedDirectory() : null);
}

await app.RunAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
