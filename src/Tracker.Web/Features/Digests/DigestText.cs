using System.Globalization;
using System.Text;
using Tracker.Domain.Digests;

namespace Tracker.Web.Features.Digests;

/// <summary>The plain-text part of a digest mail, and the wording both parts share.</summary>
public static class DigestText
{
    public static string Subject(Digest digest) => $"Tracker digest, {PeriodLabel(digest.Period)}: {digest.Summary}";

    public static string PeriodLabel(DigestPeriod period) =>
        $"{period.Start.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} – {period.End.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC";

    public static string Render(Digest digest)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Tracker digest · {PeriodLabel(digest.Period)}");
        text.AppendLine(digest.Summary);
        if (digest.Documents.Count > 0)
        {
            text.AppendLine().AppendLine("NEW STATEMENTS");
            foreach (var document in digest.Documents)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {document.Title} ({document.IssuedOn:yyyy-MM-dd}, {document.Signatories})");
                text.AppendLine(CultureInfo.InvariantCulture, $"  {document.Url}");
            }
        }

        foreach (var topic in digest.Topics)
        {
            text.AppendLine().AppendLine(topic.Label.ToUpperInvariant());
            foreach (var item in topic.Items)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {item.Headline}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  “{item.Quote}”");
                text.AppendLine(CultureInfo.InvariantCulture, $"  {item.DocumentTitle}, {item.IssuedOn:yyyy-MM-dd}: {item.Url}");
            }
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Unsubscribe: {digest.UnsubscribeUrl}");
        return text.ToString();
    }
}
