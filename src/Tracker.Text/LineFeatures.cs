using System.Buffers;
using System.Text.RegularExpressions;

namespace Tracker.Text;

/// <summary>
/// What a cleaned line looks like to layout analysis: its width in half-width units, how it ends, and whether
/// it is a section number, list item, signature row, dateline, news agency credit or carries a document kind.
/// </summary>
internal static partial class LineFeatures
{
    private const int MaxSignatureLength = 40;
    private const int MaxDatelineLength = 30;
    private const int MaxCreditLength = 40;

    private static readonly SearchValues<char> ClausePunctuation = SearchValues.Create("。，；！？、：;!?");
    private static readonly SearchValues<char> ChineseNumerals = SearchValues.Create("一二三四五六七八九十〇零两百");
    private static readonly SearchValues<char> RomanNumerals = SearchValues.Create("IVXLC");
    private static readonly SearchValues<char> LowerAlphaNumeric = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");

    private static readonly string[] CjkTitleWords = ["声明", "宣言", "公报", "公告", "纪要", "讲话", "致辞", "备忘录"];

    private static readonly string[] LatinTitleWords =
    [
        "Joint Statement", "Joint Declaration", "Declaration", "Communiqué", "Communique", "Statement", "Readout",
        "Совместное заявление", "Заявление", "Декларация", "Коммюнике",
    ];

    public static void Describe(SourceLine line, ReadOnlySpan<char> text)
    {
        // Latin and Cyrillic lines have no wide characters: vectorised checks settle their width. Wide characters
        // (CJK, Hangul) and surrogate pairs (one code point in two units) lie in U+1100–U+115F and U+3000 up; what lies
        // between, such as curly quotes and dashes, is narrow.
        int firstSpace = text.IndexOf(' ');
        bool narrow = !text.ContainsAnyInRange('\u3000', '\uFFFF') && !text.ContainsAnyInRange('\u1100', '\u115F');
        int wide = 0;
        int width = narrow ? text.Length : WidthOf(text, out wide);
        line.WideChars = wide;
        line.Width = width;
        line.FirstWordWidth = firstSpace < 0 ? width : narrow ? firstSpace : WidthOf(text[..firstSpace], out _);
        line.FirstChar = text[0];
        line.LastChar = text[^1];

        bool clause = text.ContainsAny(ClausePunctuation) || text.Contains(". ", StringComparison.Ordinal)
            || text[^1] is '.' or ',' or ';';
        var flags = line.Flags;
        flags |= clause ? LineFlags.HasClausePunctuation : LineFlags.None;
        flags |= EndsParagraphFinal(text) ? LineFlags.EndsParagraphFinal : LineFlags.None;
        flags |= IsSectionStart(text) ? LineFlags.SectionStart : LineFlags.None;
        flags |= IsStandaloneNumeral(text) ? LineFlags.StandaloneNumeral : LineFlags.None;
        flags |= IsListItem(text) ? LineFlags.ListItem : LineFlags.None;
        flags |= IsSignature(text) ? LineFlags.Signature : LineFlags.None;
        flags |= text.Length <= MaxDatelineLength && Dateline().IsMatch(text) ? LineFlags.Dateline : LineFlags.None;
        flags |= IsCredit(text) ? LineFlags.Credit : LineFlags.None;
        flags |= !clause && HasTitleWord(text) ? LineFlags.TitleWord : LineFlags.None;
        line.Flags = flags;
    }

    private static int WidthOf(ReadOnlySpan<char> text, out int wide)
    {
        int width = 0;
        wide = 0;
        for (int k = 0; k < text.Length; k++)
        {
            int c = CharClass.CodePointAt(text, k);
            k += c > 0xFFFF ? 1 : 0;
            int w = CharClass.Width(c);
            width += w;
            wide += w - 1;
        }

        return width;
    }

    internal static bool EndsParagraphFinal(ReadOnlySpan<char> text)
    {
        int k = text.Length - 1;
        while (k > 0 && CharClass.IsCloser(text[k]))
        {
            k--;
        }

        return CharClass.IsParagraphFinal(text[k]);
    }

