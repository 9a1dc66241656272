using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Claims;

/// <summary>The claims table over the seeded claims (391, six documents), as a viewer sees it.</summary>
public sealed class ClaimsPageTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static List<IElement> Rows(IDocument page) => page.QuerySelectorAll("table.claims tbody tr").ToList();

    private static string Cell(IElement row, int index) => row.QuerySelectorAll("td")[index].TextContent.Trim();

    [Fact]
    public async Task The_claims_table_is_paged_by_fifty()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);
        var page = await viewer.GetDocumentAsync("/claims");

        Assert.Equal(50, Rows(page).Count);
        Assert.StartsWith("1–50 of ", page.QuerySelector(".results-bar p")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".pager a[rel=next]"));
    }

    [Fact]
    public async Task A_stance_filter_shows_only_that_stance_and_the_csv_holds_exactly_the_filtered_claims()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);
        var page = await viewer.GetDocumentAsync("/claims?stance=condemns&actor=china");

        var rows = Rows(page);
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal("condemns", Cell(row, 2)));
        Assert.All(rows, row => Assert.Contains("China", Cell(row, 1), StringComparison.Ordinal));

        var csvLink = page.QuerySelector<IHtmlAnchorElement>(".results-bar a.button")!.GetAttribute("href")!;
        Assert.Equal("/api/claims?actor=china&stance=condemns&format=csv", csvLink);
        var csv = await viewer.Client.GetStringAsync(csvLink, _ct);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(rows.Count + 1, lines.Length);
    }

    [Fact]
    public async Task Column_headers_sort_and_a_second_click_reverses()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);
        var ascending = await viewer.GetDocumentAsync("/claims?sort=intensity");
        var link = ascending.QuerySelector<IHtmlAnchorElement>("th[aria-sort] a")!.GetAttribute("href")!;
        Assert.Equal("/claims?sort=-intensity", link);
        var descending = await viewer.GetDocumentAsync(link);

        Assert.StartsWith("●○○", Cell(Rows(ascending)[0], 3), StringComparison.Ordinal);
        Assert.Equal("●●●", Cell(Rows(descending)[0], 3));
        Assert.Equal("descending", descending.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task Dates_narrow_the_list_and_a_reversed_range_is_explained()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);
        var may2025 = await viewer.GetDocumentAsync("/claims?from=2025-05-01&to=2025-05-31");
        Assert.All(Rows(may2025), row => Assert.StartsWith("2025-05", Cell(row, 0), StringComparison.Ordinal));

        var reversed = await viewer.GetDocumentAsync("/claims?from=2025-06-01&to=2025-01-01");
        Assert.Empty(Rows(reversed));
        Assert.Equal("The end date is before the start date.", reversed.QuerySelector("[data-valmsg-for=To]")!.TextContent);
    }

    [Fact]
    public async Task Htmx_gets_only_the_results_and_chinese_quotes_carry_their_language()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/claims?p=2&actor=russia");
        request.Headers.Add("HX-Request", "true");
        using var response = await viewer.Client.SendAsync(request, _ct);
        var html = await response.Content.ReadAsStringAsync(_ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("51–", html, StringComparison.Ordinal);
        var fragment = await Browser.ParseAsync(new HttpResponseMessage { Content = new StringContent(html) });
        Assert.Contains(fragment.QuerySelectorAll("td.quote"), cell => cell.GetAttribute("lang") == "zh-Hans");
    }

    [Fact]
    public async Task Visitors_are_sent_to_sign_in()
    {
        using var browser = app.Browser();
        using var response = await browser.Client.GetAsync("/claims?stance=opposes", _ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(AuthSetup.SignInPath, response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
