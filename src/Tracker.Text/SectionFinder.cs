using System.Buffers;
using System.Globalization;

namespace Tracker.Text;

/// <summary>
/// Finds numbered sections at paragraph starts: "一、"…"九十九、", a paragraph that is only a number ("七",
/// "VII"), "第一条", "Section 1." / "Sec. 2." / "Article 3", "IV. Title", and plain "1." numbering. Plain
/// numbering counts only in bodies with no other scheme and only in sequence (1, 2, 3 …), because "1." also
/// numbers lists inside sections.
/// </summary>
internal static class SectionFinder
{
    private const int MaxHeadingLength = 60;

    private static readonly SearchValues<char> TitleBreakers = SearchValues.Create("。，；！？：.;!?,");

    private enum Scheme
    {
        None,
        Primary,
        Plain,
    }

    public static IReadOnlyList<Section> Find(ReadOnlySpan<char> text, List<(int Start, int End)> paragraphs, CodePointIndex index)
    {
        var starts = new List<(int Paragraph, string Label, string? Heading, Scheme Scheme)>();
        bool primary = false;
        for (int p = 0; p < paragraphs.Count; p++)
        {
            var (start, end) = paragraphs[p];
            var (label, heading, scheme) = Recognize(text[start..end]);
            if (scheme == Scheme.None)
            {
                continue;
            }

            // A bare number ("七") may be followed by a short title paragraph.
            if (heading is null && end - start <= 5 && p + 1 < paragraphs.Count && scheme == Scheme.Primary)
            {
                heading = TitleParagraph(text[paragraphs[p + 1].Start..paragraphs[p + 1].End]);
            }

            starts.Add((p, label!, heading, scheme));
            primary |= scheme == Scheme.Primary;
        }

        var chosen = new List<(int Paragraph, string Label, string? Heading)>();
        int expected = 1;
        foreach (var start in starts)
        {
            if (start.Scheme == Scheme.Primary)
            {
                chosen.Add((start.Paragraph, start.Label, start.Heading));
            }
            else if (!primary && int.Parse(start.Label, CultureInfo.InvariantCulture) is var n
                && (n == expected || n == 1))
            {
                chosen.Add((start.Paragraph, start.Label, start.Heading));
                expected = n + 1;
            }
        }

        var sections = new List<Section>();
        if (paragraphs.Count == 0)
        {
            return sections;
        }

        int firstNumbered = chosen.Count > 0 ? chosen[0].Paragraph : paragraphs.Count;
        if (firstNumbered > 0)
        {
            sections.Add(new Section(null, null, index.ToCodePoints(paragraphs[0].Start, paragraphs[firstNumbered - 1].End)));
        }

        for (int s = 0; s < chosen.Count; s++)
        {
            int last = s + 1 < chosen.Count ? chosen[s + 1].Paragraph - 1 : paragraphs.Count - 1;
            var span = index.ToCodePoints(paragraphs[chosen[s].Paragraph].Start, paragraphs[last].End);
            sections.Add(new Section(chosen[s].Label, chosen[s].Heading, span));
        }

        return sections;
    }

    private static (string? Label, string? Heading, Scheme Scheme) Recognize(ReadOnlySpan<char> paragraph)
    {
        // 一、 … 九十九、
        int numerals = CountChineseNumerals(paragraph);
        if (numerals > 0 && numerals < paragraph.Length && paragraph[numerals] is '、' or '．')
        {
            return (paragraph[..numerals].ToString(), TitleParagraph(paragraph[(numerals + 1)..]), Scheme.Primary);
        }

        if (LineFeatures.IsStandaloneNumeral(paragraph))
        {
            return (paragraph.TrimEnd('.').ToString(), null, Scheme.Primary);
        }

        // 第一条 / 第三章 followed by a space or the end
        if (paragraph.Length > 2 && paragraph[0] == '第')
        {
            int n = 1 + CountChineseNumerals(paragraph[1..]);
            if (n > 1 && n < paragraph.Length && paragraph[n] is '条' or '章' or '节'
                && (n + 1 == paragraph.Length || char.IsWhiteSpace(paragraph[n + 1])))
            {
                return (paragraph[..(n + 1)].ToString(), null, Scheme.Primary);
            }
        }

        foreach (var (prefix, name) in (ReadOnlySpan<(string, string)>)[("Section ", "Section"), ("Sec. ", "Section"), ("Article ", "Article"), ("Art. ", "Article")])
        {
            if (paragraph.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = paragraph[prefix.Length..];
                int digits = CountDigits(rest);
                if (digits > 0)
                {
                    var heading = digits < rest.Length && rest[digits] == '.' ? LeadingTitle(rest[(digits + 1)..]) : null;
                    return ($"{name} {rest[..digits]}", heading, Scheme.Primary);
                }
            }
        }

        int roman = CountRoman(paragraph);
        if (roman > 0 && roman + 2 < paragraph.Length && paragraph[roman] == '.' && paragraph[roman + 1] == ' ')
        {
            return (paragraph[..roman].ToString(), LeadingTitle(paragraph[(roman + 2)..]), Scheme.Primary);
        }

        int number = CountDigits(paragraph);
        if (number is > 0 and <= 3 && number + 1 < paragraph.Length && paragraph[number] == '.' && paragraph[number + 1] == ' ')
        {
            return (paragraph[..number].ToString(), null, Scheme.Plain);
        }

        return (null, null, Scheme.None);
    }

    /// <summary>A paragraph short enough and unpunctuated enough to be a title.</summary>
    private static string? TitleParagraph(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        bool titleLike = text.Length is > 0 and <= MaxHeadingLength / 2
            && text.IndexOfAny(TitleBreakers) < 0;
        return titleLike ? text.ToString() : null;
    }

    /// <summary>"Purpose" in "Purpose. The threat of …": a short capitalised phrase closed by a full stop.</summary>
    private static string? LeadingTitle(ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        int stop = text.IndexOf('.');
        var candidate = stop < 0 ? text : text[..stop];
        bool title = candidate.Length is > 0 and <= MaxHeadingLength && char.IsUpper(candidate[0])
            && candidate.IndexOfAny(",;:") < 0 && (stop < 0 || stop + 1 == text.Length || text[stop + 1] == ' ');
        return title && (stop >= 0 || candidate.Length == text.Length) ? candidate.ToString() : null;
    }

    private static int CountChineseNumerals(ReadOnlySpan<char> text)
    {
        int k = 0;
        while (k < text.Length && k < 4 && CharClass.IsChineseNumeral(text[k]))
        {
            k++;
        }

        return k < text.Length && CharClass.IsChineseNumeral(text[k]) ? 0 : k;
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        int k = 0;
        while (k < text.Length && char.IsAsciiDigit(text[k]))
        {
            k++;
        }

        return k;
    }

    private static int CountRoman(ReadOnlySpan<char> text)
    {
        int k = 0;
        while (k < text.Length && k < 6 && text[k] is 'I' or 'V' or 'X' or 'L' or 'C')
        {
            k++;
        }

        return k;
    }
}
