namespace Tracker.Web.Tests.Features.Export;

/// <summary>Claims exported as W3C Web Annotations (JSON-LD) that other annotation tools can anchor.</summary>
public sealed class AnnotationExportTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_documents_claims_become_an_annotation_collection_whose_selectors_find_the_quote()
    {
        using var client = app.Admin();
        var documentId = (int)(await client.GetFromJsonAsync<JsonNode>("/api/claims?actor=china&topic=golden-dome&limit=1", _ct))!["items"]![0]!["claim"]!["documentId"]!;
        var body = (string)(await client.GetFromJsonAsync<JsonNode>($"/api/documents/{documentId}", _ct))!["body"]!;

        using var response = await client.GetAsync($"/api/export/annotations?document={documentId}", _ct);
        var export = await response.ReadNodeAsync();

        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("http://www.w3.org/ns/anno.jsonld", (string)export["@context"]!);
        Assert.Equal("AnnotationCollection", (string)export["type"]!);
        var items = export["first"]!["items"]!.AsArray();
        Assert.Equal((int)export["total"]!, items.Count);
        Assert.True(items.Count > 10);
        foreach (var item in items)
        {
            Assert.Equal("Annotation", (string)item!["type"]!);
            Assert.EndsWith($"/api/documents/{documentId}", (string)item["target"]!["source"]!);
            var selectors = item["target"]!["selector"]!.AsArray();
            var quote = selectors.Single(s => (string)s!["type"]! == "TextQuoteSelector")!;
            var position = selectors.Single(s => (string)s!["type"]! == "TextPositionSelector")!;
            Assert.Equal((string)quote["exact"]!, body.CodePoints((int)position["start"]!, (int)position["end"]!));
        }

        Assert.Contains(items, i => i!["body"]!.AsArray().Any(b => (string)b!["purpose"]! == "tagging" && (string)b["value"]! == "golden-dome"));
    }

    [Fact]
    public async Task Positions_are_counted_in_code_points_after_characters_outside_the_bmp()
    {
        using var client = app.Admin();
        var statements = new Statements(client);
        var a = await statements.NewActorAsync();
        var document = await statements.DocumentAsync("2025-02-01", [a], "𠀀𠀀本国反对单边制裁。");
        await statements.ClaimAsync(document, "本国反对单边制裁", [a], "opposes", "unilateral-sanctions");

        var export = (await client.GetFromJsonAsync<JsonNode>($"/api/export/annotations?document={document.Id}", _ct))!;

        var item = export["first"]!["items"]!.AsArray().Single()!;
        var position = item["target"]!["selector"]!.AsArray().Single(s => (string)s!["type"]! == "TextPositionSelector")!;
        Assert.Equal(2, (int)position["start"]!);
        Assert.Equal(10, (int)position["end"]!);
        Assert.Contains(item["body"]!.AsArray(), b => (string)b!["purpose"]! == "classifying" && (string)b["value"]! == "opposes");
    }

    [Fact]
    public async Task A_missing_document_is_404_and_an_unknown_topic_is_named()
    {
        using var client = app.Admin();
        using var missing = await client.GetAsync("/api/export/annotations?document=999999", _ct);
        using var unknown = await client.GetAsync("/api/export/annotations?topic=unicorns", _ct);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("unicorns", (string)(await unknown.ReadNodeAsync())["errors"]!["topic"]![0]!);
    }
}
