using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Tracker.Data.Documents;
using Tracker.Domain;
using Tracker.Text;

namespace Tracker.Web.Features.Documents;

/// <summary>
/// One document of an import as the curator sets it: where it starts on the page (a paragraph of the
/// normalized text), how many of its first paragraphs are its heading, and its metadata.
/// </summary>
public sealed class ImportDocumentInput
{
    public int Start { get; set; }
    public int Heading { get; set; }
    public string? Title { get; set; }
    public string? IssuedOn { get; set; }
    public string? Kind { get; set; }
    public string? Language { get; set; }
    public string? Place { get; set; }
    public string? SourceUrl { get; set; }
    public List<string?> Signatories { get; set; } = [];
    public int? TranslationOf { get; set; }

    /// <summary>The "translation of" field as typed or picked (a title part, a date, or a label ending in "(#id)"); resolved to <see cref="TranslationOf"/>.</summary>
    public string? TranslationOfText { get; set; }

    public List<string> Names() => Signatories.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).ToList();

    public CreateDocumentRequest ToRequest(string text) => new(
        Title, IssuedOn, Language, Kind, Names(), Blank(SourceUrl), Blank(Place), null, TranslationOf, text);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A paragraph of the normalized page and the raw code point it starts at.</summary>
public sealed record ImportParagraph(int Index, int RawStart, string Text);

/// <summary>
/// One document cut from the page: its paragraphs, the raw text it will be stored with, the body that text
/// normalizes to on its own (what the reader will show) and that body's hash.
/// </summary>
public sealed record ImportPart(int Index, ImportDocumentInput Input, int End, string Text, string Body, string Hash)
{
    public int BodyStart => Input.Start + Input.Heading;
}

/// <summary>
/// The page being imported: the raw text, its paragraphs after normalization and the documents proposed on
/// it. Documents are runs of paragraphs, so moving a boundary means choosing another paragraph; each
/// document's text is the raw text from its first body paragraph to the next document, which is exactly
/// what the seed loader and the API store for a part the splitter found, so the same page hashes the same.
/// </summary>
public sealed partial class ImportDraft
{
    private readonly CodePointIndex _index;

    private ImportDraft(string raw)
    {
        Raw = raw;
        _index = new CodePointIndex(raw);
        Header = CorpusHeader.Parse(raw);
        var normalized = Normalizer.Normalize(raw, new TextSpan(Header.BodyStart, _index.Length));
        var paragraphs = new List<ImportParagraph>();
        int codePoint = 0, start = 0;
        var body = normalized.Body;
        for (int i = 0; i <= body.Length; i++)
        {
            if (i == body.Length || body[i] == '\n')
            {
                var text = body[start..i];
                if (text.Trim().Length > 0)
                {
                    var first = codePoint - CodePointIndex.CountCodePoints(text);
                    paragraphs.Add(new ImportParagraph(paragraphs.Count, normalized.ToRaw(first), text));
                }

                start = i + 1;
            }

            if (i < body.Length && !char.IsLowSurrogate(body[i]))
            {
                codePoint++;
            }
        }

        Body = body;
        Paragraphs = paragraphs;
    }

    public string Raw { get; }
    public CorpusHeader Header { get; }

    /// <summary>The normalized text of the whole page.</summary>
    public string Body { get; }

    public IReadOnlyList<ImportParagraph> Paragraphs { get; }

    public static ImportDraft Read(string raw) => new(raw.ReplaceLineEndings("\n"));

    /// <summary>The documents the splitter proposes, with what can be told from the text already filled in.</summary>
    public List<ImportDocumentInput> Propose()
    {
        var proposals = SplitDocument.Handle(new SplitRequest(Raw)).Documents;
        var inputs = new List<ImportDocumentInput>();
        foreach (var proposal in proposals)
        {
            var start = FirstParagraphAt(proposal.Start);
            var body = FirstParagraphAt(proposal.BodyStart);
            if (start < 0 || body < 0 || inputs.Any(i => i.Start == start))
            {
                continue;
            }

            inputs.Add(new ImportDocumentInput { Start = start, Heading = Math.Max(0, body - start), Title = proposal.Title });
        }

        if (inputs.Count == 0 && Paragraphs.Count > 0)
        {
            inputs.Add(new ImportDocumentInput());
        }

        if (inputs.Count == 1)
        {
            // A corpus file names its one document in its header.
            inputs[0].Title ??= Header["title"];
            inputs[0].SourceUrl ??= Header["url"] ?? Header["source"];
        }

        var parts = Cut(inputs, out _);
        foreach (var part in parts)
        {
            var language = DetectLanguage(part.Text);
            part.Input.Language ??= language;
            part.Input.Kind ??= DetectKind(part.Input.Title) ?? "other";
            part.Input.IssuedOn ??= DetectDate(parts.Count == 1 ? Header["date"] : null, part.Text, language);
        }

        return inputs;
    }

