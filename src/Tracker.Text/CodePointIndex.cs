namespace Tracker.Text;

/// <summary>
/// Converts between code-point offsets and UTF-16 indexes of one string. Built once per string; when the
/// string has no surrogate pairs (almost all Chinese, English and Russian text) both directions are identity.
/// </summary>
/// <remarks>
/// Only the code-point positions of supplementary characters are stored, so the cost is proportional to how
/// many there are: conversions are O(1) without them and O(log k) with k of them. A lone surrogate counts as
/// one code point, as <see cref="System.Text.Rune"/> decoding would replace it with one character.
/// </remarks>
public sealed class CodePointIndex
{
    // Code-point offsets of the characters that take two UTF-16 units, ascending.
    private readonly int[] _pairs;

    public CodePointIndex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        _pairs = FindPairs(text);
        Length = text.Length - _pairs.Length;
    }

    public string Text { get; }

    /// <summary>Length of the text in code points.</summary>
    public int Length { get; }

    public bool HasSurrogatePairs => _pairs.Length > 0;

    /// <summary>The UTF-16 index where the code point at <paramref name="codePoint"/> begins (Length maps to the end).</summary>
    public int ToUtf16(int codePoint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(codePoint);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(codePoint, Length);
        return _pairs.Length == 0 ? codePoint : codePoint + CountBefore(codePoint);
    }

    /// <summary>The code point that contains the UTF-16 unit at <paramref name="utf16Index"/> (a low surrogate maps to its pair).</summary>
    public int ToCodePoint(int utf16Index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(utf16Index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(utf16Index, Text.Length);
        if (_pairs.Length == 0)
        {
            return utf16Index;
        }

        // The k-th pair starts at UTF-16 index pairs[k] + k; count the pairs that start before utf16Index.
        int lo = 0, hi = _pairs.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_pairs[mid] + mid < utf16Index)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        // A low surrogate counts its own pair as "before", which lands on the pair's code point.
        return utf16Index - lo;
    }

    public Range ToUtf16Range(TextSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(span.End, Length);
        return new Range(ToUtf16(span.Start), ToUtf16(span.End));
    }

    public TextSpan ToCodePoints(int utf16Start, int utf16End) => new(ToCodePoint(utf16Start), ToCodePoint(utf16End));

    public string Slice(TextSpan span) => Text[ToUtf16Range(span)];

    public ReadOnlySpan<char> SliceAsSpan(TextSpan span) => Text.AsSpan()[ToUtf16Range(span)];

    public static int CountCodePoints(ReadOnlySpan<char> text)
    {
        int count = text.Length;
        for (int i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    private int CountBefore(int codePoint)
    {
        int index = Array.BinarySearch(_pairs, codePoint);
        return index >= 0 ? index : ~index;
    }

    private static int[] FindPairs(string text)
    {
        // IndexOfAnyInRange is vectorised, so BMP-only text costs one fast scan and no allocation.
        int first = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return [];
        }

        var pairs = new List<int>();
        int codePoint = first;
        for (int i = first; i < text.Length; i++, codePoint++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                pairs.Add(codePoint);
                i++;
            }
        }

        return [.. pairs];
    }
}
