namespace Tracker.Text.Tests;

public class DocumentSplitterTests
{
    private static readonly IReadOnlyList<ProposedDocument> PageDocuments = DocumentSplitter.Split(Seed.PeoplesDailyPage);
    private static readonly CodePointIndex Page = new(Seed.PeoplesDailyPage);

    [Fact]
    public void DocumentSplitter_finds_the_three_documents_of_the_page()
    {
        Assert.Equal(3, PageDocuments.Count);
        Assert.Equal("中华人民共和国和俄罗斯联邦关于全球战略稳定的联合声明", PageDocuments[0].Title);
        Assert.Equal("中华人民共和国和俄罗斯联邦关于进一步加强合作维护国际法权威的联合声明", PageDocuments[1].Title);
        Assert.Null(PageDocuments[2].Title);
    }

    [Fact]
    public void DocumentSplitter_flags_continuations_to_and_from_other_pages()
    {
        Assert.Equal([false, false, true], PageDocuments.Select(d => d.ContinuedFromEarlierPage));
        Assert.Equal([true, true, false], PageDocuments.Select(d => d.ContinuesOnLaterPage));
    }

    [Fact]
    public void DocumentSplitter_spans_each_document_from_heading_or_marker_to_marker_or_end()
    {
        var first = Page.Slice(PageDocuments[0].Span);
        var second = Page.Slice(PageDocuments[1].Span);
        var third = Page.Slice(PageDocuments[2].Span);

        Assert.StartsWith("中 华 人 民 共 和 国", first, StringComparison.Ordinal);
        Assert.EndsWith("剧的多重威胁。 （下转第四版）", first, StringComparison.Ordinal);
        Assert.StartsWith("中 华 人 民 共 和 国", second, StringComparison.Ordinal);
        Assert.EndsWith("豁免。 （下转第四版）", second, StringComparison.Ordinal);
        Assert.StartsWith("（上接第二版）双方将积极深化", third, StringComparison.Ordinal);
        Assert.EndsWith("（新华社莫斯科5月8日电）", third, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentSplitter_puts_the_body_after_the_heading()
    {
        Assert.StartsWith("在第二次世界大战胜利和联合国", Page.Slice(PageDocuments[0].BodySpan), StringComparison.Ordinal);
        Assert.StartsWith("一、中华人民共和国和俄罗斯联邦", Page.Slice(PageDocuments[1].BodySpan), StringComparison.Ordinal);
        Assert.Equal(PageDocuments[2].Span, PageDocuments[2].BodySpan);
        Assert.EndsWith("关 于 全 球 战 略 稳 定 的 联 合 声 明", Page.Slice(PageDocuments[0].TitleSpan!.Value), StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentSplitter_parts_do_not_overlap_and_cover_the_page()
    {
        for (int i = 1; i < PageDocuments.Count; i++)
        {
            Assert.True(PageDocuments[i - 1].Span.End <= PageDocuments[i].Span.Start);
            Assert.True(string.IsNullOrWhiteSpace(Page.Slice(new TextSpan(PageDocuments[i - 1].Span.End, PageDocuments[i].Span.Start))));
        }
    }

    [Fact]
    public void DocumentSplitter_bodies_normalize_to_the_same_text_as_the_whole_page()
    {
        var parts = PageDocuments.SelectMany(d => new[] { d.Title, Normalizer.Normalize(Seed.PeoplesDailyPage, d.BodySpan).Body });

        Assert.Equal(Seed.PeoplesDailyPageNormalized.Body, string.Join('\n', parts.OfType<string>()));
    }

    [Fact]
    public void DocumentSplitter_body_offsets_point_into_the_page()
    {
        var document = PageDocuments[1];
        var body = Normalizer.Normalize(Seed.PeoplesDailyPage, document.BodySpan);

        Assert.Equal(document.BodySpan.Start, body.ToRaw(0));
        Assert.Equal("一", Page.Slice(TextSpan.FromLength(body.ToRaw(0), 1)));
    }

    [Fact]
    public void DocumentSplitter_returns_a_text_without_heading_as_one_document()
    {
        var body = CorpusHeader.Parse(Seed.Read(Seed.StrategicStabilityFile)).Body;

        var document = Assert.Single(DocumentSplitter.Split(body));

        Assert.Null(document.Title);
        Assert.False(document.ContinuedFromEarlierPage);
        Assert.False(document.ContinuesOnLaterPage);
        Assert.StartsWith("We, President", new CodePointIndex(body).Slice(document.BodySpan), StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentSplitter_detects_plain_title_lines_by_their_document_kind()
    {
        const string raw = "中俄两国外长联合声明\n\n双方重申支持。\n\n双方将加强合作。\n\n中俄关于国际法的宣言\n\n双方认为国际法重要。";

        var documents = DocumentSplitter.Split(raw);

        Assert.Equal(["中俄两国外长联合声明", "中俄关于国际法的宣言"], documents.Select(d => d.Title));
    }

    [Fact]
    public void DocumentSplitter_detects_english_titles()
    {
        const string raw = "Joint Statement on Strategic Stability\n\nWe reaffirm the principle.\n\nJoint Declaration of the Leaders\n\nWe agree.";

        var documents = DocumentSplitter.Split(raw);

        Assert.Equal(["Joint Statement on Strategic Stability", "Joint Declaration of the Leaders"], documents.Select(d => d.Title));
    }

    [Fact]
    public void DocumentSplitter_does_not_take_a_trailing_link_line_for_a_new_document()
    {
        const string raw = "We agree on the declaration.\n\nSee Also:\n\nAccompanying Chair’s Statement\n\n###";

        Assert.Single(DocumentSplitter.Split(raw));
    }
}
