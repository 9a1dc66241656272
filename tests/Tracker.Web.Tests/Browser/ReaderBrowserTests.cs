using Microsoft.Playwright;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.BrowserTests;

/// <summary>The reader in a real Chromium: selecting text to add a claim, editing it, and what viewers see.</summary>
public sealed class ReaderBrowserTests(TrackerApp app, Chromium chromium)
{
    // 𝐀 (mathematical bold A) is one code point but two UTF-16 units, so a wrong offset conversion would shift the claim by one.
    private const string Text = "𝐀 Joint statement.\n\nThe two Sides firmly oppose unilateral sanctions and long-arm jurisdiction. They support the reform of the World Trade Organization.";

    private async Task<(int Id, string Body)> ImportAsync()
    {
        using var admin = app.Admin();
        return await new Statements(admin).DocumentAsync("2025-06-04", ["china", "russia"], Text, "en");
    }

    /// <summary>Drags the mouse over the first occurrence of <paramref name="quote"/> in the body, as a person selects it.</summary>
    private static async Task SelectAsync(IPage page, string quote)
    {
        var box = await page.EvaluateAsync<double[]>("""
            quote => {
              const body = document.getElementById('body-text');
              const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(quote);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + quote.length);
                const rects = range.getClientRects();
                const first = rects[0], last = rects[rects.length - 1];
                return [first.left + 1, first.top + first.height / 2, last.right - 1, last.top + last.height / 2];
              }
              return null;
            }
            """, quote);
        await page.Mouse.MoveAsync((float)box[0], (float)box[1]);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)box[2], (float)box[3], new() { Steps = 5 });
        await page.Mouse.UpAsync();
    }

    [Fact]
    public async Task A_curator_selects_text_saves_a_claim_sees_it_highlighted_edits_it_and_reads_the_audit_entry()
    {
        var document = await ImportAsync();
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Curator);
        var page = session.Page;
        await page.GotoAsync($"/documents/{document.Id}");

        await SelectAsync(page, "oppose unilateral sanctions");
        var form = page.Locator(".claim-form");
        await Assertions.Expect(form.Locator("blockquote.quote")).ToHaveTextAsync("oppose unilateral sanctions");
        await Assertions.Expect(form.GetByLabel("Stance")).ToBeFocusedAsync();
        await Assertions.Expect(form.GetByLabel("China")).ToBeCheckedAsync();
        await form.GetByLabel("Stance").SelectOptionAsync("opposes");
        await form.GetByLabel("Intensity").SelectOptionAsync("3");
        var topic = form.GetByLabel("Topic", new() { Exact = false }).First;
        await topic.FillAsync("单边制裁");
        await Assertions.Expect(form.Locator("#topic-options option[value='unilateral-sanctions']")).ToHaveCountAsync(1);
        await topic.FillAsync("unilateral-sanctions");
        await session.ScreenshotAsync("reader-claim-form");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save claim" }).ClickAsync();

        var mark = page.Locator("#body-text mark.claim");
        await Assertions.Expect(mark).ToHaveTextAsync("oppose unilateral sanctions");
        await Assertions.Expect(mark).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bnegative\b.*\bi3\b"));
        await Assertions.Expect(page.Locator(".claim-list .claim-card")).ToContainTextAsync("Unilateral sanctions");
        await Assertions.Expect(form.Locator(".notice")).ToHaveTextAsync("Claim saved.");

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(form).ToHaveCountAsync(0);
        await mark.ClickAsync();
        await Assertions.Expect(form.Locator("h2")).ToContainTextAsync("Claim ");
        await form.GetByLabel("Stance").SelectOptionAsync("condemns");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Assertions.Expect(form.Locator("ol.history")).ToContainTextAsync("stance: opposes → condemns");
        await Assertions.Expect(page.Locator(".claim-list .tag").First).ToHaveTextAsync("condemns");
        using var admin = app.Admin();
        var claim = (await admin.GetFromJsonAsync<JsonNode>($"/api/documents/{document.Id}", TestContext.Current.CancellationToken))!["claims"]![0]!;
        Assert.Equal("oppose unilateral sanctions", (string)claim["quote"]!);
        Assert.Equal(document.Body.CodePoints((int)claim["start"]!, (int)claim["end"]!), (string)claim["quote"]!);

        // Deleting asks first; once confirmed the highlight and the list entry go.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Delete claim" }).ClickAsync();
        await Assertions.Expect(form.Locator(".notice")).ToHaveTextAsync("Claim deleted.");
        await Assertions.Expect(mark).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".claim-list .claim-card")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_curator_corrects_the_date_in_the_details_form_and_the_head_shows_it_without_a_reload()
    {
        var document = await ImportAsync();
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Curator);
        var page = session.Page;
        await page.GotoAsync($"/documents/{document.Id}");
        // A reload would lose this mark: the head is swapped in place.
        await page.EvaluateAsync("() => window.notReloaded = true");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit details" }).ClickAsync();
        var form = page.Locator(".details-form");
        await Assertions.Expect(form.GetByLabel("Title")).ToBeFocusedAsync();
        await Assertions.Expect(form.GetByLabel("Issued on")).ToHaveValueAsync("2025-06-04");
        await form.GetByLabel("Issued on").FillAsync("2025-06-14");
        await form.GetByLabel("Place").FillAsync("Saint Petersburg");
        await form.GetByLabel("Title").FillAsync("Joint statement of 14 June");
        await session.ScreenshotAsync("reader-details-form");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();

        var head = page.Locator("#document-head");
        await Assertions.Expect(head.Locator(".notice")).ToHaveTextAsync("Details saved.");
        await Assertions.Expect(head.Locator("time")).ToHaveTextAsync("14 June 2025");
        await Assertions.Expect(head.Locator(".meta")).ToContainTextAsync("Saint Petersburg");
        await Assertions.Expect(head.Locator("h1")).ToHaveTextAsync("Joint statement of 14 June");
        await Assertions.Expect(page).ToHaveTitleAsync("Joint statement of 14 June · Tracker");
        await Assertions.Expect(form).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await session.ScreenshotAsync("reader-details-saved");
        using var admin = app.Admin();
        Assert.Equal("2025-06-14", (string)(await admin.GetFromJsonAsync<JsonNode>($"/api/documents/{document.Id}", TestContext.Current.CancellationToken))!["issuedOn"]!);

        // Closing the form without saving puts the head back as it stands.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit details" }).ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(form).ToHaveCountAsync(0);
        await Assertions.Expect(head.Locator("time")).ToHaveTextAsync("14 June 2025");
    }

    [Fact]
    public async Task A_save_the_server_refuses_says_so_beside_the_form_and_keeps_the_values()
    {
        var document = await ImportAsync();
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Curator);
        var page = session.Page;
        await page.GotoAsync($"/documents/{document.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit details" }).ClickAsync();
        var form = page.Locator(".details-form");
        // The form is ready once htmx has settled it and focused its first field, as a person would see it.
        await Assertions.Expect(form.GetByLabel("Title")).ToBeFocusedAsync();
        await form.GetByLabel("Place").FillAsync("Kazan");
        await Assertions.Expect(form.GetByLabel("Place")).ToHaveValueAsync("Kazan");

        // The form's antiforgery token no longer matches (as after the server's keys changed): the save is refused with 400.
        // (A session that expired sends the whole page to sign-in instead.)
        await page.EvaluateAsync("""
            () => {
              document.body.setAttribute('hx-headers', JSON.stringify({ RequestVerificationToken: 'stale' }));
              document.querySelectorAll('input[name=__RequestVerificationToken]').forEach(i => i.value = 'stale');
            }
            """);
        await form.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();

        await Assertions.Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("Not saved: the page is out of date");
        await Assertions.Expect(form.GetByLabel("Place")).ToHaveValueAsync("Kazan");
        await session.ScreenshotAsync("reader-details-refused");
        using var admin = app.Admin();
        Assert.Null((string?)(await admin.GetFromJsonAsync<JsonNode>($"/api/documents/{document.Id}", TestContext.Current.CancellationToken))!["place"]);
    }

    [Fact]
    public async Task A_viewer_reads_the_largest_seeded_document_with_its_claims_and_gets_no_form()
    {
        using var admin = app.Admin();
        var documents = (await admin.GetFromJsonAsync<JsonArray>("/api/documents", TestContext.Current.CancellationToken))!;
        var largest = documents.Where(d => ((string?)d!["key"]) is not null).OrderByDescending(d => (int)d!["claimCount"]!).First()!;
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Viewer);
        var page = session.Page;

        await page.GotoAsync($"/documents/{(int)largest["id"]!}");
        await Assertions.Expect(page.Locator(".claim-list .claim-card")).ToHaveCountAsync((int)largest["claimCount"]!);
        await page.Locator("#body-text mark.claim").First.ClickAsync();

        await Assertions.Expect(page.Locator("#claim-editor, .claim-form")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("reader-with-claims");
    }
}
