using Microsoft.Data.Sqlite;
using Tracker.Web.Features.Synthetic;

namespace Tracker.Web.Tests.Features.Synthetic;

/// <summary>The synthetic-data command: what it writes, where it refuses to write, and that the app serves it.</summary>
public sealed class SynthesizeTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>The real app over a small synthetic database instead of the seed.</summary>
    private sealed class SyntheticApp : TrackerApp
    {
        protected override bool Seed => false;

        public SynthesizeCommand.Counts? Counts { get; private set; }

        public override async ValueTask InitializeAsync()
        {
            Counts = await SynthesizeCommand.SynthesizeAsync(new SynthesizeOptions(DataDirectory, Documents: 50, Actors: 20, Topics: 60, Claims: 1_000), CancellationToken.None);
            await base.InitializeAsync();
        }
    }

    private static async Task<long> ScalarAsync(string directory, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "tracker.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_small_run_writes_the_asked_counts_marked_synthetic_and_the_app_serves_them()
    {
        await using var app = new SyntheticApp();
        await app.InitializeAsync();

        Assert.Equal(1_000, app.Counts!.Claims);
        Assert.Equal(50, await ScalarAsync(app.DataDirectory, "SELECT count(*) FROM Documents WHERE Note = 'synthetic' AND Title LIKE 'Synthetic statement %'"));
        Assert.Equal(20, await ScalarAsync(app.DataDirectory, "SELECT count(*) FROM Actors WHERE Slug LIKE 'synthetic-actor-%'"));
        Assert.Equal(60, await ScalarAsync(app.DataDirectory, "SELECT count(*) FROM Topics WHERE Slug LIKE 'synthetic-topic-%'"));
        Assert.Equal(1_000, await ScalarAsync(app.DataDirectory, "SELECT count(*) FROM Claims"));
        Assert.Equal(8, await ScalarAsync(app.DataDirectory, "SELECT count(DISTINCT Stance) FROM Claims"));
        Assert.True(await ScalarAsync(app.DataDirectory, "SELECT count(*) FROM Claims WHERE Negated") > 0);
        Assert.True(await ScalarAsync(app.DataDirectory, "SELECT count(*) FROM Topics t JOIN Topics p ON p.Id = t.ParentId JOIN Topics g ON g.Id = p.ParentId WHERE g.ParentId IS NOT NULL") > 0, "no topic four levels deep");
        Assert.True(await ScalarAsync(app.DataDirectory, "SELECT count(*) FROM (SELECT ClaimId FROM ClaimHolders GROUP BY ClaimId HAVING count(*) > 1)") > 0, "no joint claim");
        Assert.Equal(
            await ScalarAsync(app.DataDirectory, "SELECT count(*) FROM ClaimHolders h JOIN Claims c ON c.Id = h.ClaimId WHERE c.Status = 'Accepted'"),
            await ScalarAsync(app.DataDirectory, "SELECT count(*) FROM HeldPositions"));
        // Each quote is the text at its offsets (ASCII, so code points are characters).
        Assert.Equal(0, await ScalarAsync(app.DataDirectory, "SELECT count(*) FROM Claims c JOIN Documents d ON d.Id = c.DocumentId WHERE substr(d.Body, c.Start + 1, c.End - c.Start) <> c.Exact"));

        using var client = app.Admin();
        var matrix = (await client.GetFromJsonAsync<JsonNode>("/api/positions?asOf=2025-12-31", _ct))!;
        Assert.All(matrix["actors"]!.AsArray(), a => Assert.StartsWith("synthetic-actor-", (string)a!["slug"]!));
        Assert.Contains(matrix["rows"]!.AsArray().SelectMany(r => r!["positions"]!.AsArray()), p => p is not null);
        var documents = (await client.GetFromJsonAsync<JsonArray>("/api/documents", _ct))!;
        Assert.Equal(50, documents.Count);
    }

    [Fact]
    public async Task It_refuses_to_run_without_a_data_directory_or_into_an_existing_database()
    {
        using var output = new StringWriter();
        Assert.Equal(2, await SynthesizeCommand.RunAsync(["--claims", "10"], output, _ct));

        var directory = Directory.CreateTempSubdirectory("tracker-synthesize-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "tracker.db"), "not to be touched", _ct);
            Assert.Equal(2, await SynthesizeCommand.RunAsync(["--data-dir", directory, "--documents", "5", "--claims", "10"], output, _ct));
            Assert.Equal("not to be touched", await File.ReadAllTextAsync(Path.Combine(directory, "tracker.db"), _ct));
            Assert.Contains("already holds a tracker.db", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
