using Tracker.Domain.Documents;
using Tracker.Text;

namespace Tracker.Data.Claims;

/// <summary>The quote of a claim: where it is in the body and the text around it (W3C selectors).</summary>
public sealed record Anchor(int Start, int End, string Exact, string Prefix, string Suffix)
{
    /// <summary>
    /// Anchors [start, end) in a body. Fails with a reason a curator can act on when the span is outside the
    /// body, crosses a sentence boundary, or does not hold the quote the caller expected.
    /// </summary>
    public static AnchorResult Create(string body, IEnumerable<DocumentSentence> sentences, int start, int end, string? expectedQuote)
    {
        var index = new CodePointIndex(body);
        if (start < 0 || end > index.Length || start >= end)
        {
            return AnchorResult.Fail("start", $"The span [{start}, {end}) is not inside the document body, which has {index.Length} code points.");
        }

        if (!sentences.Any(s => s.Start <= start && end <= s.End))
        {
            return AnchorResult.Fail("end", $"The span [{start}, {end}) crosses a sentence boundary; a claim lies within one sentence.");
        }

        var span = new TextSpan(start, end);
        var quote = TextQuote.From(body, span);
        if (expectedQuote is not null && !SameText(expectedQuote, quote.Exact))
        {
            return AnchorResult.Fail("quote", $"The quote does not match the text at [{start}, {end}), which reads \"{quote.Exact}\".");
        }

        return AnchorResult.Ok(new Anchor(start, end, quote.Exact, quote.Prefix, quote.Suffix));
    }

    /// <summary>White space is not significant: a quote copied from a wrapped page still matches.</summary>
    private static bool SameText(string a, string b) =>
        string.Equals(WithoutWhiteSpace(a), WithoutWhiteSpace(b), StringComparison.Ordinal);

    private static string WithoutWhiteSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

public sealed record AnchorResult(Anchor? Anchor, string? Field, string? Error)
{
    public static AnchorResult Ok(Anchor anchor) => new(anchor, null, null);
    public static AnchorResult Fail(string field, string error) => new(null, field, error);
}
