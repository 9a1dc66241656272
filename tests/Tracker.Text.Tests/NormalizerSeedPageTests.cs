namespace Tracker.Text.Tests;

/// <summary>The People's Daily page: hard-wrapped, a blank line after every line, three documents.</summary>
public class NormalizerSeedPageTests
{
    private static string Body => Seed.PeoplesDailyPageNormalized.Body;

    private static string[] Paragraphs => Body.Split('\n');

    [Fact]
    public void Normalizer_joins_the_wrapped_cjk_lines_of_the_page_without_spaces()
    {
        Assert.Contains("在第二次世界大战胜利和联合国成立80周年之际，中华人民共和国和俄罗斯联邦（以下称“双方”）强调维护和巩固全球战略稳定极其重要。", Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalizer_ends_a_paragraph_at_a_short_line_ending_in_a_colon()
    {
        Assert.Contains("并进一步声明如下：\n双方坚信，各国人民命运与共", Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalizer_ends_a_paragraph_at_a_full_line_when_the_next_line_is_indented_short()
    {
        // "…战略风险之一。" fills its line; the next paragraph's first line is short because of its lost indent.
        Assert.Contains("成为最亟待消除的战略风险之一。\n与此同时，军事设施", Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalizer_keeps_a_full_line_ending_in_a_full_stop_inside_its_paragraph()
    {
        Assert.Contains("这同样对战略稳定造成严重破坏。该计划全盘、彻底否定了", Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalizer_starts_a_paragraph_at_every_numbered_section()
    {
        string[] numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四"];

        foreach (var numeral in numerals)
        {
            Assert.Contains(Paragraphs, p => p.StartsWith(numeral + "、", StringComparison.Ordinal));
        }

        Assert.Contains("\n二、中华人民共和国和俄罗斯联邦认为，", Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalizer_keeps_standalone_section_numbers_as_paragraphs()
    {
        Assert.Equal(["七", "八", "九", "十"], Paragraphs.Where(p => p.Length == 1));
        Assert.Contains("加快落实联合国2030年可持续发展议程。\n七\n双方指出，", Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalizer_removes_the_continuation_markers_of_the_page()
    {
        Assert.DoesNotContain("下转", Body, StringComparison.Ordinal);
        Assert.DoesNotContain("上接", Body, StringComparison.Ordinal);
        Assert.Contains("冲突风险加剧的多重威胁。\n中华人民共和国和俄罗斯联邦关于进一步", Body, StringComparison.Ordinal);
        Assert.Contains("享有属事豁免。\n双方将积极深化上海合作组织框架内的协作", Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalizer_closes_letter_spaced_headings_into_one_paragraph()
    {
        Assert.Equal("中华人民共和国和俄罗斯联邦关于全球战略稳定的联合声明", Paragraphs[0]);
        Assert.Contains("中华人民共和国和俄罗斯联邦关于进一步加强合作维护国际法权威的联合声明", Paragraphs);
    }

    [Fact]
    public void Normalizer_closes_a_letter_spaced_line_inside_body_text()
    {
        Assert.Contains("一国文化遗产在内的国家财产豁免相关的国际义务。", Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalizer_sets_signatures_and_dateline_apart()
    {
        Assert.Equal(
            ["双方主张维护北极地区和平稳定，防止在该地区出现军事政治紧张。", "中华人民共和国主席 俄罗斯联邦总统", "习近平 弗·弗·普京", "二〇二五年五月八日于莫斯科", "（新华社莫斯科5月8日电）"],
            Paragraphs[^5..]);
    }

    [Fact]
    public void Normalizer_finds_every_paragraph_of_the_page()
    {
        // Counted on the printed page: 2 headings; 15 + 14 paragraphs; 53 paragraphs, 4 section numbers,
        // 2 signature rows, dateline and credit in the continued part.
        Assert.Equal(91, Paragraphs.Length);
    }

    [Fact]
    public void Normalizer_writes_one_line_per_paragraph_without_stray_spaces()
    {
        Assert.DoesNotContain("\n\n", Body, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", Body, StringComparison.Ordinal);
        Assert.All(Paragraphs, p => Assert.Equal(p.Trim(), p));
    }

    [Fact]
    public void Normalizer_is_idempotent_on_the_page()
    {
        Assert.Equal(Body, Normalizer.Normalize(Body).Body);
    }

    [Fact]
    public void Normalizer_maps_every_sentence_back_to_the_same_raw_text_up_to_white_space()
    {
        var normalized = Seed.PeoplesDailyPageNormalized;
        var raw = new CodePointIndex(Seed.PeoplesDailyPage);

        foreach (var sentence in Segmenter.Segment(normalized.Body).Sentences)
        {
            var rawText = raw.Slice(normalized.ToRaw(sentence));
            Assert.Equal(WithoutWhiteSpace(normalized.Index.Slice(sentence)), WithoutWhiteSpace(rawText));
        }
    }

    [Fact]
    public void Normalizer_maps_every_character_of_the_page_to_the_same_raw_character()
    {
        var normalized = Seed.PeoplesDailyPageNormalized;
        var raw = Seed.PeoplesDailyPage;
        Assert.False(new CodePointIndex(raw).HasSurrogatePairs, "code points index the page like UTF-16 units");

        for (int i = 0; i < normalized.Length; i++)
        {
            char c = normalized.Body[i];
            char origin = raw[normalized.ToRaw(i)];
            Assert.True(c == origin || (char.IsWhiteSpace(c) && char.IsWhiteSpace(origin)), $"body[{i}] '{c}' came from '{origin}'");
        }
    }

    private static string WithoutWhiteSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
