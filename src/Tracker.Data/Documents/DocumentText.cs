using System.Security.Cryptography;
using System.Text;
using Tracker.Domain.Documents;
using Tracker.Text;

namespace Tracker.Data.Documents;

/// <summary>Turns the raw text of one document into the normalized body, its sections and its sentences.</summary>
public static class DocumentText
{
    public static void Apply(Document document, string raw)
    {
        var normalized = Normalizer.Normalize(raw);
        var segmentation = Segmenter.Segment(normalized.Body);

        document.RawText = raw;
        document.Body = normalized.Body;
        document.ContentHash = Hash(normalized.Body);
        document.Sections = segmentation.Sections
            .Select((section, i) => new DocumentSection
            {
                Ordinal = i,
                Label = section.Label,
                Heading = section.Heading,
                Start = section.Span.Start,
                End = section.Span.End,
            })
            .ToList();
        document.Sentences = segmentation.Sentences
            .Select((sentence, i) => new DocumentSentence { Ordinal = i, Start = sentence.Start, End = sentence.End })
            .ToList();
    }

    public static string Hash(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
