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

    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r\u2028\u2029\u0085\f\v");

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

        return new SourceText(buffer, offsets, lines);
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
        int end = w;
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
        LineFeatures.Describe(line, buffer.AsSpan(start, end - start));
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

        // Only CJK (U+3000 and up, surrogates included) closes a space or makes a line letter-spaced: a line without
        // any, such as all Latin and Cyrillic text, stays as it is.
        if (first < 0 || !text.ContainsAnyInRange('\u3000', '\uFFFF'))
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

    // （下转第四版） and （上接第二版） with half-width brackets, digits or spaces; 转/续 point forward, 接 back.
    [GeneratedRegex(@"[（(]\s*(?:下转|上接|紧接|转|接|续)\s*第?\s*[0-9０-９一二三四五六七八九十〇零两A-Za-z]{1,4}\s*版\s*[）)]")]
    private static partial Regex ContinuationMarker();
}
