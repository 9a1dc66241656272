namespace Tracker.Web.Tests.Features.Documents;

/// <summary>What a new user finds in the database after the first start.</summary>
public sealed class SeededDocumentsTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Documents_list_holds_the_three_seed_page_documents_and_the_corpus_statements_with_claims()
    {
        using var client = app.Admin();
        var documents = (await client.GetFromJsonAsync<JsonArray>("/api/documents", _ct))!;

        var byKey = documents.Where(d => d!["key"] is not null).ToDictionary(d => (string)d!["key"]!, d => d!);
        string[] expected =
        [
            "2025-05-08-cn-ru-global-strategic-stability",
            "2025-05-08-cn-ru-international-law",
            "2025-05-08-cn-ru-comprehensive-partnership",
            "2022-01-03-p5-preventing-nuclear-war",
            "2021-06-16-us-russia-strategic-stability",
            "2025-01-27-us-iron-dome-for-america",
        ];
        Assert.All(expected, key => Assert.True(byKey.ContainsKey(key), $"{key} is not in the list"));
        Assert.All(expected, key => Assert.True((int)byKey[key]["claimCount"]! > 0, $"{key} has no claims"));
        Assert.Equal("中华人民共和国和俄罗斯联邦关于全球战略稳定的联合声明", (string)byKey[expected[0]]["title"]!);
        Assert.Equal(["china", "russia"], byKey[expected[0]]["signatories"]!.AsArray().Select(s => (string)s!["slug"]!));
        Assert.True(
            byKey.Values.Where(d => ((string)d["key"]!).StartsWith("2025-05-08", StringComparison.Ordinal)).Sum(d => (int)d["claimCount"]!) > 150,
            "the seed page should carry well over 150 curated claims");
    }

    [Fact]
    public async Task Every_seeded_claim_is_anchored_to_its_quote_in_code_points_within_one_sentence()
    {
        using var client = app.Admin();
        var documents = (await client.GetFromJsonAsync<JsonArray>("/api/documents", _ct))!;
        foreach (var id in documents.Where(d => d!["key"] is not null).Select(d => (int)d!["id"]!))
        {
            var document = (await client.GetFromJsonAsync<JsonNode>($"/api/documents/{id}", _ct))!;
            var body = (string)document["body"]!;
            var sentences = document["sentences"]!.AsArray().Select(s => ((int)s!["start"]!, (int)s["end"]!)).ToList();
            Assert.NotEmpty(sentences);
            foreach (var claim in document["claims"]!.AsArray())
            {
                int start = (int)claim!["start"]!, end = (int)claim["end"]!;
                Assert.Equal((string)claim["quote"]!, body.CodePoints(start, end));
                Assert.Contains(sentences, s => s.Item1 <= start && end <= s.Item2);
                Assert.Equal("accepted", (string)claim["status"]!);
                Assert.NotEmpty(claim["holders"]!.AsArray());
            }
        }
    }

    [Fact]
    public async Task The_seed_page_body_is_normalized_joined_lines_without_markers_or_letter_spacing()
    {
        using var client = app.Admin();
        var id = await IdOfAsync(client, "2025-05-08-cn-ru-global-strategic-stability");
        var document = (await client.GetFromJsonAsync<JsonNode>($"/api/documents/{id}", _ct))!;
        var body = (string)document["body"]!;

        Assert.Contains("中华人民共和国和俄罗斯联邦（以下称“双方”）强调维护和巩固全球战略稳定极其重要", body);
        Assert.DoesNotContain("下转", body);
        Assert.DoesNotContain("中 华", body);
        Assert.Equal("2025-05-08", (string)document["issuedOn"]!);
        Assert.Equal("zh-Hans", (string)document["language"]!);
    }

    [Fact]
    public async Task The_international_law_statement_has_its_fourteen_numbered_sections()
    {
        using var client = app.Admin();
        var id = await IdOfAsync(client, "2025-05-08-cn-ru-international-law");
        var document = (await client.GetFromJsonAsync<JsonNode>($"/api/documents/{id}", _ct))!;
        var labels = document["sections"]!.AsArray().Select(s => (string?)s!["label"]).Where(l => l is not null).ToList();

        Assert.Equal(["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四"], labels);
    }

    [Fact]
    public async Task A_missing_document_is_a_404_problem()
    {
        using var client = app.Admin();
        using var response = await client.GetAsync("/api/documents/987654", _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    internal static async Task<int> IdOfAsync(HttpClient client, string key)
    {
        var documents = (await client.GetFromJsonAsync<JsonArray>("/api/documents", TestContext.Current.CancellationToken))!;
        return (int)documents.Single(d => (string?)d!["key"] == key)!["id"]!;
    }
}
