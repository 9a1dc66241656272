using System.Buffers;
using System.Collections.Frozen;

namespace Tracker.Text;

/// <summary>
/// Splits one paragraph into sentences at 。！？； and . ! ?, keeping closing quotes and brackets with the
/// sentence they close. Works in UTF-16 indexes; the segmenter converts to code points.
/// </summary>
internal static class SentenceBreaker
{
    private const sbyte Opener = 1;
    private const sbyte Closer = 2;
    private const int MaxNesting = 8;

    // Abbreviations that never end a sentence before a capital: titles, months, references, Latin shorthands.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Abbreviations = FrozenSet.ToFrozenSet(
    [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "No", "Nos", "Nr", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
        "Sep", "Sept", "Oct", "Nov", "Dec", "Art", "Arts", "Sec", "Secs", "Para", "Paras", "para", "paras", "Vol", "vol",
        "Ch", "ch", "Fig", "fig", "pp", "p", "cf", "vs", "approx", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm",
        "Gov", "Sen", "Rep", "Hon", "Amb", "Rev", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "Dept", "Messrs", "Mme",
        "Mlle", "al", "e.g", "i.e", "viz", "г-н", "г-жа", "им", "ул", "проф", "акад", "стр", "ст", "см",
        "гл", "пп", "тыс", "млн", "млрд", "трлн", "руб", "долл",
    ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    // Words that start sentences; after "U.S." or an initial only these mean a new sentence ("U.S. The ...").
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SentenceStarters = FrozenSet.ToFrozenSet(
    [
        "The", "This", "That", "These", "Those", "We", "They", "It", "He", "She", "I", "In", "On", "At", "As", "But",
        "And", "Our", "Its", "Their", "There", "Both", "Today", "However", "Moreover", "A", "An", "All", "Such",
        "Мы", "Это", "Эти", "Но", "И", "Однако", "Они", "Он", "Она", "На", "По", "Так", "Как", "Все", "Россия",
    ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    // Everything the two scans below act on (the ASCII apostrophe never pairs); every other character is skipped in
    // vectorised strides.
    private static readonly SearchValues<char> Brackets = SearchValues.Create("\"“‘（(《〈【「『«[〔［｛{〖”’）)》〉】」』»]〕］｝}〗");
    private static readonly SearchValues<char> BracketsAndTerminators = SearchValues.Create("\"“‘（(《〈【「『«[〔［｛{〖”’）)》〉】」』»]〕］｝}〗。！？；.!?｡…");

    /// <summary>Appends the sentences of <paramref name="text"/> (one paragraph) as UTF-16 ranges shifted by <paramref name="offset"/>.</summary>
    public static void Split(ReadOnlySpan<char> text, int offset, Span<sbyte> brackets, List<(int Start, int End)> sentences)
    {
        MatchBrackets(text, brackets);
        int start = SkipSpaces(text, 0);
        int depth = 0;
        for (int k = start; k < text.Length; k++)
        {
            // Only a bracket (marked or not) or a terminator changes anything.
            int skip = text[k..].IndexOfAny(BracketsAndTerminators);
            if (skip < 0)
            {
                break;
            }

            k += skip;
            if (brackets[k] == Opener)
            {
                depth++;
                continue;
            }

            if (brackets[k] == Closer)
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            if (!IsTerminatorOrEllipsis(text[k]))
            {
                continue;
            }

            int end = k + 1;
            bool strong = text[k] is not ('.' or '…');
            while (end < text.Length && IsTerminatorOrEllipsis(text[end]))
            {
                strong |= text[end] is not ('.' or '…');
                end++;
            }

            bool singleDot = end == k + 1 && text[k] == '.';
            while (end < text.Length && brackets[end] == Closer)
            {
                depth = Math.Max(0, depth - 1);
                end++;
            }

            // Quotes that close no opener (a stray " or ’) still belong to the sentence they follow.
            while (end < text.Length && brackets[end] == 0 && text[end] is '"' or '”' or '’' or '»')
            {
                end++;
            }

            bool breaks = depth == 0 && (strong || singleDot) && EndsSentence(text, k, end, singleDot, start);
            if (breaks)
            {
                sentences.Add((offset + start, offset + TrimEnd(text, end)));
                start = SkipSpaces(text, end);
            }

            k = end - 1;
        }

        if (start < text.Length)
        {
            sentences.Add((offset + start, offset + TrimEnd(text, text.Length)));
        }
    }

    private static bool EndsSentence(ReadOnlySpan<char> text, int terminator, int end, bool singleDot, int sentenceStart)
    {
        if (end >= text.Length)
        {
            return true;
        }

        char after = text[end];
        if (CharClass.IsCjk(text[terminator]))
        {
            // "…。”，" or "…。”、": the quoted sentence is part of a longer one.
            return after is not ('，' or '、' or ',' or '：');
        }

        if (!char.IsWhiteSpace(after))
        {
            // 2.5, U.S.A., С.В.Лаврова, www.un.org: a dot inside a token ends nothing. Chinese may follow a
            // Latin sentence without a space, but "U.S.对华政策" goes on.
            return CharClass.IsCjk(after) && (!singleDot || DotEndsSentence(text, terminator, end, sentenceStart));
        }

        int next = SkipSpaces(text, end);
        if (next >= text.Length)
        {
            return true;
        }

        if (char.IsLower(text[next]))
        {
            return false;
        }

        return !singleDot || DotEndsSentence(text, terminator, next, sentenceStart);
    }

    private static bool DotEndsSentence(ReadOnlySpan<char> text, int dot, int next, int sentenceStart)
    {
        int wordStart = dot;
        while (wordStart > 0 && IsWordChar(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        if (word.IsEmpty)
        {
            return true;
        }

        if (Abbreviations.Contains(word))
        {
            return false;
        }

        // Initials and dotted acronyms (R., C.B., U.S.) and the Russian year (1970 г.): a new sentence only if a
        // sentence starter follows ("в 2024 г. Мы" ends one, "в 1970 г. Генеральная Ассамблея" does not).
        bool year = word is "г" or "гг" && wordStart >= 2 && char.IsAsciiDigit(text[wordStart - 2]);
        if (year || IsInitials(word))
        {
            return StartsWithStarter(text[next..]);
        }

        // "1. The ..." and "Section 1. Purpose" at the start of a paragraph number it, they do not end a sentence.
        if (!word.ContainsAnyExceptInRange('0', '9') || IsRoman(word))
        {
            var before = text[sentenceStart..wordStart].Trim();
            return !(before.IsEmpty || before is "Section" or "Sec." or "Article" or "Art.");
        }

        return true;
    }

    private static bool IsWordChar(char c) => (char.IsLetterOrDigit(c) && !CharClass.IsCjk(c)) || c is '.' or '-';

    private static bool IsInitials(ReadOnlySpan<char> word)
    {
        // Letters separated by dots, each group one capital: R, C.B, U.S, S.V
        for (int i = 0; i < word.Length; i++)
        {
            bool letter = i % 2 == 0;
            if (letter ? !char.IsUpper(word[i]) : word[i] != '.')
            {
                return false;
            }
        }

        return word.Length % 2 == 1;
    }

    private static bool IsRoman(ReadOnlySpan<char> word) => word.Length <= 5 && !word.ContainsAnyExcept("IVXLC");

    private static bool StartsWithStarter(ReadOnlySpan<char> rest)
    {
        int length = 0;
        while (length < rest.Length && char.IsLetter(rest[length]))
        {
            length++;
        }

        return SentenceStarters.Contains(rest[..length]);
    }

    /// <summary>
    /// Marks the quotes and brackets that have a partner in the paragraph. Unpaired ones (an apostrophe ’, a
    /// stray bracket, a quote that opens and never closes) are left unmarked so they cannot hide sentence ends.
    /// </summary>
    private static void MatchBrackets(ReadOnlySpan<char> text, Span<sbyte> marks)
    {
        marks[..text.Length].Clear();
        Span<(int Position, char Closer)> stack = stackalloc (int, char)[MaxNesting];
        int top = 0;
        for (int k = 0; k < text.Length; k++)
        {
            int skip = text[k..].IndexOfAny(Brackets);
            if (skip < 0)
            {
                break;
            }

            k += skip;
            char c = text[k];
            if (c == '"' && top > 0 && stack[top - 1].Closer == '"')
            {
                marks[stack[--top].Position] = Opener;
                marks[k] = Closer;
            }
            else if (c == '"' || CharClass.IsOpener(c))
            {
                if (top == MaxNesting)
                {
                    stack[..^1].CopyTo(stack[1..]);
                    top--;
                }

                stack[top++] = (k, CharClass.CloserOf(c));
            }
            else if (CharClass.IsCloser(c) && c != '\'')
            {
                for (int s = top - 1; s >= 0; s--)
                {
                    if (stack[s].Closer == c)
                    {
                        marks[stack[s].Position] = Opener;
                        marks[k] = Closer;
                        top = s;
                        break;
                    }
                }
            }
        }
    }

    private static bool IsTerminatorOrEllipsis(char c) => CharClass.IsSentenceTerminator(c) || c == '…';

    private static int SkipSpaces(ReadOnlySpan<char> text, int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }

    private static int TrimEnd(ReadOnlySpan<char> text, int end)
    {
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
