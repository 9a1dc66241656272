using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Export;

/// <summary>The reader and the claims table link to the Web Annotation export of what they show.</summary>
public sealed class ExportLinksTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_reader_links_to_the_documents_annotations_as_json_ld()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);
        using var admin = app.Admin();
        var documentId = (int)(await admin.GetFromJsonAsync<JsonNode>("/api/claims?actor=china&topic=golden-dome&limit=1", _ct))!["items"]![0]!["claim"]!["documentId"]!;

        var page = await viewer.GetDocumentAsync($"/documents/{documentId}");
        var href = page.QuerySelector("a[type='application/ld+json']")!.GetAttribute("href")!;
        using var export = await viewer.Client.GetAsync(href, _ct);

        Assert.Equal($"/api/export/annotations?document={documentId}", href);
        Assert.Equal("application/ld+json", export.Content.Headers.ContentType!.MediaType);
        Assert.Contains("金穹", await export.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_claims_table_links_to_the_annotations_of_its_filter()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync("/claims?stance=condemns&actor=china");
        var href = page.QuerySelector("a[type='application/ld+json']")!.GetAttribute("href")!;
        var collection = JsonNode.Parse(await viewer.Client.GetStringAsync(href, _ct))!;

        Assert.StartsWith("/api/export/annotations?", href, StringComparison.Ordinal);
        Assert.Contains("stance=condemns", href, StringComparison.Ordinal);
        Assert.Contains("actor=china", href, StringComparison.Ordinal);
        var items = collection["first"]!["items"]!.AsArray();
        Assert.NotEmpty(items);
        Assert.Equal((int)collection["total"]!, items.Count);
    }
}
