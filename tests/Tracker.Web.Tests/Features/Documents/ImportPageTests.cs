using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Documents;

/// <summary>The import page: paste or upload, preview the split, confirm; what is refused and that refusals store nothing.</summary>
public sealed class ImportPageTests(TrackerApp app)
{
    private const string Page = "/documents/import";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static string SeedPage() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed", "documents", "2025-05-09_peoples-daily-page_zh.txt"));

    /// <summary>Two joint statements on one page, each with a heading the splitter recognizes.</summary>
    private static string TwoStatements(string marker) => $"""
        中华人民共和国和俄罗斯联邦关于导入测试{marker}甲的联合声明

        双方重申，坚定维护以联合国为核心的国际
        体系和以国际法为基础的国际秩序，反对单
        边制裁和长臂管辖，支持世界贸易组织改革
        和多边贸易体制，呼吁各国坚持真正的多边
        主义{marker}。

        中华人民共和国和俄罗斯联邦关于导入测试{marker}乙的联合声明

        双方呼吁各国坚持真正的多边主义，维护
        联合国宪章宗旨和原则{marker}。
        """;

    private static string First(string marker) =>
        $"双方重申，坚定维护以联合国为核心的国际体系和以国际法为基础的国际秩序，反对单边制裁和长臂管辖，支持世界贸易组织改革和多边贸易体制，呼吁各国坚持真正的多边主义{marker}。";

