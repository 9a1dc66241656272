namespace Tracker.Text.Tests;

public class SegmenterTests
{
    [Fact]
    public void Segmenter_finds_sections_one_to_fourteen_in_the_second_document()
    {
        var segmentation = Segmenter.Segment(Seed.PageDocument(2).Body);

        Assert.Equal(
            ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四"],
            segmentation.Sections.Select(s => s.Label));
    }

    [Fact]
    public void Segmenter_finds_standalone_sections_seven_to_ten_after_a_preamble_in_the_continued_part()
    {
        var body = Seed.PageDocument(3);
        var segmentation = Segmenter.Segment(body.Body);

        Assert.Equal([null, "七", "八", "九", "十"], segmentation.Sections.Select(s => s.Label));
        Assert.True(segmentation.Sections[0].IsPreamble);
        Assert.StartsWith("双方将积极深化上海合作组织", body.Index.Slice(segmentation.Sections[0].Span), StringComparison.Ordinal);
        Assert.StartsWith("七\n双方指出", body.Index.Slice(segmentation.Sections[1].Span), StringComparison.Ordinal);
        Assert.EndsWith("（新华社莫斯科5月8日电）", body.Index.Slice(segmentation.Sections[^1].Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Segmenter_section_spans_tile_the_body()
    {
        var body = Seed.PeoplesDailyPageNormalized;
        var sections = Segmenter.Segment(body.Body).Sections;

        Assert.Equal(0, sections[0].Span.Start);
        Assert.Equal(body.Length, sections[^1].Span.End);
        for (int i = 1; i < sections.Count; i++)
        {
            var gap = body.Index.Slice(new TextSpan(sections[i - 1].Span.End, sections[i].Span.Start));
            Assert.True(string.IsNullOrWhiteSpace(gap), $"gap before section {sections[i].Label}: '{gap}'");
        }
    }

    [Fact]
    public void Segmenter_sentences_cover_every_character_but_white_space_on_every_seed_file()
    {
        foreach (var file in Seed.Files())
        {
            var body = Normalizer.Normalize(CorpusHeader.Parse(Seed.Read(file)).Body);
            AssertSentencesTile(body.Body, Segmenter.Segment(body.Body).Sentences);
        }
    }

    [Fact]
    public void Segmenter_treats_the_whole_body_as_a_preamble_when_nothing_is_numbered()
    {
        var segmentation = Segmenter.Segment("双方坚信。\n双方强调。");

        var section = Assert.Single(segmentation.Sections);
        Assert.True(section.IsPreamble);
        Assert.Equal(new TextSpan(0, 11), section.Span);
    }

    [Fact]
    public void Segmenter_reads_english_section_labels_and_headings()
    {
        var body = Normalizer.Normalize(CorpusHeader.Parse(Seed.Read(Seed.IronDomeFile)).Body).Body;

        var sections = Segmenter.Segment(body).Sections;

        Assert.Equal([null, "Section 1", "Section 2", "Section 3", "Section 4", "Section 5"], sections.Select(s => s.Label));
        Assert.Equal(["Purpose", "Policy", "Implementation"], sections.Skip(1).Take(3).Select(s => s.Heading));
    }

    [Fact]
    public void Segmenter_counts_plain_numbering_only_in_sequence()
    {
        var sections = Segmenter.Segment("Preamble.\n1. We met.\n2. We agreed.\n7. Stray number.\n3. We left.").Sections;

        Assert.Equal([null, "1", "2", "3"], sections.Select(s => s.Label));
    }

    [Fact]
    public void Segmenter_takes_a_short_paragraph_after_a_standalone_number_as_its_heading()
    {
        var section = Segmenter.Segment("七\n经济合作\n双方指出，合作重要。").Sections.Single();

        Assert.Equal("七", section.Label);
        Assert.Equal("经济合作", section.Heading);
    }

    [Theory]
    [InlineData("双方支持合作；反对制裁！是否可行？答案明确。", new[] { "双方支持合作；", "反对制裁！", "是否可行？", "答案明确。" })]
    [InlineData("他说：“我们支持。我们反对。”双方同意。", new[] { "他说：“我们支持。我们反对。”", "双方同意。" })]
    [InlineData("他强调“和平。”，并表示支持。", new[] { "他强调“和平。”，并表示支持。" })]
    [InlineData("双方（包括观察员。以及伙伴）同意。下一句。", new[] { "双方（包括观察员。以及伙伴）同意。", "下一句。" })]
    [InlineData("签署《关于和平。的宣言》的国家。下一句。", new[] { "签署《关于和平。的宣言》的国家。", "下一句。" })]
    [InlineData("他说：“我们支持！”", new[] { "他说：“我们支持！”" })]
    [InlineData("美国U.S.对华政策没有改变。双方同意。", new[] { "美国U.S.对华政策没有改变。", "双方同意。" })]
    [InlineData("The meeting ended in 2025.双方同意。", new[] { "The meeting ended in 2025.", "双方同意。" })]
    public void Segmenter_splits_chinese_sentences_respecting_quotes_and_brackets(string text, string[] expected)
    {
        Assert.Equal(expected, Sentences(text));
    }

    [Theory]
    [InlineData("The U.S. and the U.K. met Mr. Smith in St. Petersburg on Jan. 5. They agreed.", new[] { "The U.S. and the U.K. met Mr. Smith in St. Petersburg on Jan. 5.", "They agreed." })]
    [InlineData("Some states, e.g. China, agree, i.e. most. Others do not.", new[] { "Some states, e.g. China, agree, i.e. most.", "Others do not." })]
    [InlineData("C.B. Brown met Joseph R. Biden. Talks went well.", new[] { "C.B. Brown met Joseph R. Biden.", "Talks went well." })]
    [InlineData("Growth was 2.5 percent. It rose to No. 3 under Art. 51 of the Charter.", new[] { "Growth was 2.5 percent.", "It rose to No. 3 under Art. 51 of the Charter." })]
    [InlineData("1. The leaders met. They agreed.", new[] { "1. The leaders met.", "They agreed." })]
    [InlineData("We met in the U.S. The talks ended.", new[] { "We met in the U.S.", "The talks ended." })]
    [InlineData("He said, “We will act. We must.” Then he left.", new[] { "He said, “We will act. We must.”", "Then he left." })]
    [InlineData("“Why?” he asked. Nobody knew!", new[] { "“Why?” he asked.", "Nobody knew!" })]
    [InlineData("Wait... what happens next? We act.", new[] { "Wait... what happens next?", "We act." })]
    public void Segmenter_splits_english_sentences_without_breaking_at_abbreviations(string text, string[] expected)
    {
        Assert.Equal(expected, Sentences(text));
    }

    [Theory]
    [InlineData("Выступление С.В.Лаврова на сессии. Мы ценим «саммит будущего». Это важно.", new[] { "Выступление С.В.Лаврова на сессии.", "Мы ценим «саммит будущего».", "Это важно." })]
    [InlineData("Он сказал: «Мы готовы. Мы ждём». Потом ушёл.", new[] { "Он сказал: «Мы готовы. Мы ждём».", "Потом ушёл." })]
    [InlineData("В июле с.г. по предложению России состоялись дебаты.", new[] { "В июле с.г. по предложению России состоялись дебаты." })]
    [InlineData("А в 1970 г. Генеральная Ассамблея приняла декларацию. В 2024 г. Мы видим иное.", new[] { "А в 1970 г. Генеральная Ассамблея приняла декларацию.", "В 2024 г.", "Мы видим иное." })]
    public void Segmenter_splits_russian_sentences(string text, string[] expected)
    {
        Assert.Equal(expected, Sentences(text));
    }

    [Fact]
    public void Segmenter_ends_a_sentence_at_a_paragraph_end()
    {
        Assert.Equal(["Heading without stop", "Next sentence."], Sentences("Heading without stop\nNext sentence."));
    }

    [Fact]
    public void Segmenter_counts_offsets_in_code_points()
    {
        const string text = "𠀀𠀀前言。双方同意。";

        var sentences = Segmenter.Segment(text).Sentences;

        Assert.Equal([new TextSpan(0, 5), new TextSpan(5, 10)], sentences);
    }

    [Fact]
    public void Segmenter_finds_the_sentence_at_a_position()
    {
        var segmentation = Segmenter.Segment("双方坚信。 双方强调。");

        Assert.Equal(new TextSpan(6, 11), segmentation.SentenceAt(7));
        Assert.Null(segmentation.SentenceAt(5));
    }

    private static string[] Sentences(string text)
    {
        var index = new CodePointIndex(text);
        var sentences = Segmenter.Segment(text).Sentences;
        AssertSentencesTile(text, sentences);
        return [.. sentences.Select(index.Slice)];
    }

    private static void AssertSentencesTile(string text, IReadOnlyList<TextSpan> sentences)
    {
        var index = new CodePointIndex(text);
        int covered = 0;
        foreach (var sentence in sentences)
        {
            Assert.True(sentence.Length > 0);
            Assert.True(string.IsNullOrWhiteSpace(index.Slice(new TextSpan(covered, sentence.Start))), $"gap before {sentence}");
            var content = index.Slice(sentence);
            Assert.Equal(content.Trim(), content);
            Assert.DoesNotContain('\n', content);
            covered = sentence.End;
        }

        Assert.True(string.IsNullOrWhiteSpace(index.Slice(new TextSpan(covered, index.Length))));
    }
}
