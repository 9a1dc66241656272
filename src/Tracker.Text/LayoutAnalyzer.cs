namespace Tracker.Text;

internal enum Layout
{
    /// <summary>Every line is a paragraph (normalized text, or unwrapped text with long lines).</summary>
    LinePerParagraph,

    /// <summary>Blank lines separate paragraphs; single line breaks inside them are wraps (or not, see HardWrapped).</summary>
    BlankSeparated,

    /// <summary>
    /// Hard-wrapped text whose line breaks say nothing: a blank line after every line, as on the People's Daily
    /// page, or no blank lines at all. Paragraph breaks are inferred from line widths and punctuation.
    /// </summary>
    Inferred,
}

/// <summary>A run of lines that form one paragraph.</summary>
internal readonly record struct LineRange(int First, int Last);

/// <summary>Groups the lines of a text into paragraphs.</summary>
internal static class LayoutAnalyzer
{
    // In half-width units (a CJK character is 2): lines wider than this at the 90th percentile are not hard-wrapped.
    private const int MaxWrapWidth = 160;
    private const int MinBlockLines = 5;

    // "Clearly shorter than the column": one and a half CJK characters; an indent is two characters.
    private const int ShortBy = 3;
    private const int IndentWidth = 4;

    // The widest width that at least a third of a block's lines reach: full lines. First lines (short by the indent) and
    // last lines can outnumber them when paragraphs are short, so neither the median nor the mode will do.
    private const double CjkColumnPercentile = 0.65;

    // Fewer lines than this say too little about a layout; such texts keep their blank lines as breaks.
    private const int MinSpacedLines = 8;

    public static List<LineRange> Paragraphs(SourceText source)
    {
        var lines = source.Lines;
        var paragraphs = new List<LineRange>();
        if (lines.Count == 0)
        {
            return paragraphs;
        }

        var layout = DetectLayout(lines, out bool hardWrapped);
        HeadingFinder.Mark(lines, layout);
        var columns = layout == Layout.Inferred ? ColumnWidths(lines) : null;
        bool indentSignals = layout == Layout.Inferred && IndentSignalsParagraphs(lines);

        int first = 0;
        for (int i = 1; i < lines.Count; i++)
        {
            if (IsBreak(lines, i, layout, hardWrapped, columns, indentSignals, prevStartsParagraph: first == i - 1))
            {
                paragraphs.Add(new LineRange(first, i - 1));
                first = i;
            }
        }

        paragraphs.Add(new LineRange(first, lines.Count - 1));
        return paragraphs;
    }

    internal static Layout DetectLayout(List<SourceLine> lines, out bool hardWrapped)
    {
        hardWrapped = false;
        int n = lines.Count;
        if (n < 2)
        {
            return Layout.LinePerParagraph;
        }

        int blankBoundaries = 0, nonFinalBeforeBlank = 0;
        for (int i = 1; i < n; i++)
        {
            if (lines[i].BlankLinesBefore > 0)
            {
                blankBoundaries++;
                nonFinalBeforeBlank += lines[i - 1].EndsFinal ? 0 : 1;
            }
        }

        bool shortLines = Percentile(lines, 0, n, 0.9) <= MaxWrapWidth;
        if (blankBoundaries == 0)
        {
            return LooksHardWrapped(lines) ? Layout.Inferred : Layout.LinePerParagraph;
        }

        // A blank line after (almost) every line, many of them mid-sentence: the blank lines are layout, not breaks.
        bool blankAfterEveryLine = blankBoundaries * 5 >= (n - 1) * 4 && n >= MinSpacedLines;
        if (blankAfterEveryLine && shortLines && nonFinalBeforeBlank * 5 >= blankBoundaries * 2)
        {
            return Layout.Inferred;
        }

        hardWrapped = shortLines;
        return Layout.BlankSeparated;
    }

    /// <summary>
    /// Text without blank lines counts as hard-wrapped only on strong evidence: most lines fill the column and
    /// stop mid-sentence.
    /// </summary>
    private static bool LooksHardWrapped(List<SourceLine> lines)
    {
        var widths = new int[lines.Count];
        var final = new bool[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            (widths[i], final[i]) = (lines[i].Width, lines[i].EndsFinal);
        }

        return LooksHardWrapped(widths, final);
    }

    /// <summary>
    /// The test on line widths and endings, shared with the normalizer: it checks its own output with it, since
    /// output that passed for hard-wrapped text would not normalize to itself.
    /// </summary>
    internal static bool LooksHardWrapped(int[] widths, bool[] final)
    {
        int m = widths.Length - 1;
        if (m < 3)
        {
            return false;
        }

        var sorted = widths[..m];
        Array.Sort(sorted);
        int column = sorted[Math.Min(m - 1, (int)(0.9 * m))];
        if (column > MaxWrapWidth)
        {
            return false;
        }

        int full = 0;
        for (int i = 0; i < m; i++)
        {
            full += widths[i] * 4 >= column * 3 && !final[i] ? 1 : 0;
        }

        return full * 2 >= m;
    }

