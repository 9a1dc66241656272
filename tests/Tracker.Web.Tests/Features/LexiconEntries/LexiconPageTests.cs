using AngleSharp.Dom;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.LexiconEntries;

/// <summary>
/// The lexicon page: curators add, change and delete entries, the suggester uses the change at once, and each
/// cue shows its precision from accept and reject decisions. Every test invents its own cue word, so decisions
/// made by other tests never reach its figures.
/// </summary>
public sealed class LexiconPageTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static string NewCue() => "zorbify" + Guid.NewGuid().ToString("N")[..8];

    private static async Task AddAsync(Browser curator, string text, string key = "supports", string kind = "cue", string language = "en")
    {
        using var response = await curator.SubmitAsync("/lexicon", new()
        {
            ["Input.Language"] = language, ["Input.Kind"] = kind, ["Input.Key"] = key, ["Input.Text"] = text,
        }, "Add");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<(int Id, JsonArray Suggestions)> DocumentWithAsync(string cue)
    {
        using var admin = app.Admin();
        var document = await new Statements(admin).DocumentAsync("2025-06-07", ["china", "russia"],
            $"The two Sides {cue} WTO reform. The two Sides {cue} illegal unilateral sanctions.", "en");
        return (document.Id, (await admin.GetFromJsonAsync<JsonArray>($"/api/documents/{document.Id}/suggestions", _ct))!);
    }

    private static async Task<IElement> RowAsync(Browser browser, string text)
    {
        var page = await browser.GetDocumentAsync($"/lexicon?q={text}");
        return page.QuerySelectorAll("table.lexicon tbody tr").Single(r => r.QuerySelector("td.text")?.TextContent == text);
    }

    private static async Task DecideAsync(Browser curator, int documentId, string handler, string key)
    {
        using var response = await curator.PostAsync($"/documents/{documentId}?handler={handler}", new()
        {
            ["__RequestVerificationToken"] = await curator.AntiforgeryTokenAsync(), ["key"] = key,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_new_cue_is_suggested_at_once_and_its_precision_counts_accepts_against_rejects()
    {
        var cue = NewCue();
        using var curator = await app.SignInAsNewAsync(Roles.Curator);
        await AddAsync(curator, cue);
        var (documentId, suggestions) = await DocumentWithAsync(cue);
        var mine = suggestions.Where(s => (string)s!["cue"]! == cue).ToList();
        Assert.Equal(["unilateral-sanctions", "wto-reform"], mine.Select(s => (string)s!["topic"]!["slug"]!).Order());
        Assert.All(mine, s => Assert.Equal("supports", (string)s!["stance"]!));
        var before = await RowAsync(curator, cue);
        Assert.Equal("–", before.QuerySelector("td.precision")!.TextContent.Trim());

        await DecideAsync(curator, documentId, "Accept", (string)mine.Single(s => (string)s!["topic"]!["slug"]! == "wto-reform")!["key"]!);
        await DecideAsync(curator, documentId, "Reject", (string)mine.Single(s => (string)s!["topic"]!["slug"]! == "unilateral-sanctions")!["key"]!);

        var row = await RowAsync(curator, cue);
        Assert.Equal("1", row.QuerySelector("td.accepted")!.TextContent);
        Assert.Equal("1", row.QuerySelector("td.rejected")!.TextContent);
        Assert.Equal("50%", row.QuerySelector("td.precision")!.TextContent.Trim());
        Assert.Null(row.QuerySelector("td.precision .misfiring"));

        // Sorted to show misfiring cues, a cue that was only rejected comes before this one.
        var worse = NewCue();
        await AddAsync(curator, worse);
        var (otherId, other) = await DocumentWithAsync(worse);
        await DecideAsync(curator, otherId, "Reject", (string)other.First(s => (string)s!["cue"]! == worse)!["key"]!);
        var sorted = await curator.GetDocumentAsync("/lexicon?q=zorbify&sort=precision&decided=true");
        var texts = sorted.QuerySelectorAll("table.lexicon tbody td.text").Select(t => t.TextContent).ToList();
        Assert.DoesNotContain(sorted.QuerySelectorAll("table.lexicon tbody td.precision"), p => p.TextContent.Trim() == "–");
        Assert.True(texts.IndexOf(worse) < texts.IndexOf(cue), string.Join(", ", texts));
        Assert.Equal("0%", (await RowAsync(curator, worse)).QuerySelector("td.precision .misfiring")!.TextContent);
    }

    [Fact]
    public async Task Changing_an_entry_keeps_its_decisions_and_the_suggester_reads_the_new_word()
    {
        var cue = NewCue();
        var renamed = NewCue();
        using var curator = await app.SignInAsNewAsync(Roles.Curator);
        await AddAsync(curator, cue);
        var (documentId, suggestions) = await DocumentWithAsync(cue);
        await DecideAsync(curator, documentId, "Reject", (string)suggestions.First(s => (string)s!["cue"]! == cue)!["key"]!);
        var id = (await RowAsync(curator, cue)).GetAttribute("data-entry");

        using var saved = await curator.SubmitAsync($"/lexicon/{id}", new() { ["Input.Text"] = renamed, ["Input.Key"] = "opposes" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var row = await RowAsync(curator, renamed);
        Assert.Equal("1", row.QuerySelector("td.rejected")!.TextContent);
        Assert.Equal("opposes", row.QuerySelectorAll("td")[2].TextContent);
        var (_, after) = await DocumentWithAsync(renamed);
        Assert.Contains(after, s => (string)s!["cue"]! == renamed && (string)s!["stance"]! == "opposes");
        var (_, old) = await DocumentWithAsync(cue);
        Assert.DoesNotContain(old, s => (string)s!["cue"]! == cue);
    }

    [Fact]
    public async Task Deleting_an_entry_stops_its_suggestions()
    {
        var cue = NewCue();
        using var curator = await app.SignInAsNewAsync(Roles.Curator);
        await AddAsync(curator, cue);
        var id = (await RowAsync(curator, cue)).GetAttribute("data-entry");

        using var deleted = await curator.SubmitAsync($"/lexicon/{id}", [], "Delete");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var page = await curator.GetDocumentAsync($"/lexicon?q={cue}");
        Assert.Empty(page.QuerySelectorAll("table.lexicon tbody td.text"));
        var (_, suggestions) = await DocumentWithAsync(cue);
        Assert.DoesNotContain(suggestions, s => (string)s!["cue"]! == cue);
    }

    [Theory]
    [InlineData("cue", "likes", "Input.Key")]
    [InlineData("holder", "atlantis", "Input.Key")]
    [InlineData("negation", "supports", "Input.Key")]
    [InlineData("cue", "supports", "Input.Text")]
    public async Task An_invalid_entry_is_refused_with_the_message_beside_its_field(string kind, string key, string field)
    {
        using var curator = await app.SignInAsNewAsync(Roles.Curator);
        // The last case repeats an entry of the seed.
        var text = field == "Input.Text" ? "support" : NewCue();

        using var response = await curator.SubmitAsync("/lexicon", new()
        {
            ["Input.Language"] = "en", ["Input.Kind"] = kind, ["Input.Key"] = key, ["Input.Text"] = text,
        }, "Add");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.NotEmpty(page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent);
    }

    [Fact]
    public async Task Viewers_read_the_lexicon_but_cannot_change_it()
    {
        using var curator = await app.SignInAsNewAsync(Roles.Curator);
        var cue = NewCue();
        await AddAsync(curator, cue);
        var id = (await RowAsync(curator, cue)).GetAttribute("data-entry");
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync($"/lexicon?q={cue}");
        Assert.Empty(page.QuerySelectorAll("main form[method=post], a[href^='/lexicon/']"));
        var token = await viewer.AntiforgeryTokenAsync();
        using var add = await viewer.PostAsync("/lexicon?handler=Add", new()
        {
            ["__RequestVerificationToken"] = token, ["Input.Language"] = "en", ["Input.Kind"] = "cue", ["Input.Key"] = "supports", ["Input.Text"] = NewCue(),
        });
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        using var delete = await viewer.PostAsync($"/lexicon/{id}?handler=Delete", new() { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        using var edit = await viewer.Client.GetAsync($"/lexicon/{id}", _ct);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Single((await viewer.GetDocumentAsync($"/lexicon?q={cue}")).QuerySelectorAll("table.lexicon tbody td.text"));
    }
}
