using Microsoft.Playwright;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.BrowserTests;

/// <summary>Reviewing suggestions from the keyboard in a real Chromium.</summary>
public sealed class ReviewBrowserTests(TrackerApp app, Chromium chromium)
{
    private const string Text = "双方坚决反对单边制裁和长臂管辖。双方支持世界贸易组织改革；双方呼吁维护战略稳定。";

    [Fact]
    public async Task A_curator_opens_the_queue_and_accepts_and_rejects_suggestions_with_the_keyboard()
    {
        using var admin = app.Admin();
        var document = await new Statements(admin).DocumentAsync("2025-06-06", ["china", "russia"], Text);
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Curator);
        var page = session.Page;

        await page.GotoAsync("/review");
        await page.Locator($"a[href='/documents/{document.Id}?review=true']").ClickAsync();
        var cards = page.Locator(".suggestion-card");
        var pending = await cards.CountAsync();
        Assert.True(pending >= 3, $"expected several suggestions, got {pending}");
        await Assertions.Expect(page.Locator("mark.suggestion").First).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(cards.First).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("mark.suggestion.current").First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("a");

        await Assertions.Expect(page.Locator("#body-text mark.claim").First).ToBeVisibleAsync();
        await Assertions.Expect(cards).ToHaveCountAsync(pending - 1);
        await Assertions.Expect(page.Locator("#review-status")).ToContainTextAsync("Accepted");
        // The focus moves on to the next suggestion, so the curator keeps deciding.
        await Assertions.Expect(cards.First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("r");

        await Assertions.Expect(cards).ToHaveCountAsync(pending - 2);
        await Assertions.Expect(page.Locator("#review-status")).ToContainTextAsync("Rejected");
        await Assertions.Expect(page.Locator(".claim-list .claim-card")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("j");
        await session.ScreenshotAsync("review-suggestions");

        await page.Keyboard.PressAsync("e");
        await Assertions.Expect(page.Locator(".claim-form h2")).ToHaveTextAsync("Edit, then accept");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator(".claim-form")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_keyboard_decision_updates_the_text_the_list_and_the_count_in_place_and_moves_on()
    {
        using var admin = app.Admin();
        var document = await new Statements(admin).DocumentAsync("2025-06-07", ["china", "russia"], Text);
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Curator);
        var page = session.Page;
        await page.GotoAsync($"/documents/{document.Id}?review=true");
        var cards = page.Locator(".suggestion-card");
        var pending = await cards.CountAsync();
        Assert.True(pending >= 3, $"expected several suggestions, got {pending}");
        var count = page.Locator("#suggestion-count");
        await Assertions.Expect(count).ToHaveTextAsync($"{pending}");
        // A full page load would lose this.
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        await page.Keyboard.PressAsync("j");
        var acceptedKey = await cards.First.GetAttributeAsync("data-key");
        var nextKey = await cards.Nth(1).GetAttributeAsync("data-key");
        await Assertions.Expect(page.Locator($"mark.suggestion[data-suggestion='{acceptedKey}']").First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("a");

        await Assertions.Expect(count).ToHaveTextAsync($"{pending - 1}");
        await Assertions.Expect(cards).ToHaveCountAsync(pending - 1);
        await Assertions.Expect(page.Locator($"mark.suggestion[data-suggestion='{acceptedKey}']")).ToHaveCountAsync(0);
        var claimMark = page.Locator("#body-text mark.claim.accepted");
        await Assertions.Expect(claimMark.First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#claim-count")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator($".suggestion-card[data-key='{nextKey}']")).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "the page was reloaded");
        await session.ScreenshotAsync("review-accepted-in-place");

        var rejectedKey = nextKey;
        var afterRejectKey = await cards.Nth(1).GetAttributeAsync("data-key");
        await page.Keyboard.PressAsync("r");

        await Assertions.Expect(count).ToHaveTextAsync($"{pending - 2}");
        await Assertions.Expect(page.Locator($".suggestion-card[data-key='{rejectedKey}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"mark.suggestion[data-suggestion='{rejectedKey}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#review-status")).ToContainTextAsync("Rejected");
        await Assertions.Expect(page.Locator($".suggestion-card[data-key='{afterRejectKey}']")).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "the page was reloaded");
        await session.ScreenshotAsync("review-rejected-in-place");

        // What was decided stays decided: after a reload the rejected suggestion is gone and the claim stands.
        await page.ReloadAsync();
        await Assertions.Expect(count).ToHaveTextAsync($"{pending - 2}");
        await Assertions.Expect(page.Locator($".suggestion-card[data-key='{rejectedKey}'], mark.suggestion[data-suggestion='{rejectedKey}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".claim-list .claim-card")).ToHaveCountAsync(1);
        Assert.False(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
    }

    [Fact]
    public async Task A_decision_that_cannot_be_saved_says_why_and_the_list_stays_as_the_server_has_it()
    {
        using var admin = app.Admin();
        var document = await new Statements(admin).DocumentAsync("2025-06-10", ["china", "russia"], Text);
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Curator);
        var page = session.Page;
        await page.GotoAsync($"/documents/{document.Id}?review=true");
        var cards = page.Locator(".suggestion-card");
        var pending = await cards.CountAsync();
        await page.Keyboard.PressAsync("j");
        var key = await cards.First.GetAttributeAsync("data-key");

        // The server fails: the status line says so and nothing changes on the page.
        var accept = new System.Text.RegularExpressions.Regex(@"/documents/\d+\?handler=Accept$");
        await page.RouteAsync(accept, route => route.FulfillAsync(new() { Status = 500, Body = "" }));
        await page.Keyboard.PressAsync("a");
        await Assertions.Expect(page.Locator("#review-status")).ToContainTextAsync("Not saved: the server answered 500");
        await Assertions.Expect(cards).ToHaveCountAsync(pending);
        await Assertions.Expect(page.Locator("#body-text mark.claim")).ToHaveCountAsync(0);
        await page.UnrouteAsync(accept);

        // Someone else rejects it meanwhile: accepting it is refused with the reason, and the list is the current one.
        using var other = await app.SignInAsNewAsync(Roles.Curator);
        using (var rejected = await other.PostAsync($"/documents/{document.Id}?handler=Reject", new()
        {
            ["__RequestVerificationToken"] = await other.AntiforgeryTokenAsync(),
            ["key"] = key!,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        }

        await Assertions.Expect(cards.First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("a");
        await Assertions.Expect(page.Locator("#review-status")).ToContainTextAsync("no longer pending");
        await Assertions.Expect(cards).ToHaveCountAsync(pending - 1);
        await Assertions.Expect(page.Locator($".suggestion-card[data-key='{key}'], mark.suggestion[data-suggestion='{key}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".claim-list .claim-card")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#suggestion-count")).ToHaveTextAsync($"{pending - 1}");
        // The keyboard carries on where the refused suggestion stood.
        await Assertions.Expect(cards.First).ToBeFocusedAsync();
        await session.ScreenshotAsync("review-refused");
    }

    [Fact]
    public async Task The_lexicon_page_shows_the_precision_of_cues_after_review_decisions()
    {
        using var admin = app.Admin();
        var document = await new Statements(admin).DocumentAsync("2025-06-08", ["china", "russia"], Text + "双方谴责恐怖主义。");
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Curator);
        var page = session.Page;
        await page.GotoAsync($"/documents/{document.Id}?review=true");
        var cards = page.Locator(".suggestion-card");
        var pending = await cards.CountAsync();
        await page.Keyboard.PressAsync("j");
        foreach (var (key, left) in new[] { ("r", pending - 1), ("a", pending - 2), ("r", pending - 3) })
        {
            await Assertions.Expect(cards.First).ToBeFocusedAsync();
            await page.Keyboard.PressAsync(key);
            await Assertions.Expect(cards).ToHaveCountAsync(left);
        }

        await page.GotoAsync("/lexicon?kind=cue&sort=precision&decided=true");
        var first = page.Locator("table.lexicon tbody tr").First;
        await Assertions.Expect(first.Locator("td.precision")).Not.ToHaveTextAsync("–");
        await Assertions.Expect(page.Locator("table.lexicon tbody td.rejected").First).Not.ToHaveTextAsync("0");
        await session.ScreenshotAsync("lexicon-precision");
    }

    [Fact]
    public async Task A_learned_suggestion_says_it_is_one_and_its_decisions_show_on_the_lexicon_page()
    {
        using var admin = app.Admin();
        // Not the clause other tests read: what this rejection teaches the model must not change what they expect.
        var document = await new Statements(admin).DocumentAsync("2025-06-09", ["china", "russia"], "面对外部压力，中方将奉陪到底。" + Text);
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Curator);
        var page = session.Page;

        await page.GotoAsync($"/documents/{document.Id}?review=true");
        var learned = page.Locator(".suggestion-card", new() { Has = page.Locator("q", new() { HasTextString = "中方将奉陪到底" }) });
        await Assertions.Expect(learned.Locator(".cue")).ToContainTextAsync("learned from curated claims · words");
        await Assertions.Expect(page.Locator(".suggestion-card .cue", new() { HasTextString = "cue 反对" }).First).ToBeVisibleAsync();
        await learned.FocusAsync();
        await session.ScreenshotAsync("review-learned");
        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(learned).ToHaveCountAsync(0);

        await page.GotoAsync("/lexicon");
        await Assertions.Expect(page.Locator(".learned-model h2")).ToHaveTextAsync("Learned from curated claims");
        await Assertions.Expect(page.Locator(".learned-model .learned-precision")).ToContainTextAsync("rejected");
        // The lexicon's table runs to thousands of rows: the picture is of the page's top, where the model's figures stand.
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotDirectory, "lexicon-learned.png") });
    }
}
