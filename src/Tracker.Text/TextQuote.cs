namespace Tracker.Text;

/// <summary>
/// A W3C TextQuoteSelector: the exact text of an anchor with up to 32 code points of context on each side,
/// so the anchor can be found again if offsets drift.
/// </summary>
public sealed record TextQuote(string Exact, string Prefix, string Suffix)
{
    public const int ContextLength = 32;

    public static TextQuote From(string body, TextSpan span) => From(new CodePointIndex(body), span);

    public static TextQuote From(CodePointIndex index, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(span.End, index.Length);
        var prefix = new TextSpan(Math.Max(0, span.Start - ContextLength), span.Start);
        var suffix = new TextSpan(span.End, Math.Min(index.Length, span.End + ContextLength));
        return new TextQuote(index.Slice(span), index.Slice(prefix), index.Slice(suffix));
    }
}
