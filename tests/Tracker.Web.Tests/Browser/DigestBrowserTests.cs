using Microsoft.Playwright;
using Tracker.Domain.Digests;
using Tracker.Web.Infrastructure.Auth;
using Tracker.Web.Tests.Features.Digests;

namespace Tracker.Web.Tests.BrowserTests;

/// <summary>Digests in a real Chromium: a viewer subscribes with the keyboard-searchable pickers and reads the preview; an admin reads the outbox.</summary>
public sealed class DigestBrowserTests(TrackerApp app, Chromium chromium)
{
    [Fact]
    public async Task A_viewer_subscribes_weekly_to_russia_on_unilateral_sanctions_and_opens_the_preview()
    {
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Viewer);
        var page = session.Page;
        await page.GotoAsync("/digests");
        await page.GetByRole(AriaRole.Link, new() { Name = "Digests" }).First.WaitForAsync();

        // Any alias finds an actor: the Russian name narrows the list to the actors called that.
        await page.GetByLabel("Search actors by any name or alias").FillAsync("Россия");
        await Assertions.Expect(page.Locator("#actors-options li:visible")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Russia", Exact = true }).CheckAsync();
        // The Chinese name of the topic, then Enter, ticks it without the mouse.
        await page.GetByLabel("Search topics by any name or alias").FillAsync("单边制裁");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#topics-options input[value='unilateral-sanctions']")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#topics-selected")).ToHaveTextAsync("Chosen: Unilateral sanctions");
        await Assertions.Expect(page.Locator("#actors-selected")).ToHaveTextAsync("Chosen: Russia");

        await page.GetByRole(AriaRole.Radio, new() { Name = "Weekly", Exact = true }).CheckAsync();
        await page.GetByLabel("Day (weekly)").SelectOptionAsync("friday");
        await page.GetByLabel("Hour").SelectOptionAsync("7");
        var browserZone = await page.EvaluateAsync<string>("Intl.DateTimeFormat().resolvedOptions().timeZone");
        await Assertions.Expect(page.GetByLabel("Time zone")).ToHaveValueAsync(browserZone == "Etc/UTC" ? "UTC" : browserZone);
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Moscow");
        await session.ScreenshotAsync("digest-subscribe");

        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/digests/\d+/preview$"));
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("Next digest for");
        await Assertions.Expect(page.Locator("main .lead")).ToContainTextAsync("Weekly on Friday at 07:00 (Europe/Moscow)");
        await Assertions.Expect(page.Locator("dd.subject")).ToContainTextAsync("Tracker digest");
        var mail = page.FrameLocator("iframe.mail-frame");
        await Assertions.Expect(mail.Locator("h2").First).ToBeVisibleAsync();
        await Assertions.Expect(mail.Locator("body")).ToContainTextAsync("Russia");
        await Assertions.Expect(page.Locator("pre.mail-text")).ToContainTextAsync("UNILATERAL SANCTIONS");
        await session.ScreenshotAsync("digest-preview");
    }

    [Fact]
    public async Task The_day_is_asked_only_for_weekly_digests()
    {
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Viewer);
        var page = session.Page;
        await page.GotoAsync("/digests");
        var day = page.GetByLabel("Day (weekly)");
        await Assertions.Expect(day).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Radio, new() { Name = "Daily", Exact = true }).CheckAsync();
        await Assertions.Expect(day).ToBeHiddenAsync();
        await session.ScreenshotAsync("digest-subscribe-daily");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Weekly", Exact = true }).CheckAsync();
        await Assertions.Expect(day).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Radio, new() { Name = "Daily", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/digests/\d+/preview$"));
        await Assertions.Expect(page.Locator("main .lead")).ToContainTextAsync("Daily at");

        // Editing a daily subscription opens without the day; switching it to weekly asks for one.
        await page.GotoAsync(page.Url.Replace("/preview", "", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Daily", Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(day).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Weekly", Exact = true }).CheckAsync();
        await Assertions.Expect(day).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_reads_the_outbox_with_a_permanent_failure_and_a_held_digest()
    {
        var failed = await DigestTestData.NewDeliveryAsync(app, DeliveryStatus.Failed);
        var held = await DigestTestData.NewDeliveryAsync(app, DeliveryStatus.Held);
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Admin);
        var page = session.Page;

        await page.GotoAsync("/admin/outbox");

        await Assertions.Expect(page.Locator($"tr[data-delivery='{failed}'] td.status")).ToHaveTextAsync("failed (permanent)");
        await Assertions.Expect(page.Locator($"tr[data-delivery='{failed}'] td.last-error")).ToContainTextAsync("550 5.1.1");
        await Assertions.Expect(page.Locator($"tr[data-delivery='{held}'] td.status")).ToHaveTextAsync("held (no SMTP)");
        await session.ScreenshotAsync("admin-outbox");
    }
}