    private static bool IsBreak(
        List<SourceLine> lines, int i, Layout layout, bool hardWrapped, int[]? columns, bool indentSignals, bool prevStartsParagraph)
    {
        var prev = lines[i - 1];
        var next = lines[i];
        if (prev.IsHeading || next.IsHeading)
        {
            return prev.HeadingGroup != next.HeadingGroup;
        }

        // Before the markers: they are gone from normalized text, and normalizing it again must join the same.
        if (ContinuesSentence(prev, next))
        {
            return false;
        }

        if (prev.Has(LineFlags.ContinuesLater) || next.Has(LineFlags.ContinuedFrom) || prev.StandsAlone || next.StandsAlone)
        {
            return true;
        }

        if (next.Has(LineFlags.SectionStart | LineFlags.ListItem) && prev.EndsFinal)
        {
            return true;
        }

        return layout switch
        {
            Layout.LinePerParagraph => true,
            Layout.BlankSeparated => next.BlankLinesBefore > 0 || !hardWrapped,
            _ => Infer(lines, i, columns!, indentSignals, prevStartsParagraph),
        };
    }

    /// <summary>
    /// A line that stops on a letter or comma, followed by one that starts in lower case, is one sentence
    /// whatever the layout says: OCR'd pages break at page ends ("как\n\nнет морального"), and transcripts
    /// break lines mid-sentence ("just yesterday, I\nstood with").
    /// </summary>
    internal static bool ContinuesSentence(SourceLine prev, SourceLine next) =>
        !prev.EndsFinal && char.IsLower(next.FirstChar)
            && (prev.LastChar is ',' or ')' or '”' or '"' or '»' || (char.IsLetterOrDigit(prev.LastChar) && !CharClass.IsCjk(prev.LastChar)));

    private static bool Infer(List<SourceLine> lines, int i, int[] columns, bool indentSignals, bool prevStartsParagraph)
    {
        var prev = lines[i - 1];
        var next = lines[i];
        if (next.BlankLinesBefore >= 2 || (indentSignals && next.Indent > 0))
        {
            return true;
        }

        if (!prev.EndsFinal)
        {
            return false;
        }

        int column = columns[i - 1];
        if (!prev.IsMostlyWide)
        {
            // The first word of the next line would have fitted: the line was ended on purpose.
            return prev.Width + 1 + next.FirstWordWidth <= column;
        }

        // CJK: a line that stops on 。 well short of the column ends its paragraph. A paragraph's first line is
        // short by its lost indent anyway, so it must stop shorter still.
        int shortfall = prevStartsParagraph ? ShortBy + IndentWidth : ShortBy;
        if (prev.Width <= column - shortfall)
        {
            return true;
        }

        // Paragraphs start indented; the indent is lost in extraction but the first line stays short. A short
        // line that ends in 。 may instead be the last line of this paragraph: then the line after it starts
        // the next paragraph and is short too, where a paragraph that goes on fills the column.
        if (next.Width > column - 2 || i + 1 >= lines.Count)
        {
            return false;
        }

        var after = lines[i + 1];
        bool sameBlock = columns[i + 1] == column && !after.IsHeading;
        if (!next.EndsFinal)
        {
            return sameBlock;
        }

        return sameBlock && after.Width >= column - 1 && !after.StandsAlone && !after.Has(LineFlags.SectionStart);
    }

    /// <summary>
    /// The column width of each line's block. Blocks (a document, a page continuation) can be set in different
    /// widths, so they are cut at headings and continuation markers and measured apart: for CJK the width most
    /// full lines have (lines hold a fixed count of characters), for Latin the 90th percentile (lines fill up to
    /// the margin).
    /// </summary>
    private static int[] ColumnWidths(List<SourceLine> lines)
    {
        var columns = new int[lines.Count];
        int global = ColumnOf(lines, 0, lines.Count, minLines: 1);
        int start = 0;
        for (int i = 1; i <= lines.Count; i++)
        {
            bool cut = i == lines.Count || lines[i].IsHeading != lines[i - 1].IsHeading
                || lines[i - 1].Has(LineFlags.ContinuesLater) || lines[i].Has(LineFlags.ContinuedFrom);
            if (!cut)
            {
                continue;
            }

            int column = ColumnOf(lines, start, i, MinBlockLines);
            int width = column > 0 ? column : global;
            Array.Fill(columns, width, start, i - start);
            start = i;
        }

        return columns;
    }

    private static int ColumnOf(List<SourceLine> lines, int start, int end, int minLines)
    {
        int count = 0, wide = 0, length = 0;
        for (int i = start; i < end; i++)
        {
            if (!lines[i].IsHeading)
            {
                count++;
                wide += lines[i].WideChars;
                length += lines[i].Length;
            }
        }

        if (count < minLines)
        {
            return 0;
        }

        return Percentile(lines, start, end, wide * 2 > length ? CjkColumnPercentile : 0.9, skipHeadings: true);
    }

    private static bool IndentSignalsParagraphs(List<SourceLine> lines)
    {
        int indented = 0;
        foreach (var line in lines)
        {
            indented += line.Indent > 0 ? 1 : 0;
        }

        return indented > 0 && indented * 2 < lines.Count;
    }

    private static int Percentile(List<SourceLine> lines, int start, int end, double fraction, bool skipHeadings = false)
    {
        var widths = new List<int>(end - start);
        for (int i = start; i < end; i++)
        {
            if (!skipHeadings || !lines[i].IsHeading)
            {
                widths.Add(lines[i].Width);
            }
        }

        if (widths.Count == 0)
        {
            return 0;
        }

        widths.Sort();
        return widths[Math.Min(widths.Count - 1, (int)(fraction * widths.Count))];
    }
}
