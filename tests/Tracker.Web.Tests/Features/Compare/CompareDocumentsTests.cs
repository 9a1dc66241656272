namespace Tracker.Web.Tests.Features.Compare;

/// <summary>Two documents side by side: per holder and topic, before, after and the change.</summary>
public sealed class CompareDocumentsTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_diff_shows_both_quotes_labels_the_change_and_lists_the_dropped_topic()
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

        using var response = await client.GetAsync($"/api/compare?from={earlier.Id}&to={later.Id}", _ct);
        var diff = await response.ReadNodeAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = diff["positions"]!.AsArray();
        var sanctions = rows.Single(r => (string)r!["holder"]!["slug"]! == a && (string)r["topic"]!["slug"]! == "unilateral-sanctions")!;
        Assert.Equal("intensified", (string)sanctions["change"]!);
        Assert.Equal("双方反对单边制裁", (string)sanctions["before"]!["quote"]!);
        Assert.Equal("双方反对并且谴责单边制裁", (string)sanctions["after"]!["quote"]!);
        var stability = rows.Single(r => (string)r!["holder"]!["slug"]! == a && (string)r["topic"]!["slug"]! == "strategic-stability")!;
        Assert.Equal("new", (string)stability["change"]!);
        Assert.Null(stability["before"]);
        var dropped = diff["dropped"]!.AsArray().Single()!;
        Assert.Equal("wto-reform", (string)dropped["topic"]!["slug"]!);
        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), dropped["holders"]!.AsArray().Select(h => (string)h!["slug"]!));
    }

    [Fact]
    public async Task Holders_who_are_no_party_to_the_later_document_are_not_said_to_drop_anything()
    {
        // The P5 statement (2022) against China and Russia's statement on strategic stability (2025).
        using var client = app.Admin();
        var p5 = (await client.GetFromJsonAsync<JsonNode>("/api/claims?actor=france&to=2022-12-31&limit=1", _ct))!["items"]![0]!["claim"]!["documentId"]!;
        var cnRu = (await client.GetFromJsonAsync<JsonNode>("/api/claims?actor=china&topic=golden-dome&limit=1", _ct))!["items"]![0]!["claim"]!["documentId"]!;

        var diff = (await client.GetFromJsonAsync<JsonNode>($"/api/compare?from={(int)p5}&to={(int)cnRu}", _ct))!;

        var holders = diff["positions"]!.AsArray().Select(r => (string)r!["holder"]!["slug"]!).Distinct().ToList();
        Assert.Equal(new[] { "china", "russia" }.Order(StringComparer.Ordinal), holders.Order(StringComparer.Ordinal));
        Assert.Contains(diff["dropped"]!.AsArray(), d => (string)d!["topic"]!["slug"]! == "npt");
    }

    [Fact]
    public async Task A_missing_document_is_404_and_missing_ids_are_named()
    {
        using var client = app.Admin();
        using var missing = await client.GetAsync("/api/compare?from=1&to=999999", _ct);
        using var incomplete = await client.GetAsync("/api/compare?from=1", _ct);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("999999", (string)(await missing.ReadNodeAsync())["detail"]!);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.NotNull((await incomplete.ReadNodeAsync())["errors"]!["to"]);
    }
}
