using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Tracker.Web.Features.Documents;

/// <summary>What an upload or a paste turned into: the text, or why there is none.</summary>
public sealed record ImportedText(string? Text, string? Error)
{
    public static ImportedText Ok(string text) => new(text, null);

    public static ImportedText Refused(string error) => new(null, error);
}

/// <summary>
/// Turns a pasted text or an uploaded .txt, .md, .html or .docx into plain text with a blank line between
/// paragraphs, which is what the normalizer and the splitter read. Line breaks become '\n' so that offsets
/// computed on the preview still hold when the browser posts the text back.
/// </summary>
public static partial class ImportText
{
    public static IReadOnlyList<string> Extensions { get; } = [".txt", ".md", ".html", ".htm", ".docx"];

    public static ImportedText FromPaste(string? text, int maxLength) => Check(text ?? "", maxLength);

    public static async Task<ImportedText> FromFileAsync(string fileName, long length, Stream content, int maxLength, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            return ImportedText.Refused($"'{fileName}' is not a file Tracker reads: upload {string.Join(", ", Extensions.Where(e => e != ".htm"))}.");
        }

        if (length > MaxFileBytes(maxLength))
        {
            return ImportedText.Refused($"The file has {length:N0} bytes; the limit is {MaxFileBytes(maxLength):N0}.");
        }

        // Read into memory once: the size is bounded above, and the Open XML SDK needs a seekable stream.
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        try
        {
            var text = extension switch
            {
                ".docx" => FromDocx(buffer, maxLength),
                ".html" or ".htm" => FromHtml(Decode(buffer)),
                ".md" => FromMarkdown(Decode(buffer)),
                _ => Decode(buffer),
            };
            return Check(text, maxLength);
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or IOException or FormatException or System.Xml.XmlException)
        {
            return ImportedText.Refused($"'{fileName}' could not be read as a Word document: {exception.Message}");
        }
    }

    /// <summary>The largest upload: a character takes at most four bytes of UTF-8, and a .docx is zipped.</summary>
    public static long MaxFileBytes(int maxLength) => 4L * maxLength;

    public static string FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var hidden in document.QuerySelectorAll("script, style, noscript, template, head").ToList())
        {
            hidden.Remove();
        }

        var text = new StringBuilder();
        Walk(document.Body ?? (INode)document.DocumentElement, text);
        return text.ToString();
    }

    /// <summary>
    /// Markdown loses only its markup: heading hashes, emphasis, list bullets, link targets. Paragraphs stay
    /// as they are, so the normalizer joins wrapped lines exactly as it does in plain text.
    /// </summary>
    public static string FromMarkdown(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var text = new StringBuilder(markdown.Length);
        foreach (var line in lines)
        {
            var plain = HeadingMarks().Replace(line, "");
            plain = Bullet().Replace(plain, "");
            plain = Image().Replace(plain, "$1");
            plain = Link().Replace(plain, "$1");
            plain = Emphasis().Replace(plain, "$2");
            plain = InlineCode().Replace(plain, "$1");
            text.Append(plain).Append('\n');
        }

        return text.ToString();
    }

    public static string FromDocx(Stream stream, int maxLength)
    {
        using var word = WordprocessingDocument.Open(stream, isEditable: false);
        var body = word.MainDocumentPart?.Document?.Body;
        var text = new StringBuilder();
        if (body is null)
        {
            return "";
        }

        foreach (var paragraph in body.Descendants<W.Paragraph>())
        {
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case W.Text t:
                        text.Append(t.Text);
                        break;
                    case W.TabChar:
                        text.Append('\t');
                        break;
                    case W.Break:
                        text.Append('\n');
                        break;
                }
            }

            text.Append("\n\n");

            // A zip can unpack to far more than it weighs; stop once the text is over the limit anyway.
            if (text.Length > maxLength + 1)
            {
                break;
            }
        }

        return text.ToString();
    }

    private static ImportedText Check(string text, int maxLength)
    {
        text = text.ReplaceLineEndings("\n");
        if (string.IsNullOrWhiteSpace(text))
        {
            return ImportedText.Refused("The text is empty: paste it or choose a file.");
        }

        return text.Length > maxLength
            ? ImportedText.Refused($"The text has {text.Length:N0} characters; the limit is {maxLength:N0}.")
            : ImportedText.Ok(text);
    }

    private static string Decode(MemoryStream buffer)
    {
        // StreamReader honours a byte order mark (UTF-16 exports from Word) and otherwise reads UTF-8.
        using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return reader.ReadToEnd();
    }

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre",
        "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "figure",
        "figcaption", "address", "hr", "form", "fieldset",
    };

    private static void Walk(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    // HTML collapses white space; line breaks in the source are not line breaks on the page.
                    text.Append(Space().Replace(t.Data, " "));
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement { LocalName: "td" or "th" } cell:
                    Walk(cell, text);
                    text.Append('\t');
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    text.Append("\n\n");
                    Walk(element, text);
                    text.Append("\n\n");
                    break;
                case IElement element:
                    Walk(element, text);
                    break;
            }
        }
    }

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+|\s+#+\s*$")]
    private static partial Regex HeadingMarks();

    [GeneratedRegex(@"^\s{0,3}(?:[-*+]|\d+[.)])\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
