using Microsoft.Playwright;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.BrowserTests;

/// <summary>The claims table in a real Chromium: seeded claims with their Chinese quotes, filtered by stance.</summary>
public sealed class ClaimsTableBrowserTests(TrackerApp app, Chromium chromium)
{
    [Fact]
    public async Task A_viewer_filters_the_seeded_claims_by_stance_and_reads_the_chinese_quotes()
    {
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Viewer);
        var page = session.Page;

        await page.GotoAsync("/claims?stance=condemns");
        var rows = page.Locator("table.claims tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        Assert.All(await page.Locator("table.claims tbody tr td .tag").AllInnerTextsAsync(), s => Assert.Equal("condemns", s.Trim()));
        await Assertions.Expect(page.Locator("table tbody")).ToContainTextAsync("谴责");

        await session.ScreenshotAsync("claims-table");
    }
}
