using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Commitments;

/// <summary>The /commitments page: lifecycle, overdue, and evidence recorded by curators only.</summary>
public sealed class CommitmentsPageTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>A fresh actor's commitment with a promised date long past: overdue until evidence says otherwise.</summary>
    private async Task<(string Actor, int CommitmentId)> OverdueCommitmentAsync()
    {
        using var client = app.Admin();
        var statements = new Statements(client);
        var actor = await statements.NewActorAsync();
        var document = await statements.DocumentAsync("2019-01-10", [actor], "The Government will complete the review of its arms control policy by 2020.", "en");
        await statements.ClaimAsync(document, "will complete the review of its arms control policy by 2020", [actor], "commits", "arms-control");
        var commitment = (await client.GetFromJsonAsync<JsonArray>($"/api/commitments?actor={actor}", _ct))!.Single()!;
        return (actor, (int)commitment["id"]!);
    }

    [Fact]
    public async Task The_p5_commitment_of_2022_shows_as_reaffirmed_by_the_2025_statement()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync("/commitments?actor=russia&topic=strategic-stability");

        var p5 = page.QuerySelectorAll("li.commitment").Single(c => c.QuerySelector("ol.lifecycle li")!.TextContent.Contains("2022-01-03", StringComparison.Ordinal)
            && c.QuerySelector("header a")!.GetAttribute("href") == "/positions/timeline?topic=strategic-stability");
        Assert.Contains("status-reaffirmed", p5.ClassList);
        Assert.Equal("reaffirmed", p5.QuerySelector(".status-badge")!.TextContent);
        var steps = p5.QuerySelectorAll("ol.lifecycle li").Select(li => li.TextContent).ToList();
        Assert.Contains(steps, s => s.Contains("reaffirmed", StringComparison.Ordinal) && s.Contains("2025-05-08", StringComparison.Ordinal));
        Assert.Equal("russia", page.QuerySelector("#actor option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_curator_records_kept_evidence_and_the_commitment_is_no_longer_overdue()
    {
        var (actor, id) = await OverdueCommitmentAsync();
        using var curator = await app.SignInAsNewAsync(Roles.Curator);
        var before = await curator.GetDocumentAsync($"/commitments?actor={actor}");
        Assert.Contains("overdue", before.QuerySelector($"#commitment-{id}")!.ClassList);
        Assert.NotNull(before.QuerySelector(".overdue-panel"));

        using var refused = await curator.SubmitAsync($"/commitments?actor={actor}", new() { ["Evidence.Status"] = "kept" }, $"Evidence&id={id}");
        var refusedPage = await Browser.ParseAsync(refused);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Cite the evidence", refusedPage.QuerySelector($"#commitment-{id} #source-{id} ~ .error")!.TextContent, StringComparison.Ordinal);

        using var saved = await curator.SubmitAsync($"/commitments?actor={actor}", new()
        {
            ["Evidence.Status"] = "kept",
            ["Evidence.SourceUrl"] = "https://example.org/review-2020",
            ["Evidence.Note"] = "审查于2020年12月公布。",
        }, $"Evidence&id={id}");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/commitments?actor={actor}#commitment-{id}", saved.Headers.Location!.OriginalString);
        var after = await curator.GetDocumentAsync($"/commitments?actor={actor}");
        var commitment = after.QuerySelector($"#commitment-{id}")!;
        Assert.Contains("status-kept", commitment.ClassList);
        Assert.DoesNotContain("overdue", commitment.ClassList);
        var evidence = commitment.QuerySelector("li.evidence")!;
        Assert.Equal("https://example.org/review-2020", evidence.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("审查于2020年12月公布。", evidence.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_sees_no_evidence_form_and_a_post_is_forbidden()
    {
        var (actor, id) = await OverdueCommitmentAsync();
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);
        var page = await viewer.GetDocumentAsync($"/commitments?actor={actor}");
        Assert.Null(page.QuerySelector("form[method=post] [name='Evidence.Status']"));
        var token = await viewer.AntiforgeryTokenAsync();

        using var response = await viewer.PostAsync($"/commitments?handler=Evidence&id={id}", new()
        {
            ["__RequestVerificationToken"] = token,
            ["Evidence.Status"] = "broken",
            ["Evidence.SourceUrl"] = "https://example.org/forged",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var admin = app.Admin();
        var commitment = (await admin.GetFromJsonAsync<JsonNode>($"/api/commitments/{id}", _ct))!;
        Assert.Equal("made", (string)commitment["status"]!);
        Assert.Empty(commitment["evidence"]!.AsArray());
    }
}
