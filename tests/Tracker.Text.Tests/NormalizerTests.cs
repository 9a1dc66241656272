namespace Tracker.Text.Tests;

public class NormalizerTests
{
    [Fact]
    public void Normalizer_joins_wrapped_cjk_lines_without_spaces()
    {
        var text = Normalizer.Normalize("双方坚信，各国人民\n命运与共。\n\n双方强调维持\n建设性大国关系。").Body;

        Assert.Equal("双方坚信，各国人民命运与共。\n双方强调维持建设性大国关系。", text);
    }

    [Fact]
    public void Normalizer_joins_wrapped_latin_lines_with_one_space()
    {
        var text = Normalizer.Normalize("The threat of\nattack by ballistic\nmissiles remains.\n\nWe reaffirm   the principle.").Body;

        Assert.Equal("The threat of attack by ballistic missiles remains.\nWe reaffirm the principle.", text);
    }

    [Fact]
    public void Normalizer_keeps_line_end_hyphens_of_compounds_without_a_space()
    {
        var text = Normalizer.Normalize("a path of green, low-\ncarbon and sustainable\ndevelopment.\n\nNext.").Body;

        Assert.Equal("a path of green, low-carbon and sustainable development.\nNext.", text);
    }

    [Fact]
    public void Normalizer_joins_cjk_and_digits_across_a_wrap_without_space()
    {
        var text = Normalizer.Normalize("推动落实 2018 年 5 月 17\n日签署的协定。\n\n下一段。").Body;

        Assert.Equal("推动落实2018年5月17日签署的协定。\n下一段。", text);
    }

    [Fact]
    public void Normalizer_looks_past_quotes_to_decide_the_join()
    {
        var text = Normalizer.Normalize("以寻求“深度精确打击”\n“杀伤链”等为借口。\n\n下一段。").Body;

        Assert.Equal("以寻求“深度精确打击”“杀伤链”等为借口。\n下一段。", text);
    }

    [Fact]
    public void Normalizer_keeps_a_sentence_broken_by_a_page_end_together()
    {
        var text = Normalizer.Normalize("У таких преступлений нет срока давности, как\n\nнет морального оправдания.\n\nСегодня мир вновь.").Body;

        Assert.Equal("У таких преступлений нет срока давности, как нет морального оправдания.\nСегодня мир вновь.", text);
    }

