namespace Tracker.Text;

/// <summary>
/// Finds where a quote lies in a body, in code points: an exact match first, otherwise a match that ignores
/// white space in both strings (quotes copied from the raw page keep its line breaks and spaces). Build one
/// locator per body to anchor many quotes; the white-space-free copy of the body is built on first need.
/// </summary>
public sealed class QuoteLocator
{
    private readonly string _body;
    private readonly CodePointIndex _index;
    private string? _compact;
    private int[]? _compactToBody;

    public QuoteLocator(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        _body = body;
        _index = new CodePointIndex(body);
    }

    public static TextSpan? Find(string body, string quote, int occurrence = 1) => new QuoteLocator(body).Find(quote, occurrence);

    /// <summary>The span of the <paramref name="occurrence"/>-th place (1-based) where <paramref name="quote"/> occurs, or null.</summary>
    public TextSpan? Find(string quote, int occurrence = 1)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentOutOfRangeException.ThrowIfLessThan(occurrence, 1);
        var needle = quote.AsSpan().Trim();
        if (needle.IsEmpty)
        {
            return null;
        }

        int exact = NthIndexOf(_body, needle, occurrence);
        if (exact >= 0)
        {
            return _index.ToCodePoints(exact, exact + needle.Length);
        }

        return FindIgnoringWhiteSpace(needle, occurrence);
    }

    private TextSpan? FindIgnoringWhiteSpace(ReadOnlySpan<char> needle, int occurrence)
    {
        var compactNeedle = RemoveWhiteSpace(needle, null);
        if (_compact is null)
        {
            var map = new int[_body.Length];
            _compact = RemoveWhiteSpace(_body, map);
            _compactToBody = map;
        }

        int found = NthIndexOf(_compact, compactNeedle, occurrence);
        if (found < 0)
        {
            return null;
        }

        int start = _compactToBody![found];
        int end = _compactToBody[found + compactNeedle.Length - 1] + 1;
        return _index.ToCodePoints(start, end);
    }

    private static int NthIndexOf(ReadOnlySpan<char> text, ReadOnlySpan<char> needle, int occurrence)
    {
        int from = 0;
        for (int n = 1; ; n++)
        {
            int found = text[from..].IndexOf(needle, StringComparison.Ordinal);
            if (found < 0)
            {
                return -1;
            }

            if (n == occurrence)
            {
                return from + found;
            }

            // Occurrences may overlap ("啊啊" twice in "啊啊啊"); step past the first code point only.
            from += found + (char.IsHighSurrogate(text[from + found]) ? 2 : 1);
        }
    }

    private static string RemoveWhiteSpace(ReadOnlySpan<char> text, int[]? map)
    {
        var chars = new char[text.Length];
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && !CharClass.IsInvisible(text[i]))
            {
                if (map is not null)
                {
                    map[count] = i;
                }

                chars[count++] = text[i];
            }
        }

        return new string(chars, 0, count);
    }
}
