namespace Tracker.Text.Tests;

public class CorpusHeaderTests
{
    [Fact]
    public void CorpusHeader_reads_fields_case_insensitively_and_the_body_after_the_rule()
    {
        var header = CorpusHeader.Parse(Seed.Read(Seed.StrategicStabilityFile));

        Assert.True(header.HasHeader);
        Assert.Equal("U.S.-Russia Presidential Joint Statement on Strategic Stability", header["title"]);
        Assert.Equal("2021-06-16", header.Fields["Date"]);
        Assert.StartsWith("https://bidenwhitehouse.archives.gov/", header["SOURCE URL"], StringComparison.Ordinal);
        Assert.StartsWith("We, President of the United States", header.Body.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("=====", header.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void CorpusHeader_body_start_is_the_code_point_offset_of_the_body()
    {
        var text = "TITLE: 𠀀 page\nDATE: 2025-05-09\n===\n正文。";
        var header = CorpusHeader.Parse(text);

        Assert.Equal("正文。", header.Body);
        Assert.Equal(header.Body, new CodePointIndex(text).Slice(new TextSpan(header.BodyStart, new CodePointIndex(text).Length)));
    }

    [Theory]
    [InlineData("双方坚信，各国人民命运与共。")]
    [InlineData("Note: this line looks like a field\nbut no rule follows.")]
    [InlineData("")]
    public void CorpusHeader_of_text_without_header_is_empty_with_the_whole_text_as_body(string text)
    {
        var header = CorpusHeader.Parse(text);

        Assert.False(header.HasHeader);
        Assert.Empty(header.Fields);
        Assert.Equal(text, header.Body);
        Assert.Equal(0, header.BodyStart);
    }

    [Fact]
    public void CorpusHeader_accepts_windows_line_endings()
    {
        var header = CorpusHeader.Parse("TITLE: A\r\nLANGUAGE: en\r\n=====\r\nBody.");

        Assert.Equal("A", header["TITLE"]);
        Assert.Equal("en", header["language"]);
        Assert.Equal("Body.", header.Body);
    }
}
