using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Documents;

/// <summary>Annotating in the reader: the claim form's fragments, as htmx requests and swaps them.</summary>
public sealed class ReaderAnnotationTests(TrackerApp app)
{
    // 𠀀 is one code point but two UTF-16 units: the form's offsets are code points.
    private const string Text = "𠀀𠀀双方反对单边制裁和长臂管辖。双方支持世界贸易组织改革；双方呼吁维护战略稳定。";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<(int Id, string Body)> NewDocumentAsync()
    {
        using var admin = app.Admin();
        return await new Statements(admin).DocumentAsync("2025-06-03", ["china", "russia"], Text);
    }

    private static (int Start, int End) Find(string body, string quote)
    {
        var start = body[..body.IndexOf(quote, StringComparison.Ordinal)].CodePointLength();
        return (start, start + quote.CodePointLength());
    }

    /// <summary>The fields of a form of a fragment (the first by default), as htmx would send them, with some replaced.</summary>
    private static Dictionary<string, string> Fields(IHtmlDocument fragment, Dictionary<string, string> values, int form = 0) =>
        Browser.Fields(fragment.QuerySelectorAll<IHtmlFormElement>("form").ElementAt(form), values);

    [Fact]
    public async Task A_curator_selects_a_span_after_astral_characters_saves_it_and_gets_the_highlight_and_panel_back()
    {
        var document = await NewDocumentAsync();
        var (start, end) = Find(document.Body, "双方反对单边制裁");
        using var curator = await app.SignInAsNewAsync(Roles.Curator);

        var form = await curator.GetDocumentAsync($"/documents/{document.Id}?handler=ClaimForm&start={start}&end={end}");
        Assert.Equal("双方反对单边制裁", form.QuerySelector("blockquote.quote")!.TextContent);
        // Holders are preset to the signatories.
        Assert.Equal(["china", "russia"], form.QuerySelectorAll<IHtmlInputElement>("input[name='Input.Holders']").Where(i => i.IsChecked).Select(i => i.Value));

        var saved = await curator.PostPageAsync($"/documents/{document.Id}?handler=SaveClaim",
            Fields(form, new() { ["Input.Stance"] = "opposes", ["Input.Topic"] = "单边制裁", ["Input.Intensity"] = "3" }));

        Assert.Empty(saved.QuerySelectorAll(".field-validation-error"));
        // Only the paragraph the quote is in comes back (the body has a second one, its unique tail).
        Assert.Null(saved.QuerySelector("#body-text"));
        var paragraph = Assert.Single(saved.QuerySelectorAll("span.para[hx-swap-oob]"));
        Assert.StartsWith(paragraph.TextContent, document.Body, StringComparison.Ordinal);
        Assert.Contains(Text, paragraph.TextContent, StringComparison.Ordinal);
        var mark = paragraph.QuerySelector("mark.claim")!;
        Assert.Equal("双方反对单边制裁", mark.TextContent);
        Assert.Contains("negative", mark.ClassList);
        Assert.Contains("i3", mark.ClassList);
        // The list was empty (a hint said so), so it comes whole.
        Assert.Contains("单边制裁", saved.QuerySelector("#claim-list-panel[hx-swap-oob] .claim-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("created", saved.QuerySelector("ol.history .action")!.TextContent);

        using var admin = app.Admin();
        var claim = (await admin.GetFromJsonAsync<JsonNode>($"/api/claims/{mark.GetAttribute("data-claim")}", _ct))!;
        Assert.Equal(2, (int)claim["start"]!);
        Assert.Equal("unilateral-sanctions", (string)claim["topic"]!["slug"]!);
        Assert.Equal(3, (int)claim["intensity"]!);
        Assert.Equal("accepted", (string)claim["status"]!);
    }

    [Fact]
    public async Task Editing_a_claim_records_the_change_in_its_history_and_a_stale_version_is_refused_readably()
    {
        var document = await NewDocumentAsync();
        using var admin = app.Admin();
        var claim = await new Statements(admin).ClaimAsync(document, "双方支持世界贸易组织改革", ["china", "russia"], "supports", "wto-reform");
        var id = (int)claim["id"]!;
        using var curator = await app.SignInAsNewAsync(Roles.Curator);
        var form = await curator.GetDocumentAsync($"/documents/{document.Id}?handler=ClaimForm&claim={id}");
        Assert.Equal("supports", form.QuerySelector<IHtmlSelectElement>("select[name='Input.Stance']")!.Value);

        var edited = await curator.PostPageAsync($"/documents/{document.Id}?handler=SaveClaim", Fields(form, new() { ["Input.Stance"] = "welcomes" }));
        Assert.Contains("stance: supports → welcomes", edited.QuerySelector("ol.history")!.TextContent, StringComparison.Ordinal);

        // The first form still carries the version it was opened with.
        var stale = await curator.PostPageAsync($"/documents/{document.Id}?handler=SaveClaim", Fields(form, new() { ["Input.Stance"] = "condemns" }));
        Assert.Contains("Someone else changed this claim", stale.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("welcomes", (string)(await admin.GetFromJsonAsync<JsonNode>($"/api/claims/{id}", _ct))!["stance"]!);
    }

    [Fact]
    public async Task Deleting_from_the_reader_removes_the_highlight_and_is_audited()
    {
        var document = await NewDocumentAsync();
        using var admin = app.Admin();
        var id = (int)(await new Statements(admin).ClaimAsync(document, "双方呼吁维护战略稳定", ["china", "russia"], "calls_for", "strategic-stability"))["id"]!;
        using var curator = await app.SignInAsNewAsync(Roles.Curator);
        var form = await curator.GetDocumentAsync($"/documents/{document.Id}?handler=ClaimForm&claim={id}");

        var deleted = await curator.PostPageAsync($"/documents/{document.Id}?handler=DeleteClaim", Fields(form, [], form: 1));

        Assert.Equal("Claim deleted.", deleted.QuerySelector(".notice")!.TextContent);
        var paragraph = Assert.Single(deleted.QuerySelectorAll("span.para[hx-swap-oob]"));
        Assert.Contains("双方呼吁维护战略稳定", paragraph.TextContent, StringComparison.Ordinal);
        Assert.Empty(paragraph.QuerySelectorAll("mark.claim"));
        // The list lost its only claim, so it comes whole, with its hint.
        Assert.Equal("No claims in this document yet.", deleted.QuerySelector("#claim-list-panel[hx-swap-oob] .hint")!.TextContent);
        using var gone = await admin.GetAsync($"/api/claims/{id}", _ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var history = (await admin.GetFromJsonAsync<JsonArray>($"/api/claims/{id}/history", _ct))!;
        Assert.Equal("deleted", (string)history[^1]!["action"]!);
    }

    [Fact]
    public async Task Editing_a_claim_sends_back_only_its_paragraph_and_its_card_in_place()
    {
        using var admin = app.Admin();
        var statements = new Statements(admin);
        var document = await statements.DocumentAsync("2025-06-04", ["china", "russia"], "双方反对单边制裁。\n\n双方支持世界贸易组织改革。\n\n双方呼吁维护战略稳定。");
        var first = (int)(await statements.ClaimAsync(document, "双方反对单边制裁", ["china", "russia"], "opposes", "unilateral-sanctions"))["id"]!;
        var second = (int)(await statements.ClaimAsync(document, "双方支持世界贸易组织改革", ["china", "russia"], "supports", "wto-reform"))["id"]!;
        using var curator = await app.SignInAsNewAsync(Roles.Curator);
        var page = await curator.GetDocumentAsync($"/documents/{document.Id}");
        var form = await curator.GetDocumentAsync($"/documents/{document.Id}?handler=ClaimForm&claim={first}");

        var edited = await curator.PostPageAsync($"/documents/{document.Id}?handler=SaveClaim", Fields(form, new() { ["Input.Stance"] = "condemns" }));

        Assert.Null(edited.QuerySelector("#body-text"));
        var paragraph = Assert.Single(edited.QuerySelectorAll("span.para[hx-swap-oob]"));
        Assert.Equal(page.GetElementById(paragraph.Id!)!.TextContent, paragraph.TextContent);
        Assert.Equal("condemns · Unilateral sanctions", paragraph.QuerySelector($"mark.claim[data-claim='{first}']")!.GetAttribute("title"));
        // The card leaves its place and comes back, changed, before the next claim; the other card is not sent.
        Assert.Equal("delete", edited.GetElementById($"claim-{first}")!.GetAttribute("hx-swap-oob"));
        var card = edited.QuerySelector($"[hx-swap-oob] > li > a.claim-card[data-claim='{first}']")!;
        Assert.Equal($"beforebegin:#claim-{second}", card.Closest("[hx-swap-oob]")!.GetAttribute("hx-swap-oob"));
        Assert.Equal("condemns", card.QuerySelector(".tag")!.TextContent);
        Assert.Null(edited.QuerySelector($"a.claim-card[data-claim='{second}']"));
        Assert.Equal("2", edited.GetElementById("claim-count")!.TextContent);
        Assert.Null(edited.GetElementById("claim-list-panel"));

        // Deleting the other one removes its card and unmarks its paragraph; the list keeps the first.
        var secondForm = await curator.GetDocumentAsync($"/documents/{document.Id}?handler=ClaimForm&claim={second}");
        var deleted = await curator.PostPageAsync($"/documents/{document.Id}?handler=DeleteClaim", Fields(secondForm, [], form: 1));
        var unmarked = Assert.Single(deleted.QuerySelectorAll("span.para[hx-swap-oob]"));
        Assert.Contains("世界贸易组织", unmarked.TextContent, StringComparison.Ordinal);
        Assert.Empty(unmarked.QuerySelectorAll("mark.claim"));
        Assert.Equal("delete", deleted.GetElementById($"claim-{second}")!.GetAttribute("hx-swap-oob"));
        Assert.Equal("1", deleted.GetElementById("claim-count")!.TextContent);
    }

    [Fact]
    public async Task A_claim_saved_while_reviewing_keeps_the_suggestion_marks_of_its_paragraph()
    {
        var document = await NewDocumentAsync();
        var (start, end) = Find(document.Body, "双方呼吁维护战略稳定");
        using var curator = await app.SignInAsNewAsync(Roles.Curator);
        var review = await curator.GetDocumentAsync($"/documents/{document.Id}?review=true");
        var suggestion = review.QuerySelector("mark.suggestion")!.GetAttribute("data-suggestion");
        var form = await curator.GetDocumentAsync($"/documents/{document.Id}?handler=ClaimForm&start={start}&end={end}");
        var fields = Fields(form, new() { ["Input.Stance"] = "supports", ["Input.Topic"] = "npt" });

        // htmx names the page a request comes from; from the review it is the page with ?review=true.
        async Task<IHtmlDocument> SaveFromAsync(string pageUrl)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/documents/{document.Id}?handler=SaveClaim") { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add("HX-Request", "true");
            request.Headers.Add("HX-Current-URL", new Uri(app.ServerAddress, pageUrl).ToString());
            using var response = await curator.Client.SendAsync(request, _ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await Browser.ParseAsync(response);
        }

        var saved = await SaveFromAsync($"/documents/{document.Id}?review=true");
        var paragraph = Assert.Single(saved.QuerySelectorAll("span.para[hx-swap-oob]"));
        Assert.NotNull(paragraph.QuerySelector("mark.claim"));
        Assert.Contains(suggestion, paragraph.QuerySelectorAll("mark.suggestion").Select(m => m.GetAttribute("data-suggestion")));
        Assert.Equal(review.GetElementById("suggestion-count")!.TextContent, saved.GetElementById("suggestion-count")!.TextContent);

        // The same save from the plain reader sends the paragraph without suggestion marks.
        fields = Fields(form, new() { ["Input.Stance"] = "supports", ["Input.Topic"] = "strategic-stability" });
        var plain = await SaveFromAsync($"/documents/{document.Id}");
        Assert.Empty(Assert.Single(plain.QuerySelectorAll("span.para[hx-swap-oob]")).QuerySelectorAll("mark.suggestion"));
        Assert.Null(plain.GetElementById("suggestion-count"));
    }

    [Fact]
    public async Task A_new_topic_is_created_with_the_claim_and_not_at_all_when_the_claim_is_refused()
    {
        var document = await NewDocumentAsync();
        var (start, end) = Find(document.Body, "长臂管辖");
        var name = $"Long-arm jurisdiction {Guid.NewGuid():N}";
        using var curator = await app.SignInAsNewAsync(Roles.Curator);
        var form = await curator.GetDocumentAsync($"/documents/{document.Id}?handler=ClaimForm&start={start}&end={end}");
        using var admin = app.Admin();

        var refused = await curator.PostPageAsync($"/documents/{document.Id}?handler=SaveClaim",
            Fields(form, new() { ["Input.Stance"] = "", ["Input.Topic"] = "长臂管辖", ["Input.NewTopicName"] = name }));
        Assert.NotNull(refused.QuerySelector("[data-valmsg-for='Input.Stance'].field-validation-error"));
        using (var none = await admin.GetAsync($"/api/topics/{Uri.EscapeDataString(name)}", _ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        var saved = await curator.PostPageAsync($"/documents/{document.Id}?handler=SaveClaim",
            Fields(form, new() { ["Input.Stance"] = "opposes", ["Input.Topic"] = "长臂管辖", ["Input.NewTopicName"] = name }));

        var topic = (await admin.GetFromJsonAsync<JsonNode>($"/api/topics/{Uri.EscapeDataString(name)}", _ct))!;
        Assert.Equal("长臂管辖", (string)topic["names"]!["zh-Hans"]!);
        var claimId = saved.QuerySelector("span.para[hx-swap-oob] mark.claim")!.GetAttribute("data-claim");
        Assert.Equal((string)topic["slug"]!, (string)(await admin.GetFromJsonAsync<JsonNode>($"/api/claims/{claimId}", _ct))!["topic"]!["slug"]!);
    }

    [Fact]
    public async Task The_topic_typeahead_offers_topics_by_any_alias_and_says_when_none_fits()
    {
        var document = await NewDocumentAsync();
        using var curator = await app.SignInAsNewAsync(Roles.Curator);

        var options = await curator.GetDocumentAsync($"/documents/{document.Id}?handler=Topics&Input.Topic={Uri.EscapeDataString("导弹防御")}");
        Assert.Contains("missile-defense", options.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.Equal("", options.QuerySelector("#topic-hint")!.TextContent);

        var none = await curator.GetDocumentAsync($"/documents/{document.Id}?handler=Topics&Input.Topic=zzqx");
        Assert.Empty(none.QuerySelectorAll("option"));
        Assert.Contains("create it", none.QuerySelector("#topic-hint")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_gets_no_form_and_the_server_refuses_their_posts()
    {
        var document = await NewDocumentAsync();
        var (start, end) = Find(document.Body, "双方反对单边制裁");
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync($"/documents/{document.Id}");
        Assert.Null(page.GetElementById("claim-editor"));
        Assert.Empty(page.QuerySelectorAll("script[src*='reader.js'], main form"));
        Assert.Equal("false", page.GetElementById("reader")!.GetAttribute("data-can-edit"));

        using var form = await viewer.Client.GetAsync($"/documents/{document.Id}?handler=ClaimForm&start={start}&end={end}", _ct);
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        var token = await viewer.AntiforgeryTokenAsync();
        using var save = await viewer.PostAsync($"/documents/{document.Id}?handler=SaveClaim", new()
        {
            ["__RequestVerificationToken"] = token, ["Input.Start"] = $"{start}", ["Input.End"] = $"{end}",
            ["Input.Holders"] = "china", ["Input.Stance"] = "opposes", ["Input.Topic"] = "unilateral-sanctions",
        });
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        using var admin = app.Admin();
        Assert.Empty((await admin.GetFromJsonAsync<JsonNode>($"/api/documents/{document.Id}", _ct))!["claims"]!.AsArray());
    }
}
