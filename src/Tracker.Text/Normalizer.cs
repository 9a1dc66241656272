using System.Buffers;

namespace Tracker.Text;

/// <summary>
/// Turns raw text as published into the body that claims anchor to: wrapped lines joined (no space between
/// CJK characters, one between Latin words), one '\n' between paragraphs, continuation markers removed,
/// letter-spaced headings closed, white space unified. Wording and punctuation are left alone, and
/// normalizing a normalized text changes nothing.
/// </summary>
public static class Normalizer
{
    private const int MaxPasses = 8;

    public static NormalizedText Normalize(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return Normalize(raw.AsSpan(), 0);
    }

    /// <summary>Normalizes the part of <paramref name="raw"/> in <paramref name="span"/>; offsets stay relative to all of raw.</summary>
    public static NormalizedText Normalize(string raw, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var index = new CodePointIndex(raw);
        return Normalize(raw.AsSpan()[index.ToUtf16Range(span)], span.Start);
    }

    private static NormalizedText Normalize(ReadOnlySpan<char> raw, int rawStart)
    {
        var result = NormalizeOnce(raw, rawStart, out bool looksWrapped);

        // Output that would itself pass for hard-wrapped text is normalized again until it does not change.
        // Passes only ever join lines, so this ends; real text never needs a second pass.
        for (int pass = 0; looksWrapped && pass < MaxPasses; pass++)
        {
            var again = NormalizeOnce(result.Body, 0, out looksWrapped);
            if (again.Body == result.Body)
            {
                break;
            }

            result = again.ComposeWith(result);
        }

        return result;
    }

    private static NormalizedText NormalizeOnce(ReadOnlySpan<char> raw, int rawStart, out bool looksWrapped)
    {
        using var source = LineReader.Read(raw, rawStart);
        var paragraphs = LayoutAnalyzer.Paragraphs(source);
        return Write(source, paragraphs, rawStart, out looksWrapped);
    }

    /// <summary>
    /// Writes the paragraphs one per line. Also tells whether the result would pass for hard-wrapped text,
    /// measuring each written line exactly as reading it back would.
    /// </summary>
    internal static NormalizedText Write(SourceText source, List<LineRange> paragraphs, int rawStart, out bool looksWrapped)
    {
        var lines = source.Lines;

        // The body is never longer than the cleaned lines plus one separator per line break.
        int capacity = lines.Count + 1;
        foreach (var line in lines)
        {
            capacity += line.Length;
        }

        var body = ArrayPool<char>.Shared.Rent(capacity);
        var map = ArrayPool<int>.Shared.Rent(capacity);
        var widths = new int[paragraphs.Count];
        var final = new bool[paragraphs.Count];
        try
        {
            int length = 0, count = 0;
            for (int p = 0; p < paragraphs.Count; p++)
            {
                var paragraph = paragraphs[p];
                if (length > 0)
                {
                    body[length++] = '\n';
                    map[count++] = lines[paragraph.First - 1].RawBreak;
                }

                int paragraphStart = length;
                for (int i = paragraph.First; i <= paragraph.Last; i++)
                {
                    var text = source.TextOf(lines[i]);
                    widths[p] += lines[i].Width;
                    if (i > paragraph.First && NeedsSpace(source.TextOf(lines[i - 1]), text))
                    {
                        body[length++] = ' ';
                        map[count++] = lines[i - 1].RawBreak;
                        widths[p]++;
                    }

                    text.CopyTo(body.AsSpan(length));
                    length += text.Length;
                    var offsets = source.RawOffsets.AsSpan(lines[i].Start, text.Length);
                    if (!text.ContainsAnyInRange('\uD800', '\uDFFF'))
                    {
                        offsets.CopyTo(map.AsSpan(count));
                        count += text.Length;
                        continue;
                    }

                    for (int k = 0; k < text.Length; k++)
                    {
                        // Both halves of a surrogate pair carry the same raw offset; record it once.
                        if (!char.IsLowSurrogate(text[k]) || k == 0 || !char.IsHighSurrogate(text[k - 1]))
                        {
                            map[count++] = offsets[k];
                        }
                    }
                }

                final[p] = LineFeatures.EndsParagraphFinal(body.AsSpan(paragraphStart, length - paragraphStart));
            }

            map[count] = lines.Count > 0 ? lines[^1].RawEnd : rawStart;
            looksWrapped = LayoutAnalyzer.LooksHardWrapped(widths, final);
            return new NormalizedText(new string(body, 0, length), map.AsSpan(0, count + 1).ToArray(), count);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(body);
            ArrayPool<int>.Shared.Return(map);
        }
    }

    /// <summary>
    /// Whether joining two wrapped lines takes a space: not when CJK meets the join on either side (looking
    /// past quotes and dashes to the nearest letter), nor after a hyphen or slash. Line-end hyphens are kept:
    /// in the sources they mark compounds (low-carbon, self-serving), and dropping one would change the wording.
    /// </summary>
    internal static bool NeedsSpace(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        char last = left[^1];
        if (last is '-' or '‐' or '/' && left.Length > 1 && char.IsLetterOrDigit(left[^2]) && char.IsLetterOrDigit(right[0]))
        {
            return false;
        }

        return !CharClass.IsCjk(NearestSignificant(left, fromEnd: true)) && !CharClass.IsCjk(NearestSignificant(right, fromEnd: false));
    }

    private static int NearestSignificant(ReadOnlySpan<char> text, bool fromEnd)
    {
        const int lookAround = 4;
        int first = fromEnd ? CharClass.CodePointBefore(text, text.Length) : CharClass.CodePointAt(text, 0);
        for (int step = 0; step < Math.Min(lookAround, text.Length); step++)
        {
            char c = fromEnd ? text[text.Length - 1 - step] : text[step];
            if (!CharClass.IsNeutralPunctuation(c))
            {
                return step == 0 ? first : c;
            }
        }

        return first;
    }
}
