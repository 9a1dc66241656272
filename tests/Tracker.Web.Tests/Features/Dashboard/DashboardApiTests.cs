using System.Globalization;

namespace Tracker.Web.Tests.Features.Dashboard;

/// <summary>GET /api/dashboard: the home page's data.</summary>
public sealed class DashboardApiTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_statement_issued_today_leads_the_recent_documents_and_its_intensified_position_is_a_recent_change()
    {
        using var client = app.Admin();
        var statements = new Statements(client);
        var holder = await statements.NewActorAsync("Dashland");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var earlier = await statements.DocumentAsync(today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), [holder], "本国反对单边制裁。");
        await statements.ClaimAsync(earlier, "本国反对单边制裁", [holder], "opposes", "unilateral-sanctions");
        var later = await statements.DocumentAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), [holder], "本国反对并且谴责单边制裁。");
        await statements.ClaimAsync(later, "本国反对并且谴责单边制裁", [holder], "condemns", "unilateral-sanctions");

        using var response = await client.GetAsync("/api/dashboard", _ct);
        var dashboard = await response.ReadNodeAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(dashboard["recentDocuments"]!.AsArray(), d => (int)d!["id"]! == later.Id);
        var changes = dashboard["recentChanges"]!.AsArray().Where(c => (string)c!["actor"]!["slug"]! == holder).ToList();
        Assert.Equal(["intensified", "new"], changes.Select(c => (string)c!["change"]!));
        var change = changes[0]!;
        Assert.Equal("本国反对并且谴责单边制裁", (string)change["after"]!["quote"]!);
        Assert.Equal("opposes", (string)change["before"]!["stance"]!);
        Assert.Equal(later.Id, (int)change["after"]!["document"]!["id"]!);
    }

    [Fact]
    public async Task The_compact_matrix_has_china_and_russia_and_the_monthly_counts_have_the_seeded_statements()
    {
        using var client = app.Admin();

        var dashboard = (await client.GetFromJsonAsync<JsonNode>("/api/dashboard", _ct))!;

        var matrix = dashboard["matrix"]!;
        var rows = matrix["rows"]!.AsArray();
        Assert.InRange(rows.Count, 1, 6);
        Assert.InRange(matrix["topics"]!.AsArray().Count, 1, 8);
        Assert.All(rows, r => Assert.Contains(r!["positions"]!.AsArray(), p => p is not null));
        foreach (var actor in new[] { "china", "russia" })
        {
            var row = rows.Single(r => (string)r!["actor"]!["slug"]! == actor)!;
            Assert.Contains(row["positions"]!.AsArray(), p => p is not null);
        }

        var months = dashboard["claimsByMonth"]!.AsArray();
        Assert.Contains(months, m => (string)m!["month"]! == "2025-05" && (string)m["stance"]! == "opposes" && (int)m["count"]! > 0);
        Assert.Contains(months, m => (string)m!["month"]! == "2022-01" && (string)m["stance"]! == "commits");
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync("/api/dashboard", _ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
