using AngleSharp.Dom;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Documents;

public sealed class ReaderPageTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<JsonNode> ChineseSeedDocumentAsync()
    {
        using var admin = app.Admin();
        var documents = (await admin.GetFromJsonAsync<JsonArray>("/api/documents?language=zh-Hans", _ct))!;
        var id = (int)documents.OrderByDescending(d => (int)d!["claimCount"]!).First()!["id"]!;
        return (await admin.GetFromJsonAsync<JsonNode>($"/api/documents/{id}", _ct))!;
    }

    [Fact]
    public async Task The_document_list_links_every_document_to_its_reader_with_its_claim_count()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);
        using var admin = app.Admin();
        var documents = (await admin.GetFromJsonAsync<JsonArray>("/api/documents", _ct))!;

        var page = await viewer.GetDocumentAsync("/documents");

        var rows = page.QuerySelectorAll("tbody tr");
        Assert.Equal(documents.Count, rows.Length);
        var first = documents[0]!;
        var row = rows[0];
        Assert.Equal($"/documents/{(int)first["id"]!}", row.QuerySelector("th a")!.GetAttribute("href"));
        Assert.Equal(((int)first["claimCount"]!).ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelector("td.number")!.TextContent);
    }

    [Fact]
    public async Task The_reader_shows_the_whole_body_with_every_claim_marked_and_listed_in_text_order()
    {
        var document = await ChineseSeedDocumentAsync();
        var claims = document["claims"]!.AsArray();
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync($"/documents/{(int)document["id"]!}");

        // Nothing lost and nothing added: the marked-up text reads exactly as the stored body.
        Assert.Equal((string)document["body"]!, page.QuerySelector(".body-text")!.TextContent);
        Assert.Equal("zh-Hans", page.QuerySelector("article.document-body")!.GetAttribute("lang"));
        foreach (var claim in claims)
        {
            var id = (int)claim!["id"]!;
            Assert.NotNull(page.GetElementById($"q{id}"));
            // Where quotes overlap the innermost claim colours the shared text, so a mark holds part of its quote.
            Assert.All(page.QuerySelectorAll($"mark[data-claim='{id}']"), mark => Assert.Contains(mark.TextContent, (string)claim["quote"]!, StringComparison.Ordinal));
        }

        var panel = page.QuerySelectorAll(".claim-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(claims.Select(c => $"#q{(int)c!["id"]!}"), panel);
        Assert.Contains(page.QuerySelectorAll("mark.claim"), m => m.ClassList.Contains("negative"));
        Assert.Contains(page.QuerySelectorAll("mark.claim"), m => m.ClassList.Contains("positive"));
    }

    [Fact]
    public async Task Document_text_is_encoded_never_run()
    {
        using var admin = app.Admin();
        var marker = Guid.NewGuid().ToString("N");
        var text = $"The Sides note <script>alert('{marker}')</script> & <b>bold</b> claims.";
        using var created = await admin.PostAsJsonAsync("/api/documents", new
        {
            title = $"<i>Markup</i> {marker}", issuedOn = "2025-08-01", language = "en", kind = "joint_statement", signatories = new[] { "china" }, text,
        }, _ct);
        var document = await created.ReadNodeAsync();
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync($"/documents/{(int)document["id"]!}");

        Assert.Empty(page.QuerySelectorAll("main script, main b, main i"));
        Assert.Equal((string)document["body"]!, page.QuerySelector(".body-text")!.TextContent);
        Assert.Contains("<i>Markup</i>", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_document_is_a_friendly_404()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);
        using var response = await viewer.Client.GetAsync("/documents/999999", _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", (await Browser.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/documents")]
    [InlineData("/documents/1")]
    public async Task Visitors_are_sent_to_sign_in(string path)
    {
        using var browser = app.Browser();
        using var response = await browser.Client.GetAsync(path, _ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(AuthSetup.SignInPath, response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
