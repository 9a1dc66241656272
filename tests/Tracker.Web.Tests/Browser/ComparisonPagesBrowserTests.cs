using Microsoft.Playwright;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.BrowserTests;

/// <summary>The comparison pages in a real Chromium, with Chinese and English text, each saved as a screenshot.</summary>
public sealed class ComparisonPagesBrowserTests(TrackerApp app, Chromium chromium)
{
    [Fact]
    public async Task The_dashboard_is_the_home_page_with_changes_documents_matrix_and_chart()
    {
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Viewer);
        var page = session.Page;

        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        await Assertions.Expect(page.Locator("ol.change-list li").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.matrix.compact th[scope=row]", new() { HasText = "China" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg.bar-chart rect.segment").First).ToBeVisibleAsync();
        await session.ScreenshotAsync("dashboard");
        // The seeded China–Russia statements are in Chinese: their quotes show among the changes.
        await Assertions.Expect(page.Locator("ol.change-list")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("[一-龥]"));
    }

    [Fact]
    public async Task The_matrix_colours_the_seeded_positions_and_shows_the_quote()
    {
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Viewer);
        var page = session.Page;

        await page.GotoAsync("/positions?actors=united-states,china,russia&topics=missile-defense,golden-dome,strategic-stability,npt,outer-space&rollup=true&asOf=2025-05-31");

        var us = page.Locator("td.cell[data-actor=united-states][data-topic=missile-defense]");
        await Assertions.Expect(us).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("positive"));
        var china = page.Locator("td.cell[data-actor=china][data-topic=golden-dome]");
        await Assertions.Expect(china).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("negative"));
        await Assertions.Expect(china.Locator("q")).ToContainTextAsync("金穹");
        await session.ScreenshotAsync("matrix");

        await china.Locator("a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/positions/timeline\\?actor=china&topic=golden-dome"));
    }

    [Fact]
    public async Task The_timeline_of_missile_defence_across_actors_draws_each_actor()
    {
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Viewer);
        var page = session.Page;

        await page.GotoAsync("/positions/timeline?topic=missile-defense&rollup=true");

        await Assertions.Expect(page.Locator("svg.line-chart g.series").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.timeline tbody")).ToContainTextAsync("金穹");
        await Assertions.Expect(page.Locator("table.timeline tbody")).ToContainTextAsync("Iron Dome");
        await session.ScreenshotAsync("timeline");
        await page.Locator("figure.chart-figure").ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotDirectory, "timeline-chart.png") });

        await page.Locator("table.timeline tbody tr td a", new() { HasText = "China" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("China on Missile defence");
        await Assertions.Expect(page.Locator("svg.line-chart g.series")).ToHaveCountAsync(1);
        await page.Locator("figure.chart-figure").ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotDirectory, "timeline-china-chart.png") });
    }

    [Fact]
    public async Task The_diff_of_two_imported_statements_shows_intensified_and_dropped()
    {
        using var admin = app.Admin();
        var statements = new Statements(admin);
        var holder = await statements.NewActorAsync("Eastland");
        var earlier = await statements.DocumentAsync("2024-03-01", [holder, "china"], "双方反对单边制裁。双方支持世界贸易组织改革。双方呼吁维护战略稳定。");
        await statements.ClaimAsync(earlier, "双方反对单边制裁", [holder, "china"], "opposes", "unilateral-sanctions");
        await statements.ClaimAsync(earlier, "双方支持世界贸易组织改革", [holder, "china"], "supports", "wto-reform");
        await statements.ClaimAsync(earlier, "双方呼吁维护战略稳定", [holder, "china"], "calls_for", "strategic-stability");
        var later = await statements.DocumentAsync("2025-03-01", [holder, "china"], "双方反对并且谴责单边制裁。双方呼吁维护战略稳定。");
        await statements.ClaimAsync(later, "双方反对并且谴责单边制裁", [holder, "china"], "condemns", "unilateral-sanctions");
        await statements.ClaimAsync(later, "双方呼吁维护战略稳定", [holder, "china"], "calls_for", "strategic-stability");
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Viewer);
        var page = session.Page;

        await page.GotoAsync($"/compare?from={earlier.Id}&to={later.Id}");

        var sanctions = page.Locator("table.diff tbody tr", new() { HasText = "Unilateral sanctions" }).First;
        await Assertions.Expect(sanctions.Locator(".change")).ToHaveTextAsync("intensified");
        await Assertions.Expect(sanctions).ToContainTextAsync("反对并且谴责");
        await Assertions.Expect(page.Locator("section.dropped")).ToContainTextAsync("WTO reform");
        await session.ScreenshotAsync("diff");
    }

    [Fact]
    public async Task Agreement_of_china_and_the_united_states_shows_the_score_and_the_topics_they_differ_on()
    {
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Viewer);
        var page = session.Page;

        await page.GotoAsync("/alignment?a=china&b=united-states&to=2025-05-31");

        await Assertions.Expect(page.Locator(".scorecard .figure").First).ToContainTextAsync("%");
        await Assertions.Expect(page.Locator("section[aria-labelledby=differ-heading] tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg.line-chart")).ToBeVisibleAsync();
        await session.ScreenshotAsync("agreement");
    }

    [Fact]
    public async Task A_curator_sees_the_p5_commitment_reaffirmed_and_opens_the_evidence_form()
    {
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Curator);
        var page = session.Page;

        await page.GotoAsync("/commitments?actor=russia&topic=strategic-stability");

        var p5 = page.Locator("li.commitment.status-reaffirmed", new() { HasText = "2022-01-03" }).First;
        await Assertions.Expect(p5.Locator("ol.lifecycle")).ToContainTextAsync("2025-05-08");
        await p5.Locator("summary", new() { HasText = "Record evidence" }).ClickAsync();
        await Assertions.Expect(p5.Locator("select[name='Evidence.Status']")).ToBeVisibleAsync();
        await session.ScreenshotAsync("commitments");
    }
}
