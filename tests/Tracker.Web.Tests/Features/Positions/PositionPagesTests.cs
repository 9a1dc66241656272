using AngleSharp.Dom;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Positions;

/// <summary>The matrix and timeline pages render what the positions API computes.</summary>
public sealed class PositionPagesTests(TrackerApp app)
{
    private const string SeedEnd = "2025-05-31";

    private static IElement Cell(IDocument page, string actor, string topic) =>
        page.QuerySelector($"td.cell[data-actor='{actor}'][data-topic='{topic}']") ?? throw new InvalidOperationException($"No cell for {actor} on {topic}.");

    [Fact]
    public async Task The_matrix_shows_the_united_states_for_missile_defence_and_china_and_russia_against_golden_dome()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync($"/positions?actors=united-states,{Uri.EscapeDataString("中方")},russia&topics=missile-defense,golden-dome&rollup=true&asOf={SeedEnd}");

        var us = Cell(page, "united-states", "missile-defense");
        Assert.Contains("positive", us.ClassList);
        Assert.Contains("2025-01-27", us.TextContent, StringComparison.Ordinal);
        Assert.Equal("/positions/timeline?actor=united-states&topic=missile-defense&rollup=true", us.QuerySelector("a")!.GetAttribute("href"));
        foreach (var actor in new[] { "china", "russia" })
        {
            var cell = Cell(page, actor, "golden-dome");
            Assert.Contains("negative", cell.ClassList);
            Assert.Contains("金穹", cell.QuerySelector("a")!.GetAttribute("title"), StringComparison.Ordinal);
            Assert.Equal("zh", cell.QuerySelector("q")!.GetAttribute("lang"));
            Assert.Contains("2025-05-08", cell.TextContent, StringComparison.Ordinal);
        }

