using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Alignment;

/// <summary>The /alignment page: score, shared topics, agree and differ tables, the score over time.</summary>
public sealed class AlignmentPageTests(TrackerApp app)
{
    [Fact]
    public async Task Two_actors_who_agree_on_one_topic_and_differ_on_another_score_half()
    {
        using var client = app.Admin();
        var statements = new Statements(client);
        var a = await statements.NewActorAsync();
        var b = await statements.NewActorAsync();
        var first = await statements.DocumentAsync("2024-01-10", [a], "甲方支持多边主义。甲方反对单边制裁。");
        await statements.ClaimAsync(first, "甲方支持多边主义", [a], "supports", "multilateralism");
        await statements.ClaimAsync(first, "甲方反对单边制裁", [a], "opposes", "unilateral-sanctions");
        var second = await statements.DocumentAsync("2024-06-10", [b], "The Government supports multilateralism and supports unilateral sanctions.", "en");
        await statements.ClaimAsync(second, "supports multilateralism", [b], "supports", "multilateralism");
        await statements.ClaimAsync(second, "supports unilateral sanctions", [b], "supports", "unilateral-sanctions");
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync($"/alignment?a={a}&b={b}");

        var figures = page.QuerySelectorAll(".scorecard .figure").Select(f => f.TextContent.Trim()).ToList();
        Assert.Equal("50%", figures[0]);
        Assert.Equal("2", figures[1]);
        var differ = page.QuerySelector("section[aria-labelledby=differ-heading] table tbody tr")!;
        Assert.Contains("甲方反对单边制裁", differ.TextContent, StringComparison.Ordinal);
        Assert.Contains("supports unilateral sanctions", differ.TextContent, StringComparison.Ordinal);
        // Before the second actor spoke there was nothing to compare: the chart starts at its statement.
        Assert.Equal("2024-06-10: 50% over 2 shared topics", Assert.Single(page.QuerySelectorAll("svg.chart circle.point title")).TextContent);
    }

    [Fact]
    public async Task Leaving_out_co_signed_documents_can_leave_no_shared_topic_and_says_so()
    {
        using var client = app.Admin();
        var statements = new Statements(client);
        var a = await statements.NewActorAsync();
        var b = await statements.NewActorAsync();
        var joint = await statements.DocumentAsync("2024-02-02", [a, b], "双方支持多边主义。");
        await statements.ClaimAsync(joint, "双方支持多边主义", [a, b], "supports", "multilateralism");
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var together = await viewer.GetDocumentAsync($"/alignment?a={a}&b={b}");
        var alone = await viewer.GetDocumentAsync($"/alignment?a={a}&b={b}&excludeCosigned=true");

        Assert.Equal("100%", together.QuerySelector(".scorecard .figure")!.TextContent.Trim());
        Assert.Equal("—", alone.QuerySelector(".scorecard .figure")!.TextContent.Trim());
        Assert.Contains("no topic in common", alone.QuerySelector("p.notice")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(alone.QuerySelector("input[name=excludeCosigned][checked]"));
    }

    [Fact]
    public async Task The_same_actor_twice_is_refused_next_to_the_second_field()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync("/alignment?a=china&b=china");

        Assert.Equal("Compare two different actors.", page.QuerySelector("#b ~ .error")!.TextContent);
        Assert.Equal("true", page.QuerySelector("#b")!.GetAttribute("aria-invalid"));
        Assert.Null(page.QuerySelector(".scorecards"));
    }
}
