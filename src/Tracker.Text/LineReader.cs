using System.Buffers;
using System.Text.RegularExpressions;

namespace Tracker.Text;

/// <summary>
/// Splits raw text into lines and cleans each one in a single pass: unifies white space, drops invisible
/// characters, removes page-continuation markers, closes letter-spaced CJK and records the raw code point
/// every remaining character came from.
/// </summary>
internal static partial class LineReader
{
    private const int MaxMarkersPerLine = 4;
    private const int MaxSignatureLength = 40;
    private const int MaxDatelineLength = 30;
    private const int MaxCreditLength = 40;

    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r\u2028\u2029\u0085\f\v");
    private static readonly SearchValues<char> ClausePunctuation = SearchValues.Create("。，；！？、：;!?");

    private static readonly string[] CjkTitleWords = ["声明", "宣言", "公报", "公告", "纪要", "讲话", "致辞", "备忘录"];

    private static readonly string[] LatinTitleWords =
    [
        "Joint Statement", "Joint Declaration", "Declaration", "Communiqué", "Communique", "Statement", "Readout",
        "Совместное заявление", "Заявление", "Декларация", "Коммюнике",
    ];

    public static SourceText Read(ReadOnlySpan<char> raw, int rawStart)
    {
        // Pooled: fresh multi-megabyte arrays per call cost more in page faults than the reading itself.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(raw.Length, 1));
        var offsets = ArrayPool<int>.Shared.Rent(Math.Max(raw.Length, 1));
        var lines = new List<SourceLine>((raw.Length / 32) + 4);
        int written = 0;
        int cp = rawStart;
        int blanks = 0;
        int pendingMarkerStart = -1;
        int position = 0;

        while (position <= raw.Length)
        {
            int length = raw[position..].IndexOfAny(LineBreaks);
            int lineEnd = length < 0 ? raw.Length : position + length;
            var line = ReadLine(raw[position..lineEnd], ref cp, buffer, offsets, ref written, out var markers, out int markerStart, out int markerEnd);

            if (line is not null)
            {
                line.BlankLinesBefore = blanks;
                line.RawBreak = cp;
                if (pendingMarkerStart >= 0)
                {
                    line.Flags |= LineFlags.ContinuedFrom;
                    line.RawStart = pendingMarkerStart;
                    pendingMarkerStart = -1;
                }

                lines.Add(line);
                blanks = 0;
            }
            else if (markers != LineFlags.None)
            {
                // A marker on a line of its own belongs to the text before (下转) or after (上接) it.
                if ((markers & LineFlags.ContinuesLater) != 0 && lines.Count > 0)
                {
                    lines[^1].Flags |= LineFlags.ContinuesLater;
                    lines[^1].RawEnd = markerEnd;
                }

                if ((markers & LineFlags.ContinuedFrom) != 0)
                {
                    pendingMarkerStart = markerStart;
                }
            }
            else
            {
                blanks++;
            }

            if (lineEnd >= raw.Length)
            {
                break;
            }

            // \r\n is one break; a paragraph separator (U+2029) also stands for a blank line.
            int breakLength = raw[lineEnd] == '\r' && lineEnd + 1 < raw.Length && raw[lineEnd + 1] == '\n' ? 2 : 1;
            if (raw[lineEnd] == '\u2029')
            {
                blanks++;
            }

            cp += breakLength;
            position = lineEnd + breakLength;
        }

        return new SourceText(buffer, offsets, lines, cp);
    }