    /// <summary>
    /// Cuts the page at the documents' starts, in page order; <paramref name="errors"/> names the field of
    /// each boundary that cannot be used (keyed by the input's position).
    /// </summary>
    public List<ImportPart> Cut(IReadOnlyList<ImportDocumentInput> inputs, out List<(int Index, string Field, string Message)> errors)
    {
        errors = [];
        var parts = new List<ImportPart>();
        for (int i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var end = i + 1 < inputs.Count ? inputs[i + 1].Start : Paragraphs.Count;
            if (input.Start < 0 || input.Start >= Paragraphs.Count)
            {
                errors.Add((i, nameof(input.Start), $"Choose a paragraph between 1 and {Paragraphs.Count}."));
                continue;
            }

            if (i > 0 && input.Start <= inputs[i - 1].Start)
            {
                errors.Add((i, nameof(input.Start), $"Document {i + 1} must start after document {i} (paragraph {inputs[i - 1].Start + 1})."));
                continue;
            }

            if (input.Heading < 0 || input.Start + input.Heading >= Math.Min(end, Paragraphs.Count))
            {
                errors.Add((i, nameof(input.Heading), "Nothing is left of the document after its heading; take fewer heading paragraphs or move the next boundary."));
                continue;
            }

            var from = Paragraphs[input.Start + input.Heading].RawStart;
            var to = end < Paragraphs.Count ? Paragraphs[end].RawStart : _index.Length;
            var text = _index.Slice(new TextSpan(from, Math.Max(from, to)));
            var body = Normalizer.Normalize(text).Body;
            parts.Add(new ImportPart(i, input, end, text, body, DocumentText.Hash(body)));
        }

        return parts;
    }

    /// <summary>
    /// True when a document read on its own normalizes differently from its paragraphs in the page (a short
    /// text may not show its hard wrapping), so the curator should look at the text as it will be stored.
    /// </summary>
    public bool ReadsDifferentlyAlone(ImportPart part) =>
        part.Body != string.Join('\n', Paragraphs.Skip(part.BodyStart).Take(part.End - part.BodyStart).Select(p => p.Text));

    /// <summary>Sorts documents into page order, as the preview shows them.</summary>
    public static List<ImportDocumentInput> InPageOrder(IEnumerable<ImportDocumentInput> inputs) => inputs.OrderBy(i => i.Start).ToList();

    private int FirstParagraphAt(int rawOffset)
    {
        foreach (var paragraph in Paragraphs)
        {
            if (paragraph.RawStart >= rawOffset)
            {
                return paragraph.Index;
            }
        }

        return -1;
    }

    /// <summary>The language by script: Han (simplified unless traditional-only forms outnumber them), Cyrillic, Latin.</summary>
    public static string? DetectLanguage(string text)
    {
        int han = 0, cyrillic = 0, latin = 0, traditional = 0, simplified = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4E00' and <= '\u9FFF')
            {
                han++;
                traditional += TraditionalOnly.Contains(c) ? 1 : 0;
                simplified += SimplifiedOnly.Contains(c) ? 1 : 0;
            }
            else if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        if (han == 0 && cyrillic == 0 && latin == 0)
        {
            return null;
        }

        // A Han character carries about as much as a word of four Latin or Cyrillic letters.
        if (han * 4 >= Math.Max(cyrillic, latin))
        {
            return traditional > simplified ? Languages.ChineseTraditional : Languages.ChineseSimplified;
        }

        return cyrillic > latin ? Languages.Russian : Languages.English;
    }

    public static string? DetectKind(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        (string[] Words, string Code)[] kinds =
        [
            (["联合声明", "聯合聲明", "joint statement", "совместное заявление"], "joint_statement"),
            (["公报", "公報", "communiqué", "communique", "коммюнике"], "communique"),
            (["宣言", "declaration", "декларация"], "declaration"),
            (["executive order", "行政令", "указ"], "executive_order"),
            (["条约", "條約", "treaty", "договор"], "treaty"),
            (["讲话", "講話", "致辞", "speech", "remarks", "address", "general debate", "выступление", "речь"], "speech"),
            (["readout", "通话", "会谈"], "readout"),
            (["press release", "新闻稿", "пресс-релиз"], "press_release"),
        ];
        return kinds.FirstOrDefault(k => k.Words.Any(w => title.Contains(w, StringComparison.OrdinalIgnoreCase))).Code;
    }

