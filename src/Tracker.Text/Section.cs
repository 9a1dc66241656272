namespace Tracker.Text;

/// <summary>
/// A numbered part of a document body. The text before the first numbered section, or the whole body when
/// nothing is numbered, is one preamble section without a label, so sections always tile the body.
/// </summary>
/// <param name="Label">The number as printed ("一", "十四", "七", "VII", "1"), or "Section 2" for "Sec. 2."; null for the preamble.</param>
/// <param name="Heading">A short title that follows the number ("Purpose" in "Section 1. Purpose."), if any.</param>
/// <param name="Span">Code points of the body, from the number to the end of the section's last paragraph.</param>
public sealed record Section(string? Label, string? Heading, TextSpan Span)
{
    public bool IsPreamble => Label is null;
}

/// <summary>Sections, paragraphs and sentences of a normalized body, all in code points.</summary>
public sealed record Segmentation(
    IReadOnlyList<Section> Sections,
    IReadOnlyList<TextSpan> Paragraphs,
    IReadOnlyList<TextSpan> Sentences)
{
    /// <summary>The sentence that contains <paramref name="position"/>, if any (white space between sentences has none).</summary>
    public TextSpan? SentenceAt(int position) => Find(Sentences, position);

    public Section? SectionAt(int position)
    {
        foreach (var section in Sections)
        {
            if (section.Span.Contains(position))
            {
                return section;
            }
        }

        return null;
    }

    private static TextSpan? Find(IReadOnlyList<TextSpan> spans, int position)
    {
        int lo = 0, hi = spans.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (spans[mid].End <= position)
            {
                lo = mid + 1;
            }
            else if (spans[mid].Start > position)
            {
                hi = mid - 1;
            }
            else
            {
                return spans[mid];
            }
        }

        return null;
    }
}
