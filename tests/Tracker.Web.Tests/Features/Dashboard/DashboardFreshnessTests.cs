namespace Tracker.Web.Tests.Features.Dashboard;

/// <summary>The dashboard remembers its aggregates until the data changes: a change must show on the next visit.</summary>
public sealed class DashboardFreshnessTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<int> CondemnsInMarch1999Async(HttpClient client)
    {
        var dashboard = (await client.GetFromJsonAsync<JsonNode>("/api/dashboard", _ct))!;
        return dashboard["claimsByMonth"]!.AsArray()
            .Where(m => (string)m!["month"]! == "1999-03" && (string)m["stance"]! == "condemns")
            .Sum(m => (int)m!["count"]!);
    }

    [Fact]
    public async Task Claims_by_month_follow_a_new_claim_and_its_rejection()
    {
        using var admin = app.Admin();
        var statements = new Statements(admin);
        var actor = await statements.NewActorAsync();
        var before = await CondemnsInMarch1999Async(admin);

        // Only this test writes statements of March 1999.
        var document = await statements.DocumentAsync("1999-03-17", [actor], "The Side condemns the arms race.", "en");
        var claim = await statements.ClaimAsync(document, "condemns the arms race", [actor], "condemns", "strategic-stability");
        Assert.Equal(before + 1, await CondemnsInMarch1999Async(admin));

        using var rejected = await admin.PutAsJsonAsync($"/api/claims/{(int)claim["id"]!}", new
        {
            start = (int)claim["start"]!, end = (int)claim["end"]!, holders = new[] { actor }, stance = "condemns", topic = "strategic-stability",
            status = "rejected", version = (int)claim["version"]!,
        }, _ct);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(before, await CondemnsInMarch1999Async(admin));
    }
}