        var csv = page.QuerySelectorAll("a").Single(a => a.TextContent == "Download CSV").GetAttribute("href")!;
        Assert.StartsWith("/api/positions?", csv, StringComparison.Ordinal);
        using var download = await viewer.Client.GetAsync(csv, TestContext.Current.CancellationToken);
        var text = await download.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var line = text.Split('\n').Single(l => l.StartsWith("united-states,missile-defense,", StringComparison.Ordinal));
        Assert.Equal("1", line.Split(',')[3]);
    }

    [Fact]
    public async Task A_negated_position_reads_as_what_the_holders_deny_in_the_matrix_and_the_reader()
    {
        using var admin = app.Admin();
        var statements = new Statements(admin);
        var (a, b) = (await statements.NewActorAsync(), await statements.NewActorAsync());
        var document = await statements.DocumentAsync("2025-06-05", [a, b], "双方应摒弃冷战思维和零和博弈。");
        await statements.ClaimAsync(document, "应摒弃冷战思维", [a, b], "calls_for", "cold-war-mentality", negated: true);
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var matrix = await viewer.GetDocumentAsync($"/positions?actors={a},{b}&topics=cold-war-mentality");
        var cell = Cell(matrix, a, "cold-war-mentality");
        Assert.Contains("negative", cell.ClassList);
        Assert.Equal("calls for an end to", cell.QuerySelector(".stance")!.TextContent);

        var reader = await viewer.GetDocumentAsync($"/documents/{document.Id}");
        Assert.Equal("calls for an end to", reader.QuerySelector(".claim-list .tag")!.TextContent);
        Assert.StartsWith("calls for an end to · ", reader.QuerySelector("#body-text mark.claim")!.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_actor_is_named_next_to_the_actors_field()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync("/positions?actors=atlantis");

        Assert.Contains("atlantis", page.QuerySelector("#actors-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#actors")!.GetAttribute("aria-invalid"));
        Assert.Null(page.QuerySelector("table.matrix"));
    }

    [Fact]
    public async Task Every_actor_fills_the_matrix_with_all_of_them_and_its_csv_keeps_the_choice()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync($"/positions?allActors=true&topics=golden-dome&asOf={SeedEnd}");

        var actors = page.QuerySelectorAll("table.matrix tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains("China", actors);
        Assert.Contains("Russia", actors);
        Assert.Contains("United States", actors);
        Assert.True(page.QuerySelector("input[name=allActors]")!.HasAttribute("checked"));
        Assert.Contains("金穹", Cell(page, "china", "golden-dome").QuerySelector("a")!.GetAttribute("title"), StringComparison.Ordinal);
        var csv = page.QuerySelectorAll("a").Single(a => a.TextContent == "Download CSV").GetAttribute("href")!;
        Assert.Contains("allActors=true", csv, StringComparison.Ordinal);
        using var download = await viewer.Client.GetAsync(csv, TestContext.Current.CancellationToken);
        var lines = (await download.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // A row per actor of the page, the signatories of the seed among them. Tests running beside this one may add actors
        // between the two requests, so the CSV may hold more rows than the page did, never fewer.
        Assert.All(["china", "russia", "united-states"], slug => Assert.Contains(lines, line => line.StartsWith(slug + ",", StringComparison.Ordinal)));
        Assert.True(lines.Length >= actors.Count + 1, $"{lines.Length - 1} CSV rows for {actors.Count} actors");
    }

    [Fact]
    public async Task The_timeline_of_one_actor_lists_each_claim_with_its_change_and_draws_it()
    {
        using var client = app.Admin();
        var statements = new Statements(client);
        var holder = await statements.NewActorAsync();
        var first = await statements.DocumentAsync("2023-04-01", [holder], "本国反对单边制裁。");
        await statements.ClaimAsync(first, "本国反对单边制裁", [holder], "opposes", "unilateral-sanctions");
        var second = await statements.DocumentAsync("2024-04-01", [holder], "本国反对并且谴责单边制裁。");
        await statements.ClaimAsync(second, "本国反对并且谴责单边制裁", [holder], "condemns", "unilateral-sanctions");
        await statements.DocumentAsync("2025-04-01", [holder], "本国支持多边主义。");
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync($"/positions/timeline?actor={holder}&topic=unilateral-sanctions");

        var rows = page.QuerySelectorAll("table.timeline tbody tr");
        Assert.Equal(["new", "intensified", "dropped"], rows.Select(r => r.QuerySelector(".change")!.TextContent));
        Assert.Equal("本国反对并且谴责单边制裁", rows[1].QuerySelector("q")!.TextContent);
        Assert.Equal($"/compare?from={first.Id}&to={second.Id}", rows[1].QuerySelectorAll(".source a")[1].GetAttribute("href"));
        var chart = page.QuerySelector("svg.chart")!;
        Assert.Contains("unilateral", chart.QuerySelector("title")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["negative", "negative", "dropped"], chart.QuerySelectorAll("circle.point").Select(c => c.ClassList[^1]));
    }

    [Fact]
    public async Task An_earlier_page_of_the_timeline_keeps_its_labels_and_diff_links_and_the_chart_keeps_every_point()
    {
        using var client = app.Admin();
        var statements = new Statements(client);
        var holder = await statements.NewActorAsync();
        var first = await statements.DocumentAsync("2023-05-01", [holder], "本国反对单边制裁。");
        await statements.ClaimAsync(first, "本国反对单边制裁", [holder], "opposes", "unilateral-sanctions");
        var second = await statements.DocumentAsync("2024-05-01", [holder], "本国反对并且谴责单边制裁。");
        await statements.ClaimAsync(second, "本国反对并且谴责单边制裁", [holder], "condemns", "unilateral-sanctions");
        await statements.DocumentAsync("2025-05-01", [holder], "本国支持多边主义。");
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        // Entries before number 2 of 3: the second page a reader reaches by "Earlier entries" on a long history.
        var page = await viewer.GetDocumentAsync($"/positions/timeline?actor={holder}&topic=unilateral-sanctions&before=2");

        var rows = page.QuerySelectorAll("table.timeline tbody tr");
        Assert.Equal(["new", "intensified"], rows.Select(r => r.QuerySelector(".change")!.TextContent));
        Assert.Equal($"/compare?from={first.Id}&to={second.Id}", rows[1].QuerySelectorAll(".source a")[1].GetAttribute("href"));
        Assert.Contains("Entries 1–2 of 3", page.QuerySelector("nav.pager")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/positions/timeline?actor={holder}&topic=unilateral-sanctions", page.QuerySelector("nav.pager a")!.GetAttribute("href"));
        Assert.Equal(["negative", "negative", "dropped"], page.QuerySelector("svg.chart")!.QuerySelectorAll("circle.point").Select(c => c.ClassList[^1]));
    }

    [Fact]
    public async Task Each_point_of_the_chart_names_its_document_in_its_tooltip_on_every_page()
    {
        using var client = app.Admin();
        var statements = new Statements(client);
        var holder = await statements.NewActorAsync();
        var first = await statements.DocumentAsync("2023-05-01", [holder], "本国反对单边制裁。");
        await statements.ClaimAsync(first, "本国反对单边制裁", [holder], "opposes", "unilateral-sanctions");
        var silent = await statements.DocumentAsync("2025-05-01", [holder], "本国支持多边主义。");
        var titles = new List<string>();
        foreach (var id in new[] { first.Id, silent.Id })
        {
            titles.Add((string)(await client.GetFromJsonAsync<JsonNode>($"/api/documents/{id}", TestContext.Current.CancellationToken))!["title"]!);
        }

        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        // The earlier page lists the first entry only; the chart still draws (and names) the silence after it.
        var page = await viewer.GetDocumentAsync($"/positions/timeline?actor={holder}&topic=unilateral-sanctions&before=1");

        var tooltips = page.QuerySelector("svg.chart")!.QuerySelectorAll("circle.point title").Select(t => t.TextContent).ToList();
        Assert.Equal(2, tooltips.Count);
        Assert.EndsWith($"(new) · {titles[0]}", tooltips[0], StringComparison.Ordinal);
        Assert.Contains("dropped", tooltips[1], StringComparison.Ordinal);
        Assert.EndsWith($" · {titles[1]}", tooltips[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_of_a_topic_across_actors_has_a_line_per_actor()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync("/positions/timeline?topic=golden-dome");

        var actors = page.QuerySelectorAll("table.timeline tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).Distinct().ToList();
        Assert.Contains("China", actors);
        Assert.Contains("Russia", actors);
        Assert.True(page.QuerySelectorAll("svg.chart g.series").Length >= 2);
    }

    [Fact]
    public async Task Without_a_topic_the_timeline_explains_what_to_choose()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync("/positions/timeline");

        Assert.Contains("Choose a topic", page.QuerySelector("p.notice")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("svg.chart"));
    }
}
