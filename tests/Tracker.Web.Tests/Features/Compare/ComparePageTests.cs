using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Compare;

/// <summary>The /compare page renders the document diff with both quotes and the dropped topics.</summary>
public sealed class ComparePageTests(TrackerApp app)
{
    [Fact]
    public async Task The_diff_page_labels_the_sharpened_position_intensified_and_lists_the_topic_left_out()
    {
        using var client = app.Admin();
        var statements = new Statements(client);
        var a = await statements.NewActorAsync();
        var earlier = await statements.DocumentAsync("2024-03-01", [a], "本国反对单边制裁。本国支持世界贸易组织改革。");
        await statements.ClaimAsync(earlier, "本国反对单边制裁", [a], "opposes", "unilateral-sanctions");
        await statements.ClaimAsync(earlier, "本国支持世界贸易组织改革", [a], "supports", "wto-reform");
        var later = await statements.DocumentAsync("2025-03-01", [a], "本国反对并且谴责单边制裁。");
        await statements.ClaimAsync(later, "本国反对并且谴责单边制裁", [a], "condemns", "unilateral-sanctions");
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync($"/compare?from={earlier.Id}&to={later.Id}");

        var row = page.QuerySelectorAll("table.diff tbody tr").Single(r => r.TextContent.Contains("Unilateral sanctions", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("intensified", row.QuerySelector(".change")!.TextContent);
        var quotes = row.QuerySelectorAll("td.quote q").Select(q => q.TextContent).ToList();
        Assert.Equal(["本国反对单边制裁", "本国反对并且谴责单边制裁"], quotes);
        Assert.All(row.QuerySelectorAll("td.quote q"), q => Assert.Equal("zh", q.GetAttribute("lang")));
        var dropped = page.QuerySelector("section.dropped li")!;
        Assert.Contains("WTO", dropped.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(earlier.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#from option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_same_document_twice_is_refused_next_to_the_field()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync("/compare?from=1&to=1");

        Assert.Contains("two different documents", page.QuerySelector("#to ~ .error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("table.diff"));
    }
}
