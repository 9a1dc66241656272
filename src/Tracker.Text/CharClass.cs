namespace Tracker.Text;

/// <summary>Character classes the pipeline needs, as range checks (no Unicode tables, no allocation).</summary>
internal static class CharClass
{
    /// <summary>Han ideographs, kana and bopomofo: scripts written without spaces between words.</summary>
    public static bool IsIdeograph(int c) =>
        c is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x3040 and <= 0x30FF)
            or (>= 0x3100 and <= 0x312F) or (>= 0x31A0 and <= 0x31FF) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x20000 and <= 0x3FFFF) or 0x3007;

    /// <summary>A Chinese character of the basic plane: the unified ideographs and extension A.</summary>
    public static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');

    /// <summary>Whether the text holds a Chinese character (<see cref="IsHan"/>), searched vectorised.</summary>
    public static bool HasHan(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('\u4E00', '\u9FFF') >= 0 || text.IndexOfAnyInRange('\u3400', '\u4DBF') >= 0;

    /// <summary>Full-width punctuation: CJK symbols, full-width forms that are not letters or digits.</summary>
    public static bool IsCjkPunctuation(int c) =>
        c is (>= 0x3000 and <= 0x303F and not 0x3007) or (>= 0xFE10 and <= 0xFE1F) or (>= 0xFE30 and <= 0xFE4F)
            or (>= 0xFF01 and <= 0xFF0F) or (>= 0xFF1A and <= 0xFF20) or (>= 0xFF3B and <= 0xFF40)
            or (>= 0xFF5B and <= 0xFF65) or (>= 0xFFE0 and <= 0xFFE6);

    /// <summary>Text that takes no space when lines are joined: ideographs and full-width forms.</summary>
    public static bool IsCjk(int c) => IsIdeograph(c) || IsCjkPunctuation(c) || c is >= 0xFF10 and <= 0xFF5A;

    /// <summary>
    /// Punctuation whose width and spacing depend on the script around it (quotes, dashes, ellipsis, dots), so
    /// spacing decisions look past it to the nearest letter.
    /// </summary>
    public static bool IsNeutralPunctuation(int c) =>
        c is '"' or '\'' or '“' or '”' or '‘' or '’' or '—' or '–' or '…' or '·' or '•' or '(' or ')' or '[' or ']'
            or '«' or '»' or '/';

    /// <summary>Display width in half-width units: 2 for CJK and Hangul, 1 otherwise.</summary>
    public static int Width(int c) => c >= 0x1100 && (IsCjk(c) || c is (>= 0xAC00 and <= 0xD7A3) or (>= 0x1100 and <= 0x115F)) ? 2 : 1;

    public static bool IsChineseNumeral(char c) =>
        c is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十' or '〇' or '零' or '两' or '百';

    public static bool IsSpace(char c) =>
        c is ' ' or '\t' or '\u00A0' or '\u3000' or '\u1680' or '\u202F' or '\u205F' or (>= '\u2000' and <= '\u200A');

    /// <summary>Invisible characters that carry no text: byte-order mark, zero-width space, soft hyphen, word joiner.</summary>
    public static bool IsInvisible(char c) => c is '\uFEFF' or '\u200B' or '\u00AD' or '\u2060';

    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' or '\f' or '\v';

    /// <summary>Sentence terminators of the codebook: 。！？； and . ! ?</summary>
    public static bool IsSentenceTerminator(char c) => c is '。' or '！' or '？' or '；' or '.' or '!' or '?' or '｡';

    /// <summary>What can end a paragraph in hard-wrapped text: sentence terminators plus colon and ellipsis.</summary>
    public static bool IsParagraphFinal(char c) => IsSentenceTerminator(c) || c is '：' or ':' or '…' or ';';

    public static bool IsOpener(char c) =>
        c is '“' or '‘' or '（' or '(' or '《' or '〈' or '【' or '「' or '『' or '«' or '[' or '〔' or '［' or '｛' or '{' or '〖';

    public static bool IsCloser(char c) =>
        c is '”' or '’' or '）' or ')' or '》' or '〉' or '】' or '」' or '』' or '»' or ']' or '〕' or '］' or '｝' or '}' or '〗'
            or '"' or '\'';

    public static char CloserOf(char opener) => opener switch
    {
        '“' => '”',
        '‘' => '’',
        '（' => '）',
        '(' => ')',
        '《' => '》',
        '〈' => '〉',
        '【' => '】',
        '「' => '」',
        '『' => '』',
        '«' => '»',
        '[' => ']',
        '〔' => '〕',
        '［' => '］',
        '｛' => '｝',
        '{' => '}',
        '〖' => '〗',
        _ => opener,
    };

    /// <summary>The code point at <paramref name="index"/>, joining a surrogate pair.</summary>
    public static int CodePointAt(ReadOnlySpan<char> text, int index)
    {
        char c = text[index];
        return char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? char.ConvertToUtf32(c, text[index + 1])
            : c;
    }

    /// <summary>The code point that ends just before <paramref name="end"/>, joining a surrogate pair.</summary>
    public static int CodePointBefore(ReadOnlySpan<char> text, int end)
    {
        char c = text[end - 1];
        return char.IsLowSurrogate(c) && end >= 2 && char.IsHighSurrogate(text[end - 2])
            ? char.ConvertToUtf32(text[end - 2], c)
            : c;
    }
}
