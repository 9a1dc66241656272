namespace Tracker.Web.Tests.Features.Documents;

/// <summary>Storing documents through the API: what is accepted, what is refused, and that refusals save nothing.</summary>
public sealed class ImportDocumentTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static object Request(string title, string text, string issuedOn = "2025-06-01", string[]? signatories = null) => new
    {
        title,
        issuedOn,
        language = "zh-Hans",
        kind = "joint_statement",
        signatories = signatories ?? ["中方", "Russian Federation"],
        sourceUrl = "https://example.org/statement",
        text,
    };

    [Fact]
    public async Task A_posted_statement_is_normalized_segmented_and_stored()
    {
        using var client = app.Admin();
        // Hard-wrapped as a PDF copy is: full lines that stop mid-sentence.
        const string text = "双方重申，坚定维护以联合国为核心的国际\n体系。双方反对单边制裁和长臂管辖；双方\n支持世界贸易组织改革，支持多边贸易体制\n。双方呼吁各国坚持真正的多边主义，维护\n联合国宪章宗旨和原则。\n";

        using var response = await client.PostAsJsonAsync("/api/documents", Request("导入测试一", text), _ct);
        var created = await response.ReadNodeAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/documents/{(int)created["id"]!}", response.Headers.Location?.OriginalString);
        Assert.Equal(
            "双方重申，坚定维护以联合国为核心的国际体系。双方反对单边制裁和长臂管辖；双方支持世界贸易组织改革，支持多边贸易体制。双方呼吁各国坚持真正的多边主义，维护联合国宪章宗旨和原则。",
            (string)created["body"]!);
        Assert.Equal(4, created["sentences"]!.AsArray().Count);
        Assert.Equal(["china", "russia"], created["signatories"]!.AsArray().Select(s => (string)s!["slug"]!));

        var fetched = (await client.GetFromJsonAsync<JsonNode>(response.Headers.Location, _ct))!;
        Assert.Equal("导入测试一", (string)fetched["title"]!);
    }

    [Fact]
    public async Task Importing_the_same_text_again_is_a_conflict_naming_the_existing_document()
    {
        using var client = app.Admin();
        const string text = "双方欢迎重复导入检测的测试文本。";
        using var first = await client.PostAsJsonAsync("/api/documents", Request("重复一", text), _ct);
        var id = (int)(await first.ReadNodeAsync())["id"]!;

        using var second = await client.PostAsJsonAsync("/api/documents", Request("重复二", text + "\n"), _ct);
        var problem = await second.ReadNodeAsync();

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(id, (int)problem["existingDocumentId"]!);
        Assert.False(await TitleExistsAsync(client, "重复二"));
    }

    [Fact]
    public async Task An_unknown_signatory_is_refused_with_its_name_and_nothing_is_saved()
    {
        using var client = app.Admin();
        using var response = await client.PostAsJsonAsync(
            "/api/documents", Request("未知签署方", "双方支持和平。", signatories: ["china", "Atlantis"]), _ct);
        var problem = await response.ReadNodeAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Atlantis", (string)problem["errors"]!["signatories[1]"]![0]!);
        Assert.False(await TitleExistsAsync(client, "未知签署方"));
    }

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("8 May 2025")]
    [InlineData("")]
    public async Task An_invalid_date_is_refused_with_the_field(string issuedOn)
    {
        using var client = app.Admin();
        using var response = await client.PostAsJsonAsync("/api/documents", Request("日期错误", "双方支持和平。", issuedOn), _ct);
        var problem = await response.ReadNodeAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem["errors"]!["issuedOn"]);
        Assert.False(await TitleExistsAsync(client, "日期错误"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("（下转第四版）")]
    public async Task An_empty_text_is_refused(string text)
    {
        using var client = app.Admin();
        using var response = await client.PostAsJsonAsync("/api/documents", Request("空文本", text), _ct);
        var problem = await response.ReadNodeAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem["errors"]!["text"]);
        Assert.False(await TitleExistsAsync(client, "空文本"));
    }

    [Fact]
    public async Task A_text_over_the_configured_limit_is_refused_with_413()
    {
        using var client = app.Admin();
        var text = new string('字', TrackerApp.MaxDocumentLength + 1);
        using var response = await client.PostAsJsonAsync("/api/documents", Request("超长文本", text), _ct);
        var problem = await response.ReadNodeAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("limit", (string)problem["detail"]!);
        Assert.False(await TitleExistsAsync(client, "超长文本"));
    }

    [Fact]
    public async Task Splitting_the_seed_page_proposes_its_three_documents_and_stores_nothing()
    {
        using var client = app.Admin();
        var page = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seed", "documents", "2025-05-09_peoples-daily-page_zh.txt"), _ct);

        using var response = await client.PostAsJsonAsync("/api/documents/split", new { text = page }, _ct);
        var proposals = (await response.ReadNodeAsync())["documents"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, proposals.Count);
        Assert.Equal("中华人民共和国和俄罗斯联邦关于全球战略稳定的联合声明", (string)proposals[0]!["title"]!);
        Assert.Equal("中华人民共和国和俄罗斯联邦关于进一步加强合作维护国际法权威的联合声明", (string)proposals[1]!["title"]!);
        Assert.True((bool)proposals[2]!["continuedFromEarlierPage"]!);
        // Other tests import documents meanwhile, so count only the seeded page's own titles: still one each.
        var titles = (await client.GetFromJsonAsync<JsonArray>("/api/documents", _ct))!.Select(d => (string)d!["title"]!).ToList();
        Assert.Single(titles, t => t == (string)proposals[0]!["title"]!);
        Assert.Single(titles, t => t == (string)proposals[1]!["title"]!);
    }

    private async Task<bool> TitleExistsAsync(HttpClient client, string title) =>
        (await client.GetFromJsonAsync<JsonArray>("/api/documents", _ct))!.Any(d => (string)d!["title"]! == title);
}
