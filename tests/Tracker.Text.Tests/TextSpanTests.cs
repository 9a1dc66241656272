namespace Tracker.Text.Tests;

public class TextSpanTests
{
    [Fact]
    public void TextSpan_measures_and_contains_half_open_ranges()
    {
        var span = new TextSpan(3, 7);

        Assert.Equal(4, span.Length);
        Assert.True(span.Contains(3));
        Assert.False(span.Contains(7));
        Assert.True(span.Contains(new TextSpan(4, 7)));
        Assert.False(span.Contains(new TextSpan(2, 5)));
    }

    [Fact]
    public void TextSpan_overlaps_only_when_sharing_a_code_point()
    {
        var span = new TextSpan(3, 7);

        Assert.True(span.Overlaps(new TextSpan(6, 9)));
        Assert.False(span.Overlaps(new TextSpan(7, 9)));
        Assert.False(span.Overlaps(new TextSpan(0, 3)));
    }

    [Fact]
    public void TextSpan_rejects_negative_or_reversed_ranges()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(-1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(5, 4));
    }
}
