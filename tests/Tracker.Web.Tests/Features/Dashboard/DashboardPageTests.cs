using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Dashboard;

/// <summary>The home page is the dashboard, rendered from the same query as /api/dashboard.</summary>
public sealed class DashboardPageTests(TrackerApp app)
{
    [Fact]
    public async Task The_home_page_shows_recent_documents_changes_the_compact_matrix_and_the_stance_chart()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);
        using var api = app.Admin();
        var data = (await api.GetFromJsonAsync<JsonNode>("/api/dashboard", TestContext.Current.CancellationToken))!;

        var page = await viewer.GetDocumentAsync("/");

        Assert.Equal("Dashboard · Tracker", page.Title);
        var documents = page.QuerySelectorAll("ul.document-list li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/documents/{(int)data["recentDocuments"]![0]!["id"]!}", documents);
        Assert.NotEmpty(page.QuerySelectorAll("ol.change-list li .change"));
        Assert.NotNull(page.QuerySelector("table.matrix.compact td.cell[data-actor=china]"));
        var chart = page.QuerySelector("svg.bar-chart")!;
        Assert.Equal("Accepted claims by stance per month", chart.QuerySelector("title")!.TextContent);
        Assert.Contains(chart.QuerySelectorAll("rect.segment title"), t => t.TextContent.StartsWith("2025-05: ", StringComparison.Ordinal) && t.TextContent.EndsWith(" opposes", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("table.compact-table tbody th"), th => th.TextContent == "2025-05");
        Assert.Equal("page", page.QuerySelector("nav a[href='/']")!.GetAttribute("aria-current"));
    }
}
