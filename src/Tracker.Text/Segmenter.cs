using System.Buffers;

namespace Tracker.Text;

/// <summary>
/// Splits a normalized body (one paragraph per line) into sections and sentences, in code points. Sentences
/// never cross a paragraph break, and together they cover every character that is not white space.
/// </summary>
public static class Segmenter
{
    public static Segmentation Segment(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = body.AsSpan();
        var paragraphs = new List<(int Start, int End)>(text.Count('\n') + 1);
        var sentences = new List<(int Start, int End)>((body.Length / 128) + 4);

        // Pooled: the breaker clears the marks of each paragraph before it uses them.
        var brackets = ArrayPool<sbyte>.Shared.Rent(Math.Max(body.Length, 1));

        int position = 0;
        while (position < text.Length)
        {
            int length = text[position..].IndexOfAny('\n', '\r');
            int end = length < 0 ? text.Length : position + length;
            var (start, stop) = Trim(text, position, end);
            if (stop > start)
            {
                paragraphs.Add((start, stop));
                SentenceBreaker.Split(text[start..stop], start, brackets.AsSpan(start, stop - start), sentences);
            }

            position = end + 1;
        }

        ArrayPool<sbyte>.Shared.Return(brackets);

        var index = new CodePointIndex(body);
        var sections = SectionFinder.Find(text, paragraphs, index);
        return new Segmentation(sections, ToCodePoints(paragraphs, index), ToCodePoints(sentences, index));
    }

    private static (int Start, int End) Trim(ReadOnlySpan<char> text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    private static TextSpan[] ToCodePoints(List<(int Start, int End)> ranges, CodePointIndex index)
    {
        var spans = new TextSpan[ranges.Count];
        for (int i = 0; i < spans.Length; i++)
        {
            spans[i] = index.ToCodePoints(ranges[i].Start, ranges[i].End);
        }

        return spans;
    }
}