    [Fact]
    public void Normalizer_joins_a_line_that_goes_on_with_a_sentence_even_when_lines_are_paragraphs()
    {
        string sentence = string.Join(' ', Enumerable.Repeat("We announced a ground-breaking trade agreement.", 5));
        var raw = $"{sentence} And just yesterday, I\nstood with President Moon to announce it. {sentence}\n{sentence}";

        var paragraphs = Normalizer.Normalize(raw).Body.Split('\n');

        Assert.Equal(2, paragraphs.Length);
        Assert.Contains("just yesterday, I stood with President Moon", paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Normalizer_joins_a_list_item_and_its_lower_case_continuation_across_a_blank_line()
    {
        var text = Normalizer.Normalize("We will:\n\n- deliver financing through the PGII (PGII)\n\nas outlined in the annex.\n\nWe agree.").Body;

        Assert.Equal("We will:\n- deliver financing through the PGII (PGII) as outlined in the annex.\nWe agree.", text);
    }

    [Fact]
    public void Normalizer_keeps_two_lines_without_blank_line_apart_for_want_of_evidence_of_wrapping()
    {
        Assert.Equal("标题\n正文。", Normalizer.Normalize("标题\n正文。").Body);
    }

    [Fact]
    public void Normalizer_treats_each_line_as_a_paragraph_when_lines_are_not_wrapped()
    {
        string longLine = string.Join(' ', Enumerable.Repeat("The Assembly meets again this year in New York.", 6));
        var raw = $"{longLine}\n{longLine}\n{longLine}";

        var text = Normalizer.Normalize(raw).Body;

        Assert.Equal(raw, text);
    }

    [Theory]
    [InlineData("中 华 人 民 共 和 国 和 俄 罗 斯 联 邦", "中华人民共和国和俄罗斯联邦")]
    [InlineData("产 在 内 的 国 家 财 产 豁 免", "产在内的国家财产豁免")]
    [InlineData("成立 80周年之际", "成立80周年之际")]
    [InlineData("2024 年 7 月 4 日上海合作组织", "2024年7月4日上海合作组织")]
    [InlineData("剧的多重威胁。 （下转第四版）", "剧的多重威胁。")]
    [InlineData("中华人民共和国主席 俄罗斯联邦总统", "中华人民共和国主席 俄罗斯联邦总统")]
    [InlineData("习近平 弗·弗·普京", "习近平 弗·弗·普京")]
    [InlineData("支持 AI 技术发展", "支持 AI 技术发展")]
    public void Normalizer_closes_typesetting_spaces_in_cjk_but_keeps_spaces_between_words(string raw, string expected)
    {
        Assert.Equal(expected, Normalizer.Normalize(raw).Body);
    }

    [Theory]
    [InlineData("剧的多重威胁。 （下转第四版）")]
    [InlineData("剧的多重威胁。(下转第4版)")]
    [InlineData("剧的多重威胁。（下转 第 四 版）")]
    public void Normalizer_removes_continuation_markers_with_their_spaces(string raw)
    {
        Assert.Equal("剧的多重威胁。", Normalizer.Normalize(raw).Body);
    }

    [Fact]
    public void Normalizer_removes_a_leading_continuation_marker_and_starts_a_paragraph()
    {
        var text = Normalizer.Normalize("前一篇的结尾。\n\n（上接第二版）双方将积极深化合作。").Body;

        Assert.Equal("前一篇的结尾。\n双方将积极深化合作。", text);
    }

    [Fact]
    public void Normalizer_unifies_line_endings_and_unusual_spaces_and_trims()
    {
        var text = Normalizer.Normalize("\uFEFF  Joint\u00A0Statement\r\n\r\n\u3000\u3000双方强调。\r\n  ").Body;

        Assert.Equal("Joint Statement\n双方强调。", text);
    }

    [Fact]
    public void Normalizer_keeps_wording_and_punctuation()
    {
        const string text = "双方反对个别国家将外空用于武装对抗的企图，反对开展旨在取得军事优势的活动（包括“作战疆域”）。";

        Assert.Equal(text, Normalizer.Normalize(text).Body);
    }

    [Fact]
    public void Normalizer_maps_each_code_point_to_its_raw_code_point()
    {
        const string raw = "𠀀 前言\n\n双方反对个别\n国家的企图。";
        var normalized = Normalizer.Normalize(raw);
        var rawIndex = new CodePointIndex(raw);

        Assert.Equal("𠀀前言\n双方反对个别国家的企图。", normalized.Body);
        for (int i = 0; i < normalized.Length; i++)
        {
            var character = normalized.Index.Slice(TextSpan.FromLength(i, 1));
            if (character != "\n")
            {
                Assert.Equal(character, rawIndex.Slice(TextSpan.FromLength(normalized.ToRaw(i), 1)));
            }
        }

        Assert.Equal(new TextSpan(2, 4), normalized.ToRaw(new TextSpan(1, 3)));
    }

    [Fact]
    public void Normalizer_maps_a_span_across_a_join_to_the_raw_lines_it_came_from()
    {
        const string raw = "双方反对个别\r\n国家的企图。\n\n下一段。";
        var normalized = Normalizer.Normalize(raw);

        var span = normalized.ToRaw(new TextSpan(4, 8));

        Assert.Equal("个别\r\n国家", new CodePointIndex(raw).Slice(span));
    }

    [Fact]
    public void Normalizer_can_normalize_part_of_a_text_keeping_raw_offsets()
    {
        const string raw = "𠀀标题\n\n正文第一段。";
        var normalized = Normalizer.Normalize(raw, new TextSpan(5, 11));

        Assert.Equal("正文第一段。", normalized.Body);
        Assert.Equal(5, normalized.ToRaw(0));
    }

    [Fact]
    public void Normalizer_returns_empty_body_for_blank_text()
    {
        var normalized = Normalizer.Normalize(" \n\n\t\n");

        Assert.Equal("", normalized.Body);
        Assert.Equal(0, normalized.Length);
    }
}