    [Fact]
    public async Task A_curator_imports_a_pasted_page_with_two_documents_and_lands_on_the_first()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Curator);
        var marker = Marker();

        var preview = await PreviewAsync(browser, TwoStatements(marker));
        Assert.Equal(2, preview.QuerySelectorAll("fieldset.import-document").Length);
        Assert.Equal($"中华人民共和国和俄罗斯联邦关于导入测试{marker}甲的联合声明", Field(preview, "Documents[0].Title"));
        Assert.Equal($"中华人民共和国和俄罗斯联邦关于导入测试{marker}乙的联合声明", Field(preview, "Documents[1].Title"));
        Assert.Equal("zh-Hans", Field(preview, "Documents[0].Language"));
        Assert.Equal("joint_statement", Field(preview, "Documents[1].Kind"));
        // The second body is two lines: on its own it does not read as hard-wrapped, so the preview opens its
        // text as stored and says so; the first reads the same alone as in the page.
        var stored = preview.QuerySelectorAll("details.stored");
        Assert.False(stored[0].HasAttribute("open"));
        Assert.True(stored[1].HasAttribute("open"));
        Assert.Contains("check it", stored[1].QuerySelector("summary")?.TextContent);

        // The title names the signatories: 中华人民共和国 and 俄罗斯联邦.
        Assert.Equal("china", Field(preview, "Documents[0].Signatories[0]"));
        Assert.Equal("russia", Field(preview, "Documents[0].Signatories[1]"));
        // The normalized text joins the wrapped lines without a space.
        Assert.Equal(
            [$"中华人民共和国和俄罗斯联邦关于导入测试{marker}甲的联合声明", First(marker),
                $"中华人民共和国和俄罗斯联邦关于导入测试{marker}乙的联合声明", $"双方呼吁各国坚持真正的多边主义，维护联合国宪章宗旨和原则{marker}。"],
            Paragraphs(preview));

        using var admin = app.Admin();
        var original = (int)(await admin.GetFromJsonAsync<JsonArray>("/api/documents", _ct))!
            .Single(d => (string?)d!["key"] == "2025-05-08-cn-ru-global-strategic-stability")!["id"]!;
        using var confirmed = await ConfirmAsync(browser, preview, new()
        {
            ["Documents[1].TranslationOf"] = original.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Documents[0].IssuedOn"] = "2025-06-02",
            ["Documents[0].Signatories[0]"] = "中方",
            ["Documents[0].Signatories[1]"] = "Russian Federation",
            ["Documents[0].Place"] = "Moscow",
            ["Documents[1].IssuedOn"] = "2025-06-03",
            ["Documents[1].Signatories[0]"] = "china",
            ["Documents[1].Signatories[1]"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var first = await FindAsync(admin, $"中华人民共和国和俄罗斯联邦关于导入测试{marker}甲的联合声明");
        var second = await FindAsync(admin, $"中华人民共和国和俄罗斯联邦关于导入测试{marker}乙的联合声明");
        Assert.Equal($"/documents/{(int)first["id"]!}", confirmed.Headers.Location?.OriginalString);
        Assert.Equal("2025-06-02", (string)first["issuedOn"]!);
        Assert.Equal("Moscow", (string)first["place"]!);
        Assert.Equal(["china", "russia"], first["signatories"]!.AsArray().Select(s => (string)s!["slug"]!));
        Assert.Equal("2025-06-03", (string)second["issuedOn"]!);
        Assert.Equal(["china"], second["signatories"]!.AsArray().Select(s => (string)s!["slug"]!));
        Assert.Equal(original, (int?)second["translationOf"]);
        Assert.Null(first["translationOf"]);

        // Each document holds its own body, without its heading and without the other document.
        var body = (string)(await admin.GetFromJsonAsync<JsonNode>($"/api/documents/{(int)first["id"]!}", _ct))!["body"]!;
        Assert.Equal(First(marker), body);
    }

    [Fact]
    public async Task A_missing_date_is_shown_beside_its_field_and_nothing_is_stored()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Curator);
        var marker = Marker();
        var preview = await PreviewAsync(browser, TwoStatements(marker));

        using var response = await ConfirmAsync(browser, preview, new()
        {
            ["Documents[0].IssuedOn"] = "2025-06-02",
            ["Documents[0].Signatories[0]"] = "china",
            ["Documents[1].IssuedOn"] = "",
            ["Documents[1].Signatories[0]"] = "nobody-such-actor",
        });
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("must not be empty", page.QuerySelector("[data-valmsg-for='Documents[1].IssuedOn']")?.TextContent);
        Assert.Contains(page.QuerySelectorAll("fieldset.signatories .error"), e => e.TextContent.Contains("'nobody-such-actor' is not a known actor"));
        using var admin = app.Admin();
        var titles = (await admin.GetFromJsonAsync<JsonArray>("/api/documents", _ct))!.Select(d => (string)d!["title"]!);
        Assert.DoesNotContain(titles, t => t.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Translation_of_is_found_by_part_of_a_title_or_a_date_and_stored_as_that_document()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Curator);
        using var admin = app.Admin();
        var original = (await admin.GetFromJsonAsync<JsonArray>("/api/documents", _ct))!
            .Single(d => (string?)d!["key"] == "2025-05-08-cn-ru-global-strategic-stability")!;
        var (id, title) = ((int)original["id"]!, (string)original["title"]!);
        var label = $"2025-05-08 · {title} (#{id})";

        // The typeahead lists documents by any part of the title, by date, month or year, with the id in the label.
        var byTitle = await OptionsAsync(browser, "全球战略稳定");
        Assert.Contains(label, byTitle);
        var byDay = await OptionsAsync(browser, "2025-05-08");
        Assert.Contains(label, byDay);
        Assert.All(byDay, o => Assert.StartsWith("2025-05-08 · ", o, StringComparison.Ordinal));
        Assert.Contains(label, await OptionsAsync(browser, "2025-05"));
        Assert.DoesNotContain(label, await OptionsAsync(browser, "2021"));
        Assert.Empty(await OptionsAsync(browser, $"no such title {Marker()}"));

        // Typed text that names one document is resolved when the page is re-cut, and shown as its label.
        var marker = Marker();
        var preview = await PreviewAsync(browser, TwoStatements(marker));
        var fields = Fields(Form(preview));
        fields["Documents[1].TranslationOfText"] = title;
        using var refreshed = await browser.PostAsync($"{Page}?handler=Refresh", fields);
        var page = await Browser.ParseAsync(refreshed);
        Assert.Equal(label, Field(page, "Documents[1].TranslationOfText"));
        Assert.Equal("", Field(page, "Documents[0].TranslationOfText"));

        using var confirmed = await ConfirmAsync(browser, page, new()
        {
            ["Documents[0].IssuedOn"] = "2025-06-02",
            ["Documents[0].Signatories[0]"] = "china",
            ["Documents[1].IssuedOn"] = "2025-06-03",
            ["Documents[1].Signatories[0]"] = "china",
        });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(id, (int?)(await FindAsync(admin, $"中华人民共和国和俄罗斯联邦关于导入测试{marker}乙的联合声明"))["translationOf"]);
        Assert.Null((await FindAsync(admin, $"中华人民共和国和俄罗斯联邦关于导入测试{marker}甲的联合声明"))["translationOf"]);
    }

    [Theory]
    [InlineData("no such title anywhere", "No stored document has")]
    [InlineData("2025-05-08", "names several documents")]
    [InlineData("some title (#99999999)", "No document #99999999")]
    public async Task A_translation_of_that_names_no_document_or_several_is_refused_beside_its_field_and_nothing_is_stored(string typed, string message)
    {
        using var browser = await app.SignInAsNewAsync(Roles.Curator);
        var marker = Marker();
        var preview = await PreviewAsync(browser, TwoStatements(marker));

        using var response = await ConfirmAsync(browser, preview, new()
        {
            ["Documents[0].IssuedOn"] = "2025-06-02",
            ["Documents[0].Signatories[0]"] = "china",
            ["Documents[1].IssuedOn"] = "2025-06-03",
            ["Documents[1].Signatories[0]"] = "china",
            ["Documents[1].TranslationOfText"] = typed,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("[data-valmsg-for='Documents[1].TranslationOf']")?.TextContent);
        // What was typed stays in the field, to correct.
        Assert.Equal(typed, Field(page, "Documents[1].TranslationOfText"));
        using var admin = app.Admin();
        var titles = (await admin.GetFromJsonAsync<JsonArray>("/api/documents", _ct))!.Select(d => (string)d!["title"]!);
        Assert.DoesNotContain(titles, t => t.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Removing_a_split_joins_its_paragraphs_to_the_document_before()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Curator);
        var preview = await PreviewAsync(browser, TwoStatements(Marker()));

        var fields = Fields(Form(preview));
        fields["Command"] = "remove-1";
        using var response = await browser.PostAsync($"{Page}?handler=Refresh", fields);
        var page = await Browser.ParseAsync(response);

        Assert.Single(page.QuerySelectorAll("fieldset.import-document"));
        Assert.Contains("¶1–¶4", page.QuerySelector("fieldset.import-document .span")?.TextContent);
    }

    [Fact]
    public async Task Moving_a_boundary_recuts_the_page_and_the_heading_stays_out_of_the_body()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Curator);
        var preview = await PreviewAsync(browser, TwoStatements(Marker()));
        Assert.Contains("¶3–¶4", preview.QuerySelectorAll("fieldset.import-document .span")[1].TextContent);

        // The second document now starts at its first body paragraph: its heading joins the first document.
        var fields = Fields(Form(preview));
        fields["Documents[1].Start"] = "3";
        fields["Documents[1].Heading"] = "0";
        using var response = await browser.PostAsync($"{Page}?handler=Refresh", fields);
        var page = await Browser.ParseAsync(response);

        var spans = page.QuerySelectorAll("fieldset.import-document .span").Select(s => s.TextContent).ToList();
        Assert.StartsWith("¶1–¶3, heading ¶1", spans[0]);
        Assert.StartsWith("¶4–¶4", spans[1]);
        Assert.Equal("Document 2", page.QuerySelector("ol.paragraphs li[value='4'] .boundary-mark")?.TextContent);
    }

    [Fact]
    public async Task A_markdown_upload_loses_its_markup_and_keeps_its_paragraphs()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Curator);
        const string markdown = "# Joint Statement on Markdown Import\n\nThe sides **strongly** support the [Charter](https://un.org) and *multilateralism*.\n\n- They will meet again.\n";

        var preview = await UploadAsync(browser, "statement.md", Encoding.UTF8.GetBytes(markdown));

        Assert.Equal(
            ["Joint Statement on Markdown Import", "The sides strongly support the Charter and multilateralism.", "They will meet again."],
            Paragraphs(preview));
    }

    [Fact]
    public async Task An_empty_paste_is_refused_beside_the_text_field()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Curator);
        using var response = await browser.SubmitAsync(Page, new() { ["Text"] = "  \n " }, "Preview");
        var page = await Browser.ParseAsync(response);

        Assert.Contains("The text is empty", page.QuerySelector("[data-valmsg-for='Text']")?.TextContent);
    }

    [Fact]
    public async Task The_seed_page_is_recognized_as_already_imported_and_confirming_it_is_refused()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Curator);
        var preview = await PreviewAsync(browser, SeedPage());

        var notices = preview.QuerySelectorAll("fieldset.import-document .notice a").Select(a => a.TextContent).ToList();
        Assert.Equal(
            ["中华人民共和国和俄罗斯联邦关于全球战略稳定的联合声明", "中华人民共和国和俄罗斯联邦关于进一步加强合作维护国际法权威的联合声明", "中华人民共和国和俄罗斯联邦关于进一步深化新时代全面战略协作伙伴关系的联合声明（续）"],
            notices);

        // The dateline at the end of the third, 二〇二五年五月八日于莫斯科, fills its date; an earlier 2015 年 5 月 8 日 does not.
        Assert.Equal("2025-05-08", Field(preview, "Documents[2].IssuedOn"));

        using var admin = app.Admin();
        using var response = await ConfirmAsync(browser, preview, new()
        {
            ["Documents[0].IssuedOn"] = "2025-05-08", ["Documents[0].Signatories[0]"] = "china",
            ["Documents[1].IssuedOn"] = "2025-05-08", ["Documents[1].Signatories[0]"] = "china",
            ["Documents[2].IssuedOn"] = "2025-05-08", ["Documents[2].Signatories[0]"] = "china", ["Documents[2].Title"] = "续",
        });
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is already in Tracker as document", page.QuerySelector("fieldset.import-document .error")?.TextContent);
        Assert.DoesNotContain(
            (await admin.GetFromJsonAsync<JsonArray>("/api/documents", _ct))!.Select(d => (string)d!["title"]!), t => t == "续");
    }

    [Fact]
    public async Task An_uploaded_docx_becomes_its_paragraphs()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Curator);
        var marker = Marker();
        using var docx = new MemoryStream();
        using (var word = WordprocessingDocument.Create(docx, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new Body(
                Paragraph($"Joint Statement on Word Import {marker}"),
                Paragraph("The Parties reaffirm their commitment to the purposes of the Charter."),
                Paragraph("They will meet again next year.")));
        }

        var preview = await UploadAsync(browser, $"statement-{marker}.docx", docx.ToArray());

        Assert.Equal(
            [$"Joint Statement on Word Import {marker}", "The Parties reaffirm their commitment to the purposes of the Charter.", "They will meet again next year."],
            Paragraphs(preview));
        Assert.Equal("en", Field(preview, "Documents[0].Language"));
    }

    [Fact]
    public async Task An_uploaded_html_page_keeps_its_blocks_as_paragraphs_and_drops_scripts_and_styles()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Curator);
        var html = """
            <!DOCTYPE html><html><head><title>Page title</title><style>p { color: red }</style></head>
            <body><script>alert('x')</script>
            <h1>Joint Statement on HTML Import</h1>
            <p>The sides <b>strongly</b> oppose
            unilateral sanctions.</p><div>They support<br>multilateralism &amp; the UN.</div>
            </body></html>
            """;

        var preview = await UploadAsync(browser, "statement.html", Encoding.UTF8.GetBytes(html));

        Assert.Equal(
            ["Joint Statement on HTML Import", "The sides strongly oppose unilateral sanctions.", "They support multilateralism & the UN."],
            Paragraphs(preview));
    }

    [Fact]
    public async Task An_unsupported_file_type_is_refused_beside_the_upload_field()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Curator);
        using var response = await UploadResponseAsync(browser, "statement.pdf", [0x25, 0x50, 0x44, 0x46]);
        var page = await Browser.ParseAsync(response);

        Assert.Contains("is not a file Tracker reads", page.QuerySelector("[data-valmsg-for='Upload']")?.TextContent);
    }

    [Fact]
    public async Task A_docx_that_is_not_a_word_document_is_refused_beside_the_upload_field()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Curator);
        using var response = await UploadResponseAsync(browser, "broken.docx", Encoding.UTF8.GetBytes("this is not a zip archive"));
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("could not be read as a Word document", page.QuerySelector("[data-valmsg-for='Upload']")?.TextContent);
    }

    [Fact]
    public async Task A_text_over_the_limit_is_refused_with_the_limit_named()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Curator);
        var form = await browser.GetDocumentAsync(Page);
        Assert.Contains(TrackerApp.MaxDocumentLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector("#limit")?.TextContent);

        using var response = await browser.SubmitAsync(Page, new() { ["Text"] = new string('字', TrackerApp.MaxDocumentLength + 1) }, "Preview");
        var page = await Browser.ParseAsync(response);

        Assert.Contains($"the limit is {TrackerApp.MaxDocumentLength:N0}", page.QuerySelector("[data-valmsg-for='Text']")?.TextContent);
        Assert.Null(page.QuerySelector("#import-preview"));
    }

    [Fact]
    public async Task A_text_changed_after_the_preview_is_refused()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Curator);
        var marker = Marker();
        var preview = await PreviewAsync(browser, TwoStatements(marker));
        var fields = Fields(Form(preview));
        fields["Raw"] = fields["Raw"].Replace("反对", "支持", StringComparison.Ordinal);
        fields["Documents[0].IssuedOn"] = fields["Documents[1].IssuedOn"] = "2025-06-02";
        fields["Documents[0].Signatories[0]"] = fields["Documents[1].Signatories[0]"] = "china";

        using var response = await browser.PostAsync($"{Page}?handler=Confirm", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("paste or upload the text again", (await Browser.ParseAsync(response)).QuerySelector("[data-valmsg-for='Text']")?.TextContent);
        using var admin = app.Admin();
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonArray>("/api/documents", _ct))!.Select(d => (string)d!["title"]!), t => t.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_viewer_gets_403_and_sees_no_import_link()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);
        var documents = await viewer.GetDocumentAsync("/documents");
        Assert.Empty(documents.QuerySelectorAll("a[href='/documents/import']"));

        using var get = await viewer.Client.GetAsync(Page, _ct);
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);

        var token = await viewer.AntiforgeryTokenAsync();
        using var post = await viewer.PostAsync($"{Page}?handler=Preview", new() { ["__RequestVerificationToken"] = token, ["Text"] = "双方重申。" });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        using var curator = await app.SignInAsNewAsync(Roles.Curator);
        Assert.NotEmpty((await curator.GetDocumentAsync("/documents")).QuerySelectorAll("main a[href='/documents/import']"));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Curator);
        using var response = await browser.PostAsync($"{Page}?handler=Preview", new() { ["Text"] = "双方重申。" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string Marker() => Guid.NewGuid().ToString("N")[..8];

    private static Paragraph Paragraph(string text) => new(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static async Task<IHtmlDocument> PreviewAsync(Browser browser, string text)
    {
        using var response = await browser.SubmitAsync(Page, new() { ["Text"] = text }, "Preview");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.True(page.QuerySelector("#import-preview") is not null, page.QuerySelector(".errors, .error")?.TextContent);
        return page;
    }

    private static async Task<HttpResponseMessage> UploadResponseAsync(Browser browser, string name, byte[] bytes)
    {
        var token = await browser.AntiforgeryTokenAsync(Page);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(""), "Text" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "Upload", name);
        return await browser.Client.PostAsync($"{Page}?handler=Preview", content, TestContext.Current.CancellationToken);
    }

    private static async Task<IHtmlDocument> UploadAsync(Browser browser, string name, byte[] bytes)
    {
        using var response = await UploadResponseAsync(browser, name, bytes);
        var page = await Browser.ParseAsync(response);
        Assert.True(page.QuerySelector("#import-preview") is not null, page.QuerySelector(".error")?.TextContent);
        return page;
    }

    private static async Task<List<string>> OptionsAsync(Browser browser, string typed)
    {
        using var response = await browser.Client.GetAsync($"{Page}?handler=Documents&Documents%5B0%5D.TranslationOfText={Uri.EscapeDataString(typed)}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var options = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<datalist>{await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}</datalist>");
        return options.QuerySelectorAll("option").Select(o => o.GetAttribute("value")!).ToList();
    }

    private static List<string> Paragraphs(IHtmlDocument page) =>
        page.QuerySelectorAll("ol.paragraphs li > span:last-child").Select(s => s.TextContent).ToList();

    private static IHtmlFormElement Form(IHtmlDocument page) => page.QuerySelector<IHtmlFormElement>("form.import")!;

    private static string? Field(IHtmlDocument page, string name) => Fields(Form(page)).GetValueOrDefault(name);

    private static Dictionary<string, string> Fields(IHtmlFormElement form) =>
        form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name)).Select(i => (i.Name!, i.Value))
            .Concat(form.Elements.OfType<IHtmlSelectElement>().Where(s => !string.IsNullOrEmpty(s.Name)).Select(s => (s.Name!, s.Value ?? "")))
            .GroupBy(f => f.Item1).ToDictionary(g => g.Key, g => g.First().Item2);

    private static async Task<HttpResponseMessage> ConfirmAsync(Browser browser, IHtmlDocument preview, Dictionary<string, string> values)
    {
        var fields = Fields(Form(preview));
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        return await browser.PostAsync($"{Page}?handler=Confirm", fields);
    }

    private async Task<JsonNode> FindAsync(HttpClient admin, string title)
    {
        var list = (await admin.GetFromJsonAsync<JsonArray>("/api/documents", _ct))!;
        var id = (int)list.Single(d => (string)d!["title"]! == title)!["id"]!;
        return (await admin.GetFromJsonAsync<JsonNode>($"/api/documents/{id}", _ct))!;
    }
}
