namespace Tracker.Text.Tests;

public class QuoteLocatorTests
{
    [Fact]
    public void QuoteLocator_finds_an_exact_quote_in_a_seed_document()
    {
        var body = Seed.PageDocument(1);
        const string quote = "双方反对个别国家将外空用于武装对抗的企图";

        var span = QuoteLocator.Find(body.Body, quote);

        Assert.NotNull(span);
        Assert.Equal(quote, body.Index.Slice(span.Value));
    }

    [Fact]
    public void QuoteLocator_finds_a_quote_copied_with_the_raw_line_breaks()
    {
        var body = Seed.PageDocument(1);

        var span = QuoteLocator.Find(body.Body, "双方反对个别国家将外空用于武\n\n装对抗的企图");

        Assert.NotNull(span);
        Assert.Equal("双方反对个别国家将外空用于武装对抗的企图", body.Index.Slice(span.Value));
    }

    [Fact]
    public void QuoteLocator_ignores_white_space_in_the_body_too()
    {
        const string body = "签署：中华人民共和国主席 俄罗斯联邦总统";

        var span = QuoteLocator.Find(body, "主席俄罗斯");

        Assert.Equal("主席 俄罗斯", new CodePointIndex(body).Slice(span!.Value));
    }

    [Fact]
    public void QuoteLocator_anchors_in_code_points_after_a_supplementary_character()
    {
        // 𠀀 takes two UTF-16 units: UTF-16 offsets would land two characters late.
        const string raw = "𠀀𠀀前言。\n\n双方反对个别国家将外空用于武装\n对抗的企图。\n\n下一段。";
        var normalized = Normalizer.Normalize(raw);
        const string quote = "双方反对个别国家将外空用于武装对抗的企图";

        var span = QuoteLocator.Find(normalized.Body, quote)!.Value;

        Assert.Equal(new TextSpan(6, 6 + 20), span);
        Assert.Equal(8, normalized.Body.IndexOf(quote, StringComparison.Ordinal));
        Assert.Equal(quote, normalized.Index.Slice(span));
        var rawText = new CodePointIndex(raw).Slice(normalized.ToRaw(span));
        Assert.Equal("双方反对个别国家将外空用于武装\n对抗的企图", rawText);
    }

    [Fact]
    public void QuoteLocator_picks_the_requested_occurrence()
    {
        const string body = "双方支持。双方反对。双方同意。";

        Assert.Equal(new TextSpan(5, 7), QuoteLocator.Find(body, "双方", occurrence: 2));
        Assert.Equal(new TextSpan(10, 12), QuoteLocator.Find(body, "双方", occurrence: 3));
        Assert.Null(QuoteLocator.Find(body, "双方", occurrence: 4));
    }

    [Fact]
    public void QuoteLocator_prefers_an_exact_match_over_an_earlier_one_with_other_spacing()
    {
        const string body = "双方 支持。双方支持。";

        Assert.Equal(new TextSpan(6, 10), QuoteLocator.Find(body, "双方支持"));
    }

    [Fact]
    public void QuoteLocator_counts_occurrences_ignoring_white_space_when_there_is_no_exact_match()
    {
        const string body = "双方 支持。双方 支持。";

        Assert.Equal(new TextSpan(0, 5), QuoteLocator.Find(body, "双方支持"));
        Assert.Equal(new TextSpan(6, 11), QuoteLocator.Find(body, "双方支持", occurrence: 2));
    }

    [Theory]
    [InlineData("不存在的话")]
    [InlineData("   ")]
    [InlineData("")]
    public void QuoteLocator_returns_null_when_the_quote_is_absent_or_blank(string quote)
    {
        Assert.Null(QuoteLocator.Find("双方支持。", quote));
    }

    [Fact]
    public void QuoteLocator_rejects_an_occurrence_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuoteLocator.Find("双方", "双方", occurrence: 0));
    }

    [Fact]
    public void TextQuote_takes_32_code_points_of_context_on_each_side()
    {
        var body = Seed.PageDocument(1);
        var span = QuoteLocator.Find(body.Body, "双方反对个别国家将外空用于武装对抗的企图")!.Value;

        var quote = TextQuote.From(body.Body, span);

        Assert.Equal("双方反对个别国家将外空用于武装对抗的企图", quote.Exact);
        Assert.Equal(32, new CodePointIndex(quote.Prefix).Length);
        Assert.Equal(32, new CodePointIndex(quote.Suffix).Length);
        Assert.EndsWith("导致局势雪上加霜。\n", quote.Prefix, StringComparison.Ordinal);
        Assert.StartsWith("，反对开展旨在取得军事优势", quote.Suffix, StringComparison.Ordinal);
    }

    [Fact]
    public void TextQuote_clips_context_at_the_edges_and_counts_code_points()
    {
        const string body = "𠀀双方支持。";

        var quote = TextQuote.From(body, new TextSpan(1, 5));

        Assert.Equal("𠀀", quote.Prefix);
        Assert.Equal("双方支持", quote.Exact);
        Assert.Equal("。", quote.Suffix);
    }
}