    private static SourceLine? ReadLine(
        ReadOnlySpan<char> raw, ref int cp, char[] buffer, int[] offsets, ref int written,
        out LineFlags markers, out int markerStart, out int markerEnd)
    {
        markers = LineFlags.None;
        markerStart = markerEnd = -1;
        int start = written, w = written;
        int position = cp;
        int indent = 0;
        bool pendingSpace = false;
        int pendingRaw = 0;
        int rawStart = -1, rawEnd = cp;

        for (int k = 0; k < raw.Length; k++, position++)
        {
            char c = raw[k];
            if (!IsOrdinary(c))
            {
                if (CharClass.IsSpace(c))
                {
                    if (rawStart < 0)
                    {
                        indent += c switch { '\u3000' => 2, '\t' => 4, _ => 1 };
                    }
                    else if (!pendingSpace)
                    {
                        pendingSpace = true;
                        pendingRaw = position;
                    }

                    continue;
                }

                if (CharClass.IsInvisible(c) || char.IsControl(c))
                {
                    continue;
                }
            }

            if (pendingSpace)
            {
                buffer[w] = ' ';
                offsets[w++] = pendingRaw;
                pendingSpace = false;
            }

            rawStart = rawStart < 0 ? position : rawStart;
            buffer[w] = c;
            offsets[w++] = position;
            if (char.IsHighSurrogate(c) && k + 1 < raw.Length && char.IsLowSurrogate(raw[k + 1]))
            {
                buffer[w] = raw[++k];
                offsets[w++] = position;
            }

            rawEnd = position + 1;
        }

        cp = position;
        rawStart = rawStart < 0 ? rawEnd : rawStart;
        written = w;
        int end = written;
        if (end > start && buffer.AsSpan(start, end - start).Contains('版'))
        {
            end = RemoveMarkers(buffer, offsets, start, end, out markers, out markerStart, out markerEnd);
        }

        end = CloseSpaces(buffer, offsets, start, end, out bool letterSpaced);
        written = end;
        if (end == start)
        {
            return null;
        }

        var line = new SourceLine
        {
            Start = start,
            Length = end - start,
            RawStart = rawStart,
            RawEnd = rawEnd,
            Indent = indent,
            Flags = markers | (letterSpaced ? LineFlags.LetterSpaced : LineFlags.None),
        };
        Describe(line, buffer.AsSpan(start, end - start));
        return line;
    }

    /// <summary>The fast path: printable ASCII, and everything else that is neither a space, a control nor invisible.</summary>
    private static bool IsOrdinary(char c) =>
        c < 0x80
            ? c is > ' ' and < '\u007F'
            : c > 0xA0 && c != 0xAD && c != 0x1680 && c is not (>= '\u2000' and <= '\u2060') && c != 0x3000 && c != 0xFEFF;

    private static int RemoveMarkers(
        char[] buffer, int[] offsets, int start, int end, out LineFlags markers, out int markerStart, out int markerEnd)
    {
        markers = LineFlags.None;
        markerStart = markerEnd = -1;
        Span<(int Index, int Length)> found = stackalloc (int, int)[MaxMarkersPerLine];
        int count;
        do
        {
            count = 0;
            foreach (var match in ContinuationMarker().EnumerateMatches(buffer.AsSpan(start, end - start)))
            {
                if (count == MaxMarkersPerLine)
                {
                    break;
                }

                found[count++] = (start + match.Index, match.Length);
                var text = buffer.AsSpan(start + match.Index, match.Length);
                markers |= text.Contains('转') || text.Contains('续') ? LineFlags.ContinuesLater : LineFlags.ContinuedFrom;
                int first = offsets[start + match.Index], last = offsets[start + match.Index + match.Length - 1] + 1;
                markerStart = markerStart < 0 ? first : Math.Min(markerStart, first);
                markerEnd = Math.Max(markerEnd, last);
            }

            // Cut the markers out, last first so earlier indexes stay valid; more than fit in one round take another.
            for (int m = count - 1; m >= 0; m--)
            {
                var (index, length) = found[m];
                int tail = end - (index + length);
                Array.Copy(buffer, index + length, buffer, index, tail);
                Array.Copy(offsets, index + length, offsets, index, tail);
                end -= length;
            }
        }
        while (count == MaxMarkersPerLine);

        int w = start;
        for (int r = start; r < end; r++)
        {
            if (buffer[r] == ' ' && (w == start || buffer[w - 1] == ' ' || r == end - 1))
            {
                continue;
            }

            buffer[w] = buffer[r];
            offsets[w++] = offsets[r];
        }

        return w > start && buffer[w - 1] == ' ' ? w - 1 : w;
    }

