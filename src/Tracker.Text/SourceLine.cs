namespace Tracker.Text;

[Flags]
internal enum LineFlags
{
    None = 0,
    EndsParagraphFinal = 1 << 0,
    HasClausePunctuation = 1 << 1,
    LetterSpaced = 1 << 2,
    ContinuesLater = 1 << 3,
    ContinuedFrom = 1 << 4,
    SectionStart = 1 << 5,
    StandaloneNumeral = 1 << 6,
    ListItem = 1 << 7,
    Signature = 1 << 8,
    Dateline = 1 << 9,
    Credit = 1 << 10,
    TitleWord = 1 << 11,
}

/// <summary>
/// One non-empty line of the raw text after in-line cleaning, with what layout analysis needs to know about it.
/// Its characters live in the shared buffer of <see cref="SourceText"/>.
/// </summary>
internal sealed class SourceLine
{
    public int Start { get; set; }

    public int Length { get; set; }

    public int End => Start + Length;

    /// <summary>Raw code point where the line's content begins (a leading continuation marker included).</summary>
    public int RawStart { get; set; }

    /// <summary>Raw code point just after the line's content (a trailing continuation marker included).</summary>
    public int RawEnd { get; set; }

    /// <summary>Raw code point of the line break that ends the line; joins and paragraph breaks map to it.</summary>
    public int RawBreak { get; set; }

    public char FirstChar { get; set; }

    public char LastChar { get; set; }

    public int BlankLinesBefore { get; set; }

    public int Indent { get; set; }

    public int Width { get; set; }

    public int FirstWordWidth { get; set; }

    public int WideChars { get; set; }

    public LineFlags Flags { get; set; }

    /// <summary>Lines of one heading share a group number; -1 outside headings.</summary>
    public int HeadingGroup { get; set; } = -1;

    public bool Has(LineFlags flag) => (Flags & flag) != 0;

    public bool IsHeading => HeadingGroup >= 0;

    public bool EndsFinal => Has(LineFlags.EndsParagraphFinal);

    /// <summary>Lines that are paragraphs of their own whatever the layout: numerals, signatures, datelines.</summary>
    public bool StandsAlone => Has(LineFlags.StandaloneNumeral | LineFlags.Signature | LineFlags.Dateline | LineFlags.Credit);

    public bool IsMostlyWide => WideChars * 2 > Length;
}

/// <summary>The cleaned lines of a raw text and the pooled buffers holding their characters; dispose to return them.</summary>
internal sealed class SourceText(char[] buffer, int[] rawOffsets, List<SourceLine> lines) : IDisposable
{
    public char[] Buffer { get; } = buffer;

    /// <summary>Raw code-point offset of each UTF-16 unit in <see cref="Buffer"/>.</summary>
    public int[] RawOffsets { get; } = rawOffsets;

    public List<SourceLine> Lines { get; } = lines;

    public ReadOnlySpan<char> TextOf(SourceLine line) => Buffer.AsSpan(line.Start, line.Length);

    public void Dispose()
    {
        System.Buffers.ArrayPool<char>.Shared.Return(Buffer);
        System.Buffers.ArrayPool<int>.Shared.Return(RawOffsets);
    }
}
