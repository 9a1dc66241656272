using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Domain.Claims;
using Tracker.Web.Features.Claims;

namespace Tracker.Web.Features.Documents;

/// <summary>A run of body text: plain, or inside one or more claims' quotes.</summary>
/// <remarks>Claims that start here get an empty anchor each, since several claims can start at one point.</remarks>
public sealed record ReaderSegment(string Text, ClaimDto? Claim, int Covering, IReadOnlyList<string> ClaimAnchors, string? SectionAnchor);

/// <summary>
/// The reader: the normalized body with every claim's quote highlighted (colour by polarity, strength by
/// intensity) and the claims beside it in text order. Read-only in this pass.
/// </summary>
public sealed class ReadDocumentModel(ReadDocumentsHandler reader) : PageModel
{
    public DocumentDto Document { get; private set; } = null!;
    public List<ReaderSegment> Segments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await reader.GetAsync(id, cancellationToken) is not { } document)
        {
            return NotFound();
        }

        Document = document;
        Segments = Segment(document);
        return Page();
    }

    /// <summary>The body with its claim marks; every piece of document text goes through the HTML encoder.</summary>
    public IHtmlContent BodyHtml()
    {
        var html = new HtmlContentBuilder();
        foreach (var segment in Segments)
        {
            if (segment.SectionAnchor is not null)
            {
                html.AppendHtml($"<span id=\"{segment.SectionAnchor}\" class=\"section-anchor\"></span>");
            }

            foreach (var anchor in segment.ClaimAnchors)
            {
                html.AppendHtml($"<span id=\"{anchor}\" class=\"claim-anchor\"></span>");
            }

            if (segment.Claim is not { } claim)
            {
                html.Append(segment.Text);
                continue;
            }

            var classes = $"claim {Polarity(claim)} i{claim.Intensity.ToString(CultureInfo.InvariantCulture)} {claim.Status}{(segment.Covering > 1 ? " overlap" : "")}";
            html.AppendHtml($"<mark class=\"{System.Net.WebUtility.HtmlEncode(classes)}\" data-claim=\"{claim.Id.ToString(CultureInfo.InvariantCulture)}\" title=\"")
                .Append($"{claim.Stance.Replace('_', ' ')} · {claim.Topic.Label}")
                .AppendHtml("\">")
                .Append(segment.Text)
                .AppendHtml("</mark>");
        }

        return html;
    }

    public static string Polarity(ClaimDto claim) =>
        StanceRules.TryParse(claim.Stance, out var stance) && stance.Polarity() < 0 ? "negative" : "positive";

    public static string SectionAnchor(int index) => "s" + (index + 1).ToString(CultureInfo.InvariantCulture);

    // Offsets are code points; the body is cut at every claim and section boundary, and each piece knows
    // which claims cover it. Where quotes overlap, the innermost (latest-starting) claim colours the piece.
    private static List<ReaderSegment> Segment(DocumentDto document)
    {
        var runes = document.Body.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var claims = document.Claims.Where(c => c.Start >= 0 && c.End <= runes.Length && c.Start < c.End).ToList();
        var sectionStarts = document.Sections.Select((s, i) => (s.Start, Index: i)).GroupBy(s => s.Start).ToDictionary(g => g.Key, g => g.First().Index);
        var cuts = new SortedSet<int> { 0, runes.Length };
        foreach (var claim in claims)
        {
            cuts.Add(claim.Start);
            cuts.Add(claim.End);
        }

        foreach (var start in sectionStarts.Keys.Where(s => s >= 0 && s <= runes.Length))
        {
            cuts.Add(start);
        }

        var anchored = new HashSet<int>();
        var segments = new List<ReaderSegment>();
        var points = cuts.ToList();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var (from, to) = (points[i], points[i + 1]);
            var covering = claims.Where(c => c.Start <= from && c.End >= to).ToList();
            var claim = covering.OrderByDescending(c => c.Start).ThenBy(c => c.Id).FirstOrDefault();
            var anchors = covering.Where(c => c.Start == from && anchored.Add(c.Id)).Select(c => "q" + c.Id.ToString(CultureInfo.InvariantCulture)).ToList();
            segments.Add(new ReaderSegment(
                string.Concat(runes[from..to]),
                claim,
                covering.Count,
                anchors,
                sectionStarts.TryGetValue(from, out var section) ? SectionAnchor(section) : null));
        }

        return segments;
    }
}
