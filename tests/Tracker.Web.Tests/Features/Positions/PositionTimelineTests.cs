namespace Tracker.Web.Tests.Features.Positions;

/// <summary>One position over time, each claim labelled as the codebook compares two positions.</summary>
public sealed class PositionTimelineTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<JsonNode> TimelineAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/positions/timeline?{query}", _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadNodeAsync();
    }

    [Fact]
    public async Task Opposing_and_then_opposing_and_condemning_is_intensified_and_a_topic_left_out_is_dropped()
    {
        using var client = app.Admin();
        var statements = new Statements(client);
        var a = await statements.NewActorAsync();
        var b = await statements.NewActorAsync();
        var earlier = await statements.DocumentAsync("2024-03-01", [a, b], "双方反对单边制裁。双方支持世界贸易组织改革。");
        await statements.ClaimAsync(earlier, "双方反对单边制裁", [a, b], "opposes", "unilateral-sanctions");
        await statements.ClaimAsync(earlier, "双方支持世界贸易组织改革", [a, b], "supports", "wto-reform");
        var later = await statements.DocumentAsync("2025-03-01", [a, b], "双方反对并且谴责单边制裁。双方呼吁维护战略稳定。");
        await statements.ClaimAsync(later, "双方反对并且谴责单边制裁", [a, b], "condemns", "unilateral-sanctions");
        await statements.ClaimAsync(later, "双方呼吁维护战略稳定", [a, b], "calls_for", "strategic-stability");

        var sanctions = await TimelineAsync(client, $"actor={a}&topic=unilateral-sanctions");
        var wto = await TimelineAsync(client, $"actor={a}&topic=wto-reform");

        Assert.Equal(["new", "intensified"], sanctions["entries"]!.AsArray().Select(e => (string)e!["change"]!));
        Assert.Equal(["2024-03-01", "2025-03-01"], sanctions["entries"]!.AsArray().Select(e => (string)e!["issuedOn"]!));
        Assert.Equal("双方反对并且谴责单边制裁", (string)sanctions["entries"]![1]!["position"]!["quote"]!);
        Assert.Equal(["new", "dropped"], wto["entries"]!.AsArray().Select(e => (string)e!["change"]!));
        Assert.Equal(later.Id, (int)wto["entries"]![1]!["document"]!["id"]!);
        Assert.Null(wto["entries"]![1]!["position"]);
    }

    [Fact]
    public async Task A_silent_statement_imported_later_with_an_earlier_date_takes_the_dropped_label()
    {
        // Silences are found by the date each signature carries: a document imported after the others, dated
        // between them, is the first silence, and the later one is no longer "dropped" (a topic is dropped once).
        using var client = app.Admin();
        var statements = new Statements(client);
        var a = await statements.NewActorAsync();
        var first = await statements.DocumentAsync("2024-01-10", [a], "本国支持世界贸易组织改革。");
        await statements.ClaimAsync(first, "本国支持世界贸易组织改革", [a], "supports", "wto-reform");
        var later = await statements.DocumentAsync("2024-09-10", [a], "本国呼吁维护战略稳定。");
        var before = await TimelineAsync(client, $"actor={a}&topic=wto-reform");

        var between = await statements.DocumentAsync("2024-05-10", [a], "本国反对单边制裁。");
        var after = await TimelineAsync(client, $"actor={a}&topic=wto-reform");

        Assert.Equal([("new", first.Id), ("dropped", later.Id)], Steps(before));
        Assert.Equal([("new", first.Id), ("dropped", between.Id)], Steps(after));
        Assert.Equal("2024-05-10", (string)after["entries"]![1]!["issuedOn"]!);
        Assert.Equal(["2024-01-10", "2024-05-10"], after["points"]!["issuedOn"]!.AsArray().Select(d => (string)d!));

        static List<(string, int)> Steps(JsonNode timeline) =>
            timeline["entries"]!.AsArray().Select(e => ((string)e!["change"]!, (int)e["document"]!["id"]!)).ToList();
    }

    [Fact]
    public async Task Supporting_and_later_calling_to_abandon_the_same_thing_is_reversed()
    {
        // "应摒弃…" is calls_for with negated = true: a negative position, so the support is reversed.
        using var client = app.Admin();
        var statements = new Statements(client);
        var a = await statements.NewActorAsync();
        var earlier = await statements.DocumentAsync("2023-01-10", [a], "本国支持军事同盟。");
        await statements.ClaimAsync(earlier, "本国支持军事同盟", [a], "supports", "military-alliances");
        var later = await statements.DocumentAsync("2024-01-10", [a], "本国认为应摒弃军事同盟。");
        await statements.ClaimAsync(later, "应摒弃军事同盟", [a], "calls_for", "military-alliances", negated: true);

        var timeline = await TimelineAsync(client, $"actor={a}&topic=military-alliances");

        var entries = timeline["entries"]!.AsArray();
        Assert.Equal(["new", "reversed"], entries.Select(e => (string)e!["change"]!));
        Assert.Equal(-1, (int)entries[1]!["position"]!["polarity"]!);
        Assert.True((bool)entries[1]!["position"]!["negated"]!);
    }

    [Fact]
    public async Task A_statement_on_the_same_day_does_not_drop_what_its_sibling_says()
    {
        using var client = app.Admin();
        var statements = new Statements(client);
        var a = await statements.NewActorAsync();
        var first = await statements.DocumentAsync("2024-05-08", [a], "本国支持世界贸易组织改革。");
        await statements.ClaimAsync(first, "本国支持世界贸易组织改革", [a], "supports", "wto-reform");
        await statements.DocumentAsync("2024-05-08", [a], "本国呼吁维护战略稳定。");

        var timeline = await TimelineAsync(client, $"actor={a}&topic=wto-reform");

        Assert.Equal(["new"], timeline["entries"]!.AsArray().Select(e => (string)e!["change"]!));
    }

    [Fact]
    public async Task Across_all_actors_the_p5_statement_drops_new_start_for_both_holders_of_2021()
    {
        using var client = app.Admin();
        var timeline = await TimelineAsync(client, "topic=New%20START");

        var entries = timeline["entries"]!.AsArray().Select(e => ((string)e!["issuedOn"]!, (string)e["actor"]!["slug"]!, (string)e["change"]!)).ToList();
        Assert.Equal("new-start", (string)timeline["topic"]!["slug"]!);
        Assert.Contains(("2021-06-16", "russia", "new"), entries);
        Assert.Contains(("2021-06-16", "united-states", "new"), entries);
        Assert.Contains(("2022-01-03", "russia", "dropped"), entries);
        Assert.Contains(("2022-01-03", "united-states", "dropped"), entries);

        // The chart's points name their actor by its place in the actors listed, and a silence has no stance.
        var points = timeline["points"]!;
        var actors = timeline["actors"]!.AsArray().Select(a => (string)a!["slug"]!).ToList();
        var drawn = Enumerable.Range(0, (int)timeline["total"]!)
            .Select(i => ((string)points["issuedOn"]![i]!, actors[(int)points["actor"]![i]!], (string)points["change"]![i]!, points["stance"]![i] is null))
            .ToList();
        Assert.All(points.AsObject(), column => Assert.Equal((int)timeline["total"]!, column.Value!.AsArray().Count));
        Assert.Contains(("2021-06-16", "russia", "new", false), drawn);
        Assert.Contains(("2021-06-16", "united-states", "new", false), drawn);
        Assert.Contains(("2022-01-03", "russia", "dropped", true), drawn);
        Assert.Contains(("2022-01-03", "united-states", "dropped", true), drawn);
    }

    [Fact]
    public async Task With_rollup_claims_on_subtopics_join_the_position_in_date_order()
    {
        using var client = app.Admin();
        var timeline = await TimelineAsync(client, "actor=united-states&topic=missile-defense&rollup=true");

        var entries = timeline["entries"]!.AsArray();
        Assert.Equal("new", (string)entries[0]!["change"]!);
        Assert.Contains(entries, e => (string)e!["position"]?["topic"]!["slug"]! == "golden-dome");
        Assert.Equal(entries.Select(e => (string)e!["issuedOn"]!).Order(StringComparer.Ordinal), entries.Select(e => (string)e!["issuedOn"]!));
    }

    [Fact]
    public async Task A_page_of_the_timeline_keeps_the_labels_of_the_whole_history_and_the_chart_gets_every_point()
    {
        using var client = app.Admin();
        var statements = new Statements(client);
        var a = await statements.NewActorAsync();
        var first = await statements.DocumentAsync("2023-02-01", [a], "本国反对单边制裁。");
        await statements.ClaimAsync(first, "本国反对单边制裁", [a], "opposes", "unilateral-sanctions");
        var second = await statements.DocumentAsync("2024-02-01", [a], "本国反对并且谴责单边制裁。");
        await statements.ClaimAsync(second, "本国反对并且谴责单边制裁", [a], "condemns", "unilateral-sanctions");
        var third = await statements.DocumentAsync("2025-02-01", [a], "本国支持单边制裁。");
        await statements.ClaimAsync(third, "本国支持单边制裁", [a], "supports", "unilateral-sanctions");

        var latest = await TimelineAsync(client, $"actor={a}&topic=unilateral-sanctions&limit=2");
        var earlier = await TimelineAsync(client, $"actor={a}&topic=unilateral-sanctions&limit=2&before={(int)latest["first"]!}");
        var whole = await TimelineAsync(client, $"actor={a}&topic=unilateral-sanctions");

        Assert.Equal(3, (int)latest["total"]!);
        Assert.Equal(1, (int)latest["first"]!);
        Assert.Equal(["intensified", "reversed"], latest["entries"]!.AsArray().Select(e => (string)e!["change"]!));
        Assert.Equal("本国支持单边制裁", (string)latest["entries"]![1]!["position"]!["quote"]!);
        Assert.Equal(0, (int)earlier["first"]!);
        Assert.Equal(["new"], earlier["entries"]!.AsArray().Select(e => (string)e!["change"]!));
        Assert.Equal(["new", "intensified", "reversed"], latest["points"]!["change"]!.AsArray().Select(c => (string)c!));
        Assert.Equal([-1, -1, 1], latest["points"]!["polarity"]!.AsArray().Select(p => (int)p!));
        Assert.Equal([first.Id, second.Id, third.Id], latest["points"]!["documentId"]!.AsArray().Select(d => (int)d!));
        Assert.Equal(3, whole["entries"]!.AsArray().Count);
        Assert.Equal(0, (int)whole["first"]!);
    }

    [Fact]
    public async Task A_page_size_out_of_bounds_is_refused()
    {
        using var client = app.Admin();
        using var zero = await client.GetAsync("/api/positions/timeline?topic=golden-dome&limit=0", _ct);
        using var negative = await client.GetAsync("/api/positions/timeline?topic=golden-dome&before=-1", _ct);

        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.NotNull((await zero.ReadNodeAsync())["errors"]!["limit"]);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
    }

    [Fact]
    public async Task A_timeline_needs_a_known_topic()
    {
        using var client = app.Admin();
        using var missing = await client.GetAsync("/api/positions/timeline?actor=china", _ct);
        using var unknown = await client.GetAsync("/api/positions/timeline?actor=Atlantis&topic=golden-dome", _ct);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.NotNull((await missing.ReadNodeAsync())["errors"]!["topic"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Atlantis", (string)(await unknown.ReadNodeAsync())["errors"]!["actor"]![0]!);
    }
}
