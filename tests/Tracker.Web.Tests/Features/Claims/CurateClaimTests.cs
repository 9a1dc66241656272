namespace Tracker.Web.Tests.Features.Claims;

/// <summary>Curating claims through the API on a document made for the test.</summary>
public sealed class CurateClaimTests(TrackerApp app)
{
    // 𠀀 lies outside the Basic Multilingual Plane: one code point, two UTF-16 units. Offsets are code points.
    private const string Text = "𠀀𠀀双方反对单边制裁和长臂管辖。双方支持世界贸易组织改革；双方呼吁维护战略稳定。";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, int DocumentId, string Body)> NewDocumentAsync()
    {
        var client = app.Admin();
        using var response = await client.PostAsJsonAsync("/api/documents", new
        {
            title = $"Claim test {Guid.NewGuid():N}",
            issuedOn = "2025-06-02",
            language = "zh-Hans",
            kind = "joint_statement",
            signatories = new[] { "china", "russia" },
            text = Text + Guid.NewGuid().ToString("N"),
        }, _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = await response.ReadNodeAsync();
        return (client, (int)document["id"]!, (string)document["body"]!);
    }

    private static object Claim(int start, int end, string? quote, string stance = "opposes", int? version = null) => new
    {
        start,
        end,
        quote,
        holders = new[] { "china", "俄方" },
        stance,
        topic = "unilateral-sanctions",
        target = (string?)null,
        @implicit = false,
        negated = false,
        version,
    };

    private static (int Start, int End) Find(string body, string quote)
    {
        var utf16 = body.IndexOf(quote, StringComparison.Ordinal);
        var start = body[..utf16].CodePointLength();
        return (start, start + quote.CodePointLength());
    }

    [Fact]
    public async Task A_claim_after_characters_outside_the_bmp_is_anchored_by_code_points()
    {
        var (client, documentId, body) = await NewDocumentAsync();
        using var _ = client;
        var (start, end) = Find(body, "双方反对单边制裁");

        using var response = await client.PostAsJsonAsync($"/api/documents/{documentId}/claims", Claim(start, end, "双方反对单边制裁"), _ct);
        var claim = await response.ReadNodeAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, start);
        Assert.Equal("双方反对单边制裁", (string)claim["quote"]!);
        Assert.Equal("𠀀𠀀", (string)claim["prefix"]!);
        Assert.Equal(["china", "russia"], claim["holders"]!.AsArray().Select(h => (string)h!["slug"]!));
        Assert.Equal(2, (int)claim["intensity"]!);
    }

    [Theory]
    [InlineData(-1, 4, "start")]
    [InlineData(5, 100000, "start")]
    public async Task Offsets_outside_the_body_are_refused_and_nothing_is_saved(int start, int end, string field)
    {
        var (client, documentId, _) = await NewDocumentAsync();
        using var __ = client;

        using var response = await client.PostAsJsonAsync($"/api/documents/{documentId}/claims", Claim(start, end, null), _ct);
        var problem = await response.ReadNodeAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(0, await ClaimCountAsync(client, documentId));
    }

    [Fact]
    public async Task A_span_across_two_sentences_is_refused()
    {
        var (client, documentId, body) = await NewDocumentAsync();
        using var _ = client;
        var (start, _) = Find(body, "长臂管辖");
        var (_, end) = Find(body, "双方支持");

        using var response = await client.PostAsJsonAsync($"/api/documents/{documentId}/claims", Claim(start, end, null), _ct);
        var problem = await response.ReadNodeAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sentence", (string)problem["errors"]!["end"]![0]!);
        Assert.Equal(0, await ClaimCountAsync(client, documentId));
    }

    [Fact]
    public async Task A_quote_that_does_not_match_the_offsets_is_refused_with_the_text_found_there()
    {
        var (client, documentId, body) = await NewDocumentAsync();
        using var _ = client;
        var (start, end) = Find(body, "双方反对单边制裁");

        using var response = await client.PostAsJsonAsync($"/api/documents/{documentId}/claims", Claim(start, end, "双方支持单边制裁"), _ct);
        var problem = await response.ReadNodeAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("双方反对单边制裁", (string)problem["errors"]!["quote"]![0]!);
        Assert.Equal(0, await ClaimCountAsync(client, documentId));
    }

    [Fact]
    public async Task Unknown_stance_topic_and_holder_are_each_named_in_the_problem()
    {
        var (client, documentId, _) = await NewDocumentAsync();
        using var _ = client;

        using var response = await client.PostAsJsonAsync($"/api/documents/{documentId}/claims", new
        {
            start = 2, end = 6, holders = new[] { "Atlantis" }, stance = "likes", topic = "no-such-topic", intensity = 7,
        }, _ct);
        var errors = (await response.ReadNodeAsync())["errors"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(errors["holders[0]"]);
        Assert.NotNull(errors["stance"]);
        Assert.NotNull(errors["topic"]);
        Assert.NotNull(errors["intensity"]);
    }

    [Fact]
    public async Task Two_curators_editing_the_same_claim_the_second_gets_409_and_the_first_edit_stays()
    {
        var (client, documentId, body) = await NewDocumentAsync();
        using var _ = client;
        var (start, end) = Find(body, "双方反对单边制裁");
        using var created = await client.PostAsJsonAsync($"/api/documents/{documentId}/claims", Claim(start, end, null), _ct);
        var claim = await created.ReadNodeAsync();
        var id = (int)claim["id"]!;
        var version = (int)claim["version"]!;

        using var first = await client.PutAsJsonAsync($"/api/claims/{id}", Claim(start, end, null, "condemns", version), _ct);
        using var second = await client.PutAsJsonAsync($"/api/claims/{id}", Claim(start, end, null, "concerned", version), _ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var current = (await client.GetFromJsonAsync<JsonNode>($"/api/claims/{id}", _ct))!;
        Assert.Equal("condemns", (string)current["stance"]!);
        Assert.Equal(version + 1, (int)current["version"]!);
    }

    [Fact]
    public async Task An_update_without_a_version_is_refused()
    {
        var (client, documentId, body) = await NewDocumentAsync();
        using var _ = client;
        var (start, end) = Find(body, "双方反对单边制裁");
        using var created = await client.PostAsJsonAsync($"/api/documents/{documentId}/claims", Claim(start, end, null), _ct);
        var id = (int)(await created.ReadNodeAsync())["id"]!;

        using var response = await client.PutAsJsonAsync($"/api/claims/{id}", Claim(start, end, null, "condemns"), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadNodeAsync())["errors"]!["version"]);
    }

    [Fact]
    public async Task A_deleted_claim_is_gone_and_its_history_records_who_did_what()
    {
        var (client, documentId, body) = await NewDocumentAsync();
        using var _ = client;
        var (start, end) = Find(body, "双方反对单边制裁");
        using var created = await client.PostAsJsonAsync($"/api/documents/{documentId}/claims", Claim(start, end, null), _ct);
        var id = (int)(await created.ReadNodeAsync())["id"]!;

        using var deleted = await client.DeleteAsync($"/api/claims/{id}", _ct);
        using var gone = await client.GetAsync($"/api/claims/{id}", _ct);
        var history = (await client.GetFromJsonAsync<JsonArray>($"/api/claims/{id}/history", _ct))!;

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(["created", "deleted"], history.Select(h => (string)h!["action"]!));
        Assert.All(history, h => Assert.Equal("admin-token", (string)h!["actor"]!));
    }

    [Fact]
    public async Task Claims_are_listed_by_topic_with_its_subtopics_and_as_csv_with_the_same_rows()
    {
        using var client = app.Admin();
        var page = (await client.GetFromJsonAsync<JsonNode>("/api/claims?topic=missile-defense&limit=1000", _ct))!;
        var topics = page["items"]!.AsArray().Select(i => (string)i!["claim"]!["topic"]!["slug"]!).ToHashSet();

        Assert.Contains("golden-dome", topics);
        Assert.Equal((int)page["total"]!, page["items"]!.AsArray().Count);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/claims?topic=missile-defense");
        request.Headers.Accept.ParseAdd("text/csv");
        using var csv = await client.SendAsync(request, _ct);
        var lines = (await csv.Content.ReadAsStringAsync(_ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("id,document_id,document_title,issued_on,holders,stance", lines[0].TrimStart('\uFEFF'));
        Assert.Equal((int)page["total"]!, lines.Length - 1);
    }

    private async Task<int> ClaimCountAsync(HttpClient client, int documentId) =>
        (int)(await client.GetFromJsonAsync<JsonNode>($"/api/claims?document={documentId}", _ct))!["total"]!;
}
