namespace Tracker.Text.Tests;

public class CodePointIndexTests
{
    [Fact]
    public void CodePointIndex_is_identity_for_text_without_surrogates()
    {
        var index = new CodePointIndex("双方坚信，各国人民命运与共。");

        Assert.False(index.HasSurrogatePairs);
        Assert.Equal(14, index.Length);
        Assert.Equal(5, index.ToUtf16(5));
        Assert.Equal(5, index.ToCodePoint(5));
    }

    [Fact]
    public void CodePointIndex_counts_a_supplementary_character_as_one()
    {
        var index = new CodePointIndex("a𠀀b𠀁c");

        Assert.Equal(5, index.Length);
        Assert.Equal(3, index.ToUtf16(2));
        Assert.Equal(6, index.ToUtf16(4));
        Assert.Equal(2, index.ToCodePoint(3));
        Assert.Equal("𠀀b𠀁", index.Slice(new TextSpan(1, 4)));
    }

    [Fact]
    public void CodePointIndex_maps_a_low_surrogate_to_its_pair()
    {
        var index = new CodePointIndex("a𠀀b");

        Assert.Equal(1, index.ToCodePoint(2));
    }

    [Fact]
    public void CodePointIndex_round_trips_every_position_of_mixed_text()
    {
        var random = new Random(7);
        var text = string.Concat(Enumerable.Range(0, 500).Select(_ => random.Next(5) == 0 ? "𠀀" : "字"));
        var index = new CodePointIndex(text);

        for (int codePoint = 0; codePoint <= index.Length; codePoint++)
        {
            Assert.Equal(codePoint, index.ToCodePoint(index.ToUtf16(codePoint)));
        }

        Assert.Equal(500, index.Length);
    }

    [Fact]
    public void CodePointIndex_rejects_positions_past_the_end()
    {
        var index = new CodePointIndex("ab");

        Assert.Throws<ArgumentOutOfRangeException>(() => index.ToUtf16(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Slice(new TextSpan(1, 3)));
    }
}
