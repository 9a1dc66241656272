namespace Tracker.Web.Tests.Features.Alignment;

/// <summary>Agreement between two actors over the seeded statements.</summary>
public sealed class AlignmentTests(TrackerApp app)
{
    // Other tests add statements signed by China and Russia from June 2025; the seed ends on 8 May 2025.
    private const string SeedEnd = "2025-05-31";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<JsonNode> AlignmentAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/alignment?{query}", _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadNodeAsync();
    }

    [Fact]
    public async Task China_and_russia_agree_more_than_the_united_states_and_china_each_with_its_shared_topics()
    {
        using var client = app.Admin();
        var chinaRussia = await AlignmentAsync(client, $"a=china&b={Uri.EscapeDataString("俄方")}&to={SeedEnd}");
        var usChina = await AlignmentAsync(client, $"a=united-states&b=china&to={SeedEnd}");

        Assert.Equal(1.0, (double)chinaRussia["score"]!);
        Assert.True((int)chinaRussia["sharedTopics"]! > 100);
        Assert.Empty(chinaRussia["differ"]!.AsArray());
        var usChinaScore = (double)usChina["score"]!;
        Assert.InRange(usChinaScore, 0.0, 0.99);
        Assert.InRange((int)usChina["sharedTopics"]!, 10, (int)chinaRussia["sharedTopics"]! - 1);
        Assert.Equal((int)usChina["sharedTopics"]!, usChina["agree"]!.AsArray().Count + usChina["differ"]!.AsArray().Count);

        var goldenDome = usChina["differ"]!.AsArray().Single(t => (string)t!["topic"]!["slug"]! == "golden-dome")!;
        Assert.Equal(1.0, (double)goldenDome["distance"]!);
        Assert.Equal(1, (int)goldenDome["a"]!["polarity"]!);
        Assert.Equal(-1, (int)goldenDome["b"]!["polarity"]!);
    }

    [Fact]
    public async Task Over_time_the_united_states_and_china_agree_fully_in_2022_and_less_after_golden_dome()
    {
        using var client = app.Admin();
        var usChina = await AlignmentAsync(client, $"a=united-states&b=china&to={SeedEnd}");

        var series = usChina["series"]!.AsArray().ToDictionary(p => (string)p!["date"]!, p => p);
        Assert.Null((double?)series["2021-06-16"]!["score"]);
        Assert.Equal(1.0, (double)series["2022-01-03"]!["score"]!);
        Assert.True((int)series["2022-01-03"]!["sharedTopics"]! > 0);
        Assert.Equal((double)usChina["score"]!, (double)series["2025-05-08"]!["score"]!);

        var yearly = await AlignmentAsync(client, $"a=united-states&b=china&to={SeedEnd}&interval=year");
        Assert.Equal(["2021-12-31", "2022-12-31", SeedEnd], yearly["series"]!.AsArray().Select(p => (string)p!["date"]!));
    }

    [Fact]
    public async Task Leaving_out_co_signed_statements_leaves_china_and_russia_no_shared_topic_and_no_score()
    {
        using var client = app.Admin();
        var alone = await AlignmentAsync(client, $"a=china&b=russia&to={SeedEnd}&excludeCosigned=true");

        Assert.True((bool)alone["excludeCosigned"]!);
        Assert.Null((double?)alone["score"]);
        Assert.Equal(0, (int)alone["sharedTopics"]!);
    }

    [Fact]
    public async Task Missing_and_unknown_actors_are_named()
    {
        using var client = app.Admin();
        using var response = await client.GetAsync("/api/alignment?a=Atlantis&from=yesterday", _ct);
        var errors = (await response.ReadNodeAsync())["errors"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Atlantis", (string)errors["a"]![0]!);
        Assert.NotNull(errors["b"]);
        Assert.NotNull(errors["from"]);
    }

    [Fact]
    public async Task An_actor_compared_with_itself_or_a_period_ending_before_it_starts_is_refused()
    {
        using var client = app.Admin();
        using var self = await client.GetAsync("/api/alignment?a=china&b=china", _ct);
        using var backwards = await client.GetAsync("/api/alignment?a=china&b=russia&from=2025-01-01&to=2024-01-01", _ct);

        Assert.NotNull((await self.ReadNodeAsync())["errors"]!["b"]);
        Assert.NotNull((await backwards.ReadNodeAsync())["errors"]!["to"]);
    }
}
