namespace Tracker.Web.Tests.Features.Commitments;

/// <summary>Commitments: made, reaffirmed by later statements, due dates, and curators' evidence.</summary>
public sealed class CommitmentTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_p5_commitment_on_strategic_stability_is_reaffirmed_by_the_2025_china_russia_statement()
    {
        using var client = app.Admin();
        var commitments = (await client.GetFromJsonAsync<JsonArray>("/api/commitments?actor=russia&topic=strategic-stability", _ct))!;

        var p5 = commitments.Single(c => (string)c!["document"]!["issuedOn"]! == "2022-01-03" && (string)c["topic"]!["slug"]! == "strategic-stability")!;
        Assert.Equal("reaffirmed", (string)p5["status"]!);
        Assert.Equal(5, p5["holders"]!.AsArray().Count);
        var reaffirmation = p5["reaffirmations"]!.AsArray().First(r => (string)r!["document"]!["issuedOn"]! == "2025-05-08")!;
        Assert.Equal("reaffirms", (string)reaffirmation["stance"]!);
        Assert.Equal(["china", "russia"], reaffirmation["by"]!.AsArray().Select(a => (string)a!["slug"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_commitment_nobody_repeated_stays_made()
    {
        using var client = app.Admin();
        var commitments = (await client.GetFromJsonAsync<JsonArray>("/api/commitments?actor=united-states&topic=unauthorized-nuclear-use", _ct))!;

        Assert.All(commitments, c => Assert.Equal("made", (string)c!["status"]!));
        Assert.NotEmpty(commitments);
    }

    [Fact]
    public async Task A_promised_date_makes_a_due_date_and_kept_evidence_ends_the_overdue()
    {
        using var client = app.Admin();
        var statements = new Statements(client);
        var a = await statements.NewActorAsync();
        var document = await statements.DocumentAsync("2019-01-10", [a], "The Government will complete the review of its arms control policy by 2020. It supports dialogue.", "en");
        var claim = await statements.ClaimAsync(document, "will complete the review of its arms control policy by 2020", [a], "commits", "arms-control");

        var overdue = (await client.GetFromJsonAsync<JsonArray>($"/api/commitments?actor={a}&overdue=true", _ct))!;
        var commitment = overdue.Single()!;
        Assert.Equal("2020-12-31", (string)commitment["dueOn"]!);
        Assert.True((bool)commitment["overdue"]!);
        Assert.Equal((int)claim["id"]!, (int)commitment["claimId"]!);

        using var response = await client.PostAsJsonAsync($"/api/commitments/{(int)commitment["id"]!}/evidence", new
        {
            status = "kept",
            sourceUrl = "https://example.org/review-2020",
            note = "Review published in December 2020.",
        }, _ct);
        var kept = await response.ReadNodeAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("kept", (string)kept["status"]!);
        Assert.False((bool)kept["overdue"]!);
        var evidence = kept["evidence"]!.AsArray().Single()!;
        Assert.Equal("https://example.org/review-2020", (string)evidence["sourceUrl"]!);
        Assert.Equal("kept", (string)evidence["status"]!);
        Assert.Empty((await client.GetFromJsonAsync<JsonArray>($"/api/commitments?actor={a}&overdue=true", _ct))!);
        Assert.Single((await client.GetFromJsonAsync<JsonArray>($"/api/commitments?actor={a}&status=kept", _ct))!);
        var history = (await client.GetFromJsonAsync<JsonArray>($"/api/commitments/{(int)commitment["id"]!}/history", _ct))!;
        var entry = history.Single()!;
        Assert.Equal("evidence", (string)entry["action"]!);
        Assert.Equal("made", (string)entry["before"]!["status"]!);
        Assert.Equal("kept", (string)entry["after"]!["status"]!);
    }

    [Fact]
    public async Task Evidence_without_a_source_or_with_an_unknown_status_or_claim_is_refused_and_nothing_changes()
    {
        using var client = app.Admin();
        var statements = new Statements(client);
        var a = await statements.NewActorAsync();
        var document = await statements.DocumentAsync("2024-01-10", [a], "The Government will reduce its arsenal. It supports dialogue.", "en");
        await statements.ClaimAsync(document, "will reduce its arsenal", [a], "commits", "nuclear-disarmament");
        var id = (int)(await client.GetFromJsonAsync<JsonArray>($"/api/commitments?actor={a}", _ct))!.Single()!["id"]!;

        using var noSource = await client.PostAsJsonAsync($"/api/commitments/{id}/evidence", new { status = "broken", note = "trust me" }, _ct);
        using var badStatus = await client.PostAsJsonAsync($"/api/commitments/{id}/evidence", new { status = "forgotten", sourceUrl = "https://example.org" }, _ct);
        using var badClaim = await client.PostAsJsonAsync($"/api/commitments/{id}/evidence", new { status = "broken", claimId = 999999 }, _ct);
        using var badUrl = await client.PostAsJsonAsync($"/api/commitments/{id}/evidence", new { status = "broken", sourceUrl = "javascript:alert(1)" }, _ct);
        using var noCommitment = await client.PostAsJsonAsync("/api/commitments/999999/evidence", new { status = "broken", sourceUrl = "https://example.org" }, _ct);

        Assert.NotNull((await noSource.ReadNodeAsync())["errors"]!["sourceUrl"]);
        Assert.NotNull((await badStatus.ReadNodeAsync())["errors"]!["status"]);
        Assert.NotNull((await badClaim.ReadNodeAsync())["errors"]!["claimId"]);
        Assert.NotNull((await badUrl.ReadNodeAsync())["errors"]!["sourceUrl"]);
        Assert.Equal(HttpStatusCode.NotFound, noCommitment.StatusCode);
        var unchanged = (await client.GetFromJsonAsync<JsonNode>($"/api/commitments/{id}", _ct))!;
        Assert.Equal("made", (string)unchanged["status"]!);
        Assert.Empty(unchanged["evidence"]!.AsArray());
        Assert.Empty((await client.GetFromJsonAsync<JsonArray>($"/api/commitments/{id}/history", _ct))!);
    }

    [Fact]
    public async Task Recording_evidence_needs_a_curator_token()
    {
        using var client = app.Anonymous();
        using var response = await client.PostAsJsonAsync("/api/commitments/1/evidence", new { status = "kept", sourceUrl = "https://example.org" }, _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_status_filter_is_named()
    {
        using var client = app.Admin();
        using var response = await client.GetAsync("/api/commitments?status=forgotten&actor=Atlantis", _ct);
        var errors = (await response.ReadNodeAsync())["errors"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(errors["status"]);
        Assert.Contains("Atlantis", (string)errors["actor"]![0]!);
    }
}