    /// <summary>"二、" or "十四、" at the start of a line.</summary>
    internal static bool IsSectionStart(ReadOnlySpan<char> text)
    {
        int k = 0;
        while (k < text.Length && k < 5 && CharClass.IsChineseNumeral(text[k]))
        {
            k++;
        }

        return k > 0 && k < 5 && k < text.Length && text[k] is '、' or '．';
    }

    /// <summary>
    /// A line that is only a section number: "七", "VII". A bare "7" is more likely a page number left over from
    /// a PDF, so Arabic digits do not count.
    /// </summary>
    internal static bool IsStandaloneNumeral(ReadOnlySpan<char> text)
    {
        if (text.Length is 0 or > 6)
        {
            return false;
        }

        var body = text[^1] == '.' ? text[..^1] : text;
        return body.Length > 0 && (!body.ContainsAnyExcept(ChineseNumerals)
            || (!body.ContainsAnyExcept(RomanNumerals) && body.Length <= 5));
    }

    /// <summary>Latin list items and numbered provisions: "(a) ", "• ", "3. ", "Sec. 2.", "Section 4.".</summary>
    private static bool IsListItem(ReadOnlySpan<char> text)
    {
        if (text.Length < 3)
        {
            return false;
        }

        if (text[0] is '•' or '·' or '▪' or '◦' or '-' or '–' or '—' or '*' && text[1] == ' ')
        {
            return true;
        }

        if (text[0] == '(')
        {
            int close = text[..Math.Min(text.Length, 6)].IndexOf(')');
            return close > 1 && close + 1 < text.Length && text[close + 1] == ' '
                && !text[1..close].ContainsAnyExcept(LowerAlphaNumeric);
        }

        int digits = 0;
        while (digits < text.Length && digits < 4 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits is > 0 and < 4 && digits + 1 < text.Length && text[digits] == '.' && text[digits + 1] == ' ')
        {
            return true;
        }

        return text.StartsWith("Sec. ", StringComparison.Ordinal) || text.StartsWith("Section ", StringComparison.Ordinal)
            || text.StartsWith("Article ", StringComparison.Ordinal);
    }

    /// <summary>A signature row: names or offices of two or more characters set apart by spaces, no punctuation.</summary>
    private static bool IsSignature(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxSignatureLength || !text.Contains(' '))
        {
            return false;
        }

        for (int k = 0; k < text.Length; k++)
        {
            int c = CharClass.CodePointAt(text, k);
            if (c > 0xFFFF)
            {
                k++;
            }
            else if (!CharClass.IsIdeograph(c) && c is not (' ' or '·' or '・' or '•' or '．'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A news agency credit on a line of its own: （新华社莫斯科5月8日电）.</summary>
    private static bool IsCredit(ReadOnlySpan<char> text) =>
        text.Length is > 3 and <= MaxCreditLength && text[0] is '（' or '(' && text[^1] is '）' or ')'
            && text[^2] is '电' or '完' && text[1..^1].IndexOfAny("（）()") < 0;

    private static bool HasTitleWord(ReadOnlySpan<char> text)
    {
        foreach (var word in CjkTitleWords)
        {
            if (text.EndsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        if (text.Length > 200 || !char.IsUpper(text[0]))
        {
            return false;
        }

        foreach (var word in LatinTitleWords)
        {
            bool atStart = text.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                && (text.Length == word.Length || !char.IsLetter(text[word.Length]));
            bool atEnd = text.EndsWith(word, StringComparison.OrdinalIgnoreCase)
                && (text.Length == word.Length || !char.IsLetter(text[^(word.Length + 1)]));
            if (atStart || atEnd)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^[〇零○一二三四五六七八九0-9０-９]{4}\s*年\s*[〇零一二三四五六七八九十0-9０-９]{1,2}\s*月\s*[〇零一二三四五六七八九十0-9０-９]{1,3}\s*日(?:[于在].{1,15})?$")]
    private static partial Regex Dateline();
}
