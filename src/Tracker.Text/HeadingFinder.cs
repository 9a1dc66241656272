namespace Tracker.Text;

/// <summary>
/// Marks the lines that form headings: up to three lines at a paragraph start, without clause punctuation,
/// that are all letter-spaced (中 华 人 民 共 和 国) or end in a document kind (联合声明, Joint Statement).
/// Lines of one heading share a group number.
/// </summary>
internal static class HeadingFinder
{
    private const int MaxTitleWidth = 120;
    private const int MaxTitleLines = 3;

    public static void Mark(List<SourceLine> lines, Layout layout)
    {
        int group = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            if (!StartsParagraph(lines, i, layout))
            {
                continue;
            }

            int best = 0;
            bool allSpaced = true;
            int maxLines = layout == Layout.LinePerParagraph ? 1 : MaxTitleLines;
            for (int r = 1; r <= maxLines && i + r - 1 < lines.Count; r++)
            {
                var line = lines[i + r - 1];
                bool joinable = r == 1 || layout == Layout.Inferred || line.BlankLinesBefore == 0;
                if (!joinable || !CanBeTitleLine(line))
                {
                    break;
                }

                allSpaced &= line.Has(LineFlags.LetterSpaced);
                bool continued = i + r < lines.Count && LayoutAnalyzer.ContinuesSentence(line, lines[i + r]);
                if ((allSpaced || line.Has(LineFlags.TitleWord)) && !continued)
                {
                    best = r;
                }
            }

            for (int k = 0; k < best; k++)
            {
                lines[i + k].HeadingGroup = group;
            }

            group += best > 0 ? 1 : 0;
            i += Math.Max(best - 1, 0);
        }
    }

    private static bool CanBeTitleLine(SourceLine line) =>
        line.Width <= MaxTitleWidth && !line.StandsAlone
            && !line.Has(LineFlags.HasClausePunctuation | LineFlags.SectionStart | LineFlags.ListItem);

    /// <summary>Whether line i can begin a paragraph, judged before paragraphs are known (for headings).</summary>
    private static bool StartsParagraph(List<SourceLine> lines, int i, Layout layout)
    {
        if (i == 0 || layout == Layout.LinePerParagraph)
        {
            return true;
        }

        var prev = lines[i - 1];
        var line = lines[i];
        if (prev.LastChar is ':' or '：' || LayoutAnalyzer.ContinuesSentence(prev, line))
        {
            // "See also:" introduces what follows, and a line that goes on with a sentence is no heading.
            return false;
        }

        return prev.EndsFinal || prev.IsHeading || prev.StandsAlone || prev.Has(LineFlags.ContinuesLater)
            || line.Has(LineFlags.ContinuedFrom) || line.BlankLinesBefore >= 2
            || (layout == Layout.BlankSeparated && line.BlankLinesBefore > 0);
    }
}
