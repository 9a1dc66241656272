using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Tracker.Web.Tests;

/// <summary>
/// The real app on a real Kestrel port, with its own SQLite file in a temporary folder, migrated and seeded
/// exactly as on a first start.
/// </summary>
public class TrackerApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminToken = "test-admin-token-5b0f";
    public const int MaxDocumentLength = 200_000;

    public TrackerApp() => UseKestrel(0);

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("tracker-tests-").FullName;

    protected virtual bool Seed => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Tracker:DataDirectory", DataDirectory);
        builder.UseSetting("Tracker:AdminToken", AdminToken);
        builder.UseSetting("Tracker:Seed", Seed.ToString());

        // The digest jobs are run by the tests that need them, not on Hangfire's schedule in the background.
        builder.UseSetting("Tracker:Jobs", "false");
        builder.UseSetting("Tracker:MaxDocumentLength", MaxDocumentLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public HttpClient Admin()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    public HttpClient Anonymous() => CreateClient();

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