    /// <summary>
    /// A date from the header, or the dateline: the last date in a Chinese text (signed … 2025年5月8日于莫斯科),
    /// the first in others (Washington, June 16, 2021).
    /// </summary>
    public static string? DetectDate(string? headerDate, string text, string? language)
    {
        if (headerDate is not null && DateOnly.TryParse(headerDate, CultureInfo.InvariantCulture, DateTimeStyles.None, out var header))
        {
            return header.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var dates = new List<(int Position, DateOnly Date)>();
        foreach (Match m in ChineseDate().Matches(text))
        {
            Add(m.Index, m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
        }

        foreach (Match m in ChineseNumeralDate().Matches(text))
        {
            var year = string.Concat(m.Groups["y"].Value.Replace('零', '〇').Select(c => (char)('0' + ChineseDigits.IndexOf(c, StringComparison.Ordinal))));
            Add(m.Index, year, ChineseNumber(m.Groups["m"].Value), ChineseNumber(m.Groups["d"].Value));
        }

        foreach (Match m in EnglishDate().Matches(text))
        {
            var month = Array.FindIndex(EnglishMonths, n => n.Equals(m.Groups["month"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
            Add(m.Index, m.Groups["y"].Value, month.ToString(CultureInfo.InvariantCulture), m.Groups["d1"].Success ? m.Groups["d1"].Value : m.Groups["d2"].Value);
        }

        foreach (Match m in RussianDate().Matches(text))
        {
            var month = Array.FindIndex(RussianMonths, n => m.Groups["month"].Value.StartsWith(n, StringComparison.OrdinalIgnoreCase)) + 1;
            Add(m.Index, m.Groups["y"].Value, month.ToString(CultureInfo.InvariantCulture), m.Groups["d"].Value);
        }

        if (dates.Count == 0)
        {
            return null;
        }

        dates.Sort((a, b) => a.Position.CompareTo(b.Position));
        var chosen = language is Languages.ChineseSimplified or Languages.ChineseTraditional ? dates[^1] : dates[0];
        return chosen.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        void Add(int position, string y, string mo, string d)
        {
            if (int.TryParse(y, out var year) && int.TryParse(mo, out var month) && int.TryParse(d, out var day)
                && year is > 1900 and < 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                dates.Add((position, new DateOnly(year, month, day)));
            }
        }
    }

    private const string ChineseDigits = "〇一二三四五六七八九";

    /// <summary>一 to 三十一 as written in datelines: 十 alone is ten, 二十八 is twenty-eight.</summary>
    private static string ChineseNumber(string text)
    {
        var ten = text.IndexOf('十', StringComparison.Ordinal);
        var value = ten < 0
            ? ChineseDigits.IndexOf(text[0], StringComparison.Ordinal)
            : (ten == 0 ? 1 : ChineseDigits.IndexOf(text[0], StringComparison.Ordinal)) * 10
                + (ten == text.Length - 1 ? 0 : ChineseDigits.IndexOf(text[^1], StringComparison.Ordinal));
        return value.ToString(CultureInfo.InvariantCulture);
    }

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] RussianMonths =
        ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];

    private static readonly HashSet<char> TraditionalOnly = [.. "國關於與為說會這來對發聯頭們時個後當實點經線應戰維區際義問題開係"];
    private static readonly HashSet<char> SimplifiedOnly = [.. "国关于与为说会这来对发联头们时个后当实点经线应战维区际义问题开系"];

    [GeneratedRegex(@"(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"(?<y>[〇零一二三四五六七八九]{4})年(?<m>十[一二]?|[一二三四五六七八九])月(?<d>[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日")]
    private static partial Regex ChineseNumeralDate();

    [GeneratedRegex(@"(?:(?<d1>\d{1,2})\s+(?<month>January|February|March|April|May|June|July|August|September|October|November|December)|(?<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<d2>\d{1,2}),?)\s+(?<y>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishDate();

    [GeneratedRegex(@"(?<d>\d{1,2})\s+(?<month>январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь])\s+(?<y>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex RussianDate();
}

/// <summary>
/// Signs the raw text of an import so it can travel in the form between the steps. The server keeps no
/// draft (nothing to expire or clean up, and restarts lose nothing); the signature binds the text to the
/// user and a day, so offsets are only ever applied to the very text that was previewed and checked.
/// </summary>
public sealed class ImportSignature(IDataProtectionProvider provider, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Tracker.Documents.Import.v1").ToTimeLimitedDataProtector();

    public string Sign(string raw, string user) =>
        _protector.Protect(Digest(raw, user), clock.GetUtcNow().AddDays(1));

    public bool Verify(string raw, string? signature, string user)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        try
        {
            return CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(_protector.Unprotect(signature, out var expiration)),
                Encoding.ASCII.GetBytes(Digest(raw, user))) && expiration > clock.GetUtcNow();
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string Digest(string raw, string user) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{user}\n{raw}")));
}
