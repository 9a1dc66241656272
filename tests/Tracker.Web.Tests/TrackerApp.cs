using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Data.Identity;

namespace Tracker.Web.Tests;

/// <summary>
/// The real app on a real Kestrel port, with its own SQLite file in a temporary folder, migrated and seeded
/// exactly as on a first start.
/// </summary>
public class TrackerApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminToken = "test-admin-token-5b0f";
    public const int MaxDocumentLength = 200_000;
    public const string AdminEmail = "first-admin@example.org";
    public const string AdminPassword = "correct horse battery staple";
    public const string Password = "a long enough test passphrase";

    public TrackerApp() => UseKestrel(0);

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("tracker-tests-").FullName;

    protected virtual bool Seed => true;

    /// <summary>False for an app started without <c>Tracker:AdminEmail</c>, which bootstraps through a sign-in link.</summary>
    protected virtual bool ConfiguresAdmin => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Tracker:DataDirectory", DataDirectory);
        builder.UseSetting("Tracker:AdminToken", AdminToken);
        builder.UseSetting("Tracker:Seed", Seed.ToString());

        // The digest jobs are run by the tests that need them, not on Hangfire's schedule in the background.
        builder.UseSetting("Tracker:Jobs", "false");
        if (ConfiguresAdmin)
        {
            builder.UseSetting("Tracker:AdminEmail", AdminEmail);
            builder.UseSetting("Tracker:AdminPassword", AdminPassword);
        }

        builder.UseSetting("Tracker:MaxDocumentLength", MaxDocumentLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public HttpClient Admin()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    public HttpClient Anonymous() => CreateClient();

    /// <summary>The address Kestrel listens on, for clients that are not HttpClient (a real browser).</summary>
    public Uri ServerAddress
    {
        get
        {
            using var probe = CreateClient();
            return probe.BaseAddress!;
        }
    }

    /// <summary>A client that keeps cookies like a browser but shows redirects instead of following them.</summary>
    public Browser Browser()
    {
        // On Kestrel the factory's client options do not reach the socket handler, so the handler is made here;
        // the server's address is only known from a default client.
        using var probe = CreateClient();
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() };
        return new(new HttpClient(handler) { BaseAddress = probe.BaseAddress });
    }

    /// <summary>A new user with its own name, so tests never share accounts.</summary>
    public async Task<string> CreateUserAsync(string role, string? email = null)
    {
        email ??= $"{role}-{Guid.NewGuid():N}@example.org";
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrackerUser>>();
        var user = new TrackerUser { UserName = email, Email = email, CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    /// <summary>Signs in through the real form, as a person would.</summary>
    public async Task<Browser> SignInAsync(string email, string password = Password)
    {
        var browser = Browser();
        using var response = await browser.SubmitAsync("/account/sign-in", new() { ["Input.UserName"] = email, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Sign-in as {email} answered {response.StatusCode}: {(await Tests.Browser.ParseAsync(response)).QuerySelector(".errors")?.TextContent}");
        return browser;
    }

    public async Task<Browser> SignInAsNewAsync(string role) => await SignInAsync(await CreateUserAsync(role));

    public virtual ValueTask InitializeAsync()
    {
        StartServer();
        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