    /// <summary>
    /// Removes the single spaces that typesetting, not the author, put into CJK text: between letter-spaced
    /// characters (中 华 人 民), next to full-width punctuation, and between CJK and digits (成立 80周年). Spaces
    /// between words of two or more characters stay (中华人民共和国主席 俄罗斯联邦总统: a signature block).
    /// </summary>
    private static int CloseSpaces(char[] buffer, int[] offsets, int start, int end, out bool letterSpaced)
    {
        letterSpaced = false;
        var text = buffer.AsSpan(start, end - start);
        int first = text.IndexOf(' ');
        if (first < 0)
        {
            return end;
        }

        int tokens = 1, singleCjk = 0, tokenStart = 0;
        for (int space = first; space >= 0;)
        {
            int nextSpace = text[(space + 1)..].IndexOf(' ');
            int tokenEnd = nextSpace < 0 ? text.Length : space + 1 + nextSpace;
            bool beforeSingle = IsSingleCodePoint(text[tokenStart..space]);
            bool afterSingle = IsSingleCodePoint(text[(space + 1)..tokenEnd]);
            int before = CharClass.CodePointBefore(text, space);
            int after = CharClass.CodePointAt(text, space + 1);
            if (beforeSingle && CharClass.IsIdeograph(before))
            {
                singleCjk++;
            }

            if (nextSpace < 0 && afterSingle && CharClass.IsIdeograph(after))
            {
                singleCjk++;
            }

            if (ShouldClose(before, after, beforeSingle, afterSingle))
            {
                text[space] = '\0';
            }

            tokens++;
            tokenStart = space + 1;
            space = nextSpace < 0 ? -1 : tokenEnd;
        }

        letterSpaced = singleCjk >= 4 && singleCjk * 4 >= tokens * 3;
        int w = start;
        for (int r = start; r < end; r++)
        {
            if (buffer[r] != '\0')
            {
                buffer[w] = buffer[r];
                offsets[w++] = offsets[r];
            }
        }

        return w;
    }

    private static bool ShouldClose(int before, int after, bool beforeSingle, bool afterSingle)
    {
        bool cjkBefore = CharClass.IsCjk(before), cjkAfter = CharClass.IsCjk(after);
        if (CharClass.IsCjkPunctuation(before) || CharClass.IsCjkPunctuation(after))
        {
            return true;
        }

        if (cjkBefore && cjkAfter)
        {
            return beforeSingle || afterSingle;
        }

        // Chinese sets numbers tight (2024年7月4日, 第14届); spaces there come from justification.
        return (cjkBefore && char.IsAsciiDigit((char)after)) || (char.IsAsciiDigit((char)before) && cjkAfter);
    }

    private static bool IsSingleCodePoint(ReadOnlySpan<char> token) =>
        token.Length == 1 || (token.Length == 2 && char.IsSurrogatePair(token[0], token[1]));

    private static void Describe(SourceLine line, ReadOnlySpan<char> text)
    {
        // Latin and Cyrillic lines have no wide characters: one vectorised check settles their width.
        int firstSpace = text.IndexOf(' ');
        bool narrow = !text.ContainsAnyExceptInRange('\0', '\u10FF');
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

    /// <summary>A line that is only a section number: "七", "VII", "7".</summary>
    internal static bool IsStandaloneNumeral(ReadOnlySpan<char> text)
    {
        if (text.Length is 0 or > 6)
        {
            return false;
        }

        var body = text[^1] == '.' ? text[..^1] : text;
        return body.Length > 0 && (!body.ContainsAnyExcept(ChineseNumerals)
            || (!body.ContainsAnyExcept(RomanNumerals) && body.Length <= 5)
            || (!body.ContainsAnyExceptInRange('0', '9') && body.Length <= 3));
    }

    private static readonly SearchValues<char> ChineseNumerals = SearchValues.Create("一二三四五六七八九十〇零两百");
    private static readonly SearchValues<char> RomanNumerals = SearchValues.Create("IVXLC");

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

    private static readonly SearchValues<char> LowerAlphaNumeric = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");

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

    // （下转第四版） and （上接第二版） with half-width brackets, digits or spaces; 转/续 point forward, 接 back.
    [GeneratedRegex(@"[（(]\s*(?:下转|上接|紧接|转|接|续)\s*第?\s*[0-9０-９一二三四五六七八九十〇零两A-Za-z]{1,4}\s*版\s*[）)]")]
    private static partial Regex ContinuationMarker();

    [GeneratedRegex(@"^[〇零○一二三四五六七八九0-9０-９]{4}\s*年\s*[〇零一二三四五六七八九十0-9０-９]{1,2}\s*月\s*[〇零一二三四五六七八九十0-9０-９]{1,3}\s*日(?:[于在].{1,15})?$")]
    private static partial Regex Dateline();
}
