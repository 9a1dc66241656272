using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Documents;

/// <summary>Correcting a document's details in the reader: the form and the head, as htmx requests and swaps them.</summary>
public sealed class ReaderDetailsTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>The fields of the details form as the browser would send them, with some replaced.</summary>
    private static Dictionary<string, string> Fields(IHtmlDocument fragment, Dictionary<string, string> values) =>
        Browser.Fields(fragment.QuerySelector<IHtmlFormElement>("form[action*='handler=SaveDetails']")!, values);

    [Fact]
    public async Task A_curator_corrects_the_date_and_place_and_gets_the_new_head_back()
    {
        using var admin = app.Admin();
        var statements = new Statements(admin);
        var a = await statements.NewActorAsync();
        var document = await statements.DocumentAsync("2024-05-06", [a], "本国支持世界贸易组织改革。");
        using var curator = await app.SignInAsNewAsync(Roles.Curator);
        var reader = await curator.GetDocumentAsync($"/documents/{document.Id}");
        Assert.Equal($"/documents/{document.Id}?handler=DetailsForm", reader.QuerySelector("#document-head button[hx-get]")!.GetAttribute("hx-get"));

        var form = await curator.GetDocumentAsync($"/documents/{document.Id}?handler=DetailsForm");
        Assert.Equal("2024-05-06", form.QuerySelector<IHtmlInputElement>("input[name='Details.IssuedOn']")!.Value);
        Assert.Equal("joint_statement", form.QuerySelector<IHtmlSelectElement>("select[name='Details.Kind']")!.Value);
        Assert.Equal([a, ""], form.QuerySelectorAll<IHtmlInputElement>("fieldset.signatories input").Select(i => i.Value));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));

        var head = await curator.PostPageAsync($"/documents/{document.Id}?handler=SaveDetails",
            Fields(form, new() { ["Details.IssuedOn"] = "2024-06-03", ["Details.Place"] = "<b>Astana</b>" }));

        Assert.Equal("document-head", head.QuerySelector("header")!.Id);
        Assert.Equal("2024-06-03", head.QuerySelector("header time")!.GetAttribute("datetime"));
        Assert.Equal("3 June 2024", head.QuerySelector("header time")!.TextContent);
        // The place is text, encoded: no element comes of it.
        Assert.Contains("<b>Astana</b>", head.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(head.QuerySelectorAll(".meta b"));
        Assert.Equal("Details saved.", head.QuerySelector(".notice")!.TextContent);
        var saved = (await admin.GetFromJsonAsync<JsonNode>($"/api/documents/{document.Id}", _ct))!;
        Assert.Equal(("2024-06-03", "<b>Astana</b>"), ((string)saved["issuedOn"]!, (string)saved["place"]!));

        // Reopened, the form shows the change in its history.
        var reopened = await curator.GetDocumentAsync($"/documents/{document.Id}?handler=DetailsForm");
        var history = reopened.QuerySelector("ol.history")!.TextContent;
        Assert.Contains("issued on: 2024-05-06 → 2024-06-03", history, StringComparison.Ordinal);
        Assert.Contains("place: – → <b>Astana</b>", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_come_back_beside_their_fields_and_nothing_is_saved()
    {
        using var admin = app.Admin();
        var statements = new Statements(admin);
        var (a, b) = (await statements.NewActorAsync(), await statements.NewActorAsync());
        var document = await statements.DocumentAsync("2024-05-06", [a, b], "双方支持世界贸易组织改革。");
        await statements.ClaimAsync(document, "双方支持世界贸易组织改革", [a, b], "supports", "wto-reform");
        using var curator = await app.SignInAsNewAsync(Roles.Curator);
        var form = await curator.GetDocumentAsync($"/documents/{document.Id}?handler=DetailsForm");

        var invalid = await curator.PostPageAsync($"/documents/{document.Id}?handler=SaveDetails",
            Fields(form, new() { ["Details.IssuedOn"] = "", ["Details.SourceUrl"] = "ftp://example.org", ["Details.Signatories[2]"] = "Atlantis" }));

        Assert.NotNull(invalid.QuerySelector("form[action*='handler=SaveDetails']"));
        Assert.NotEmpty(invalid.QuerySelector("[data-valmsg-for='Details.IssuedOn']")!.TextContent);
        Assert.Equal("The source URL must be an absolute http or https address.", invalid.QuerySelector("[data-valmsg-for='Details.SourceUrl']")!.TextContent);
        Assert.Contains("'Atlantis' is not a known actor", invalid.QuerySelector("fieldset.signatories .error")!.TextContent, StringComparison.Ordinal);
        // What was typed stays in the form.
        Assert.Equal("ftp://example.org", invalid.QuerySelector<IHtmlInputElement>("input[name='Details.SourceUrl']")!.Value);

        var refused = await curator.PostPageAsync($"/documents/{document.Id}?handler=SaveDetails",
            Fields(form, new() { ["Details.IssuedOn"] = "2024-05-07", ["Details.Signatories[1]"] = "" }));

        Assert.Contains("holds 1 claim in this document", refused.QuerySelector("fieldset.signatories .error")!.TextContent, StringComparison.Ordinal);
        var unchanged = (await admin.GetFromJsonAsync<JsonNode>($"/api/documents/{document.Id}", _ct))!;
        Assert.Equal("2024-05-06", (string)unchanged["issuedOn"]!);
        Assert.Null(unchanged["sourceUrl"]);
        Assert.Equal([a, b], unchanged["signatories"]!.AsArray().Select(s => (string)s!["slug"]!));
    }

    [Fact]
    public async Task Viewers_see_no_edit_action_and_are_refused_the_form()
    {
        using var admin = app.Admin();
        var statements = new Statements(admin);
        var a = await statements.NewActorAsync();
        var document = await statements.DocumentAsync("2024-05-06", [a], "本国支持世界贸易组织改革。");
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var reader = await viewer.GetDocumentAsync($"/documents/{document.Id}");
        using var form = await viewer.Client.GetAsync($"/documents/{document.Id}?handler=DetailsForm", _ct);

        Assert.Empty(reader.QuerySelectorAll("#document-head button"));
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
    }
}
