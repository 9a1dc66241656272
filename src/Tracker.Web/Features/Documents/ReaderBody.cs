using System.Globalization;
using Microsoft.AspNetCore.Html;
using Tracker.Web.Features.Claims;
using Tracker.Web.Features.Suggestions;
using Tracker.Web.Infrastructure.Views;

namespace Tracker.Web.Features.Documents;

/// <summary>A run of body text: plain, or inside one or more claims' quotes.</summary>
/// <remarks>Claims that start here get an empty anchor each, since several claims can start at one point.</remarks>
public sealed record ReaderSegment(
    string Text, ClaimDto? Claim, int Covering, IReadOnlyList<string> ClaimAnchors, string? SectionAnchor, SuggestionDto? Suggestion, int Paragraph);

/// <summary>A paragraph of the body, [Start, End) in code points with the line breaks after it.</summary>
public sealed record BodyParagraph(int Index, int Start, int End)
{
    public string Id => "para-" + (Index + 1).ToString(CultureInfo.InvariantCulture);

    public bool Overlaps(int start, int end) => Start < end && start < End;
}

/// <summary>
/// The reader's text with its claim and suggestion marks, cut into paragraphs so that a change to a few claims
/// can be sent as the paragraphs it touches rather than the whole body.
/// </summary>
public sealed class ReaderBody
{
    private ReaderBody(List<ReaderSegment> segments, List<BodyParagraph> paragraphs)
    {
        Segments = segments;
        Paragraphs = paragraphs;
        _byParagraph = segments.ToLookup(s => s.Paragraph);
    }

    private readonly ILookup<int, ReaderSegment> _byParagraph;

    public IReadOnlyList<ReaderSegment> Segments { get; }

    public IReadOnlyList<BodyParagraph> Paragraphs { get; }

    public static ReaderBody Empty { get; } = new([], []);

    /// <summary>The paragraphs any of the spans [start, end) reaches into.</summary>
    public IEnumerable<BodyParagraph> Covering(IEnumerable<(int Start, int End)> spans)
    {
        var list = spans.ToList();
        return Paragraphs.Where(p => list.Exists(s => p.Overlaps(s.Start, s.End)));
    }

    /// <summary>The whole body; every piece of document text goes through the HTML encoder.</summary>
    public IHtmlContent Html()
    {
        var html = new HtmlContentBuilder();
        foreach (var paragraph in Paragraphs)
        {
            Write(html, paragraph, oob: false);
        }

        return html;
    }

    /// <summary>One paragraph, marked to replace its old self out of band.</summary>
    public IHtmlContent Html(BodyParagraph paragraph)
    {
        var html = new HtmlContentBuilder();
        Write(html, paragraph, oob: true);
        return html;
    }

    // Every paragraph is a span: the body is white-space: pre-wrap, so the markup adds no text of its own, and
    // offsets taken from the DOM (Range.toString) stay code points into the body.
    private void Write(HtmlContentBuilder html, BodyParagraph paragraph, bool oob)
    {
        html.AppendHtml($"<span class=\"para\" id=\"{paragraph.Id}\"{(oob ? " hx-swap-oob=\"true\"" : "")}>");
        foreach (var segment in _byParagraph[paragraph.Index])
        {
            if (segment.SectionAnchor is not null)
            {
                html.AppendHtml($"<span id=\"{segment.SectionAnchor}\" class=\"section-anchor\"></span>");
            }

            foreach (var anchor in segment.ClaimAnchors)
            {
                html.AppendHtml($"<span id=\"{anchor}\" class=\"claim-anchor\"></span>");
            }

            if (segment.Claim is { } claim)
            {
                var classes = $"claim {ReadDocumentModel.Polarity(claim)} i{claim.Intensity.ToString(CultureInfo.InvariantCulture)} {claim.Status}{(segment.Covering > 1 ? " overlap" : "")}";
                html.AppendHtml($"<mark class=\"{System.Net.WebUtility.HtmlEncode(classes)}\" data-claim=\"{claim.Id.ToString(CultureInfo.InvariantCulture)}\" title=\"")
                    .Append($"{PositionView.Stance(claim.Stance, claim.Negated)} · {claim.Topic.Label}")
                    .AppendHtml("\">");
            }

            // A suggestion is drawn inside any claim mark, dashed, so both stay visible where they overlap.
            if (segment.Suggestion is { } suggestion)
            {
                html.AppendHtml($"<mark class=\"suggestion {ReadDocumentModel.Polarity(suggestion.Stance)}\" data-suggestion=\"")
                    .Append(suggestion.Key)
                    .AppendHtml("\" title=\"")
                    .Append(string.Create(CultureInfo.InvariantCulture, $"suggested: {PositionView.Stance(suggestion.Stance, suggestion.Negated)} · {suggestion.Topic.Label} ({(suggestion.Learned ? "learned, words" : "cue")} “{suggestion.Cue}”, {suggestion.Confidence:0.00})"))
                    .AppendHtml("\">");
            }

            html.Append(segment.Text);
            if (segment.Suggestion is not null)
            {
                html.AppendHtml("</mark>");
            }

            if (segment.Claim is not null)
            {
                html.AppendHtml("</mark>");
            }
        }

        html.AppendHtml("</span>");
    }

    // Offsets are code points; the body is cut at every claim, suggestion, section and paragraph boundary, and
    // each piece knows which claims cover it. Where quotes overlap, the innermost (latest-starting) claim colours
    // the piece. One sweep over the cuts with the set of open quotes: the largest document has hundreds of claims.
    public static ReaderBody Build(DocumentDto document, IReadOnlyList<SuggestionDto> pending)
    {
        var body = document.Body;
        var utf16 = new List<int>(body.Length + 1);
        var paragraphStarts = new List<int> { 0 };
        for (var i = 0; i < body.Length; i += char.IsSurrogatePair(body, i) ? 2 : 1)
        {
            // A paragraph starts at the first character that is not a line break after one.
            if (i > 0 && body[i - 1] == '\n' && body[i] != '\n')
            {
                paragraphStarts.Add(utf16.Count);
            }

            utf16.Add(i);
        }

        var length = utf16.Count;
        utf16.Add(body.Length);
        var paragraphs = paragraphStarts
            .Select((start, i) => new BodyParagraph(i, start, i + 1 < paragraphStarts.Count ? paragraphStarts[i + 1] : length))
            .Where(p => p.End > p.Start)
            .ToList();
        var claims = document.Claims.Where(c => c.Start >= 0 && c.End <= length && c.Start < c.End).OrderBy(c => c.Start).ToList();
        var suggestions = pending.Where(s => s.Start >= 0 && s.End <= length && s.Start < s.End).OrderBy(s => s.Start).ToList();
        var sectionStarts = document.Sections.Select((s, i) => (s.Start, Index: i)).GroupBy(s => s.Start).ToDictionary(g => g.Key, g => g.First().Index);
        var cuts = new SortedSet<int> { 0, length };
        foreach (var claim in claims)
        {
            cuts.Add(claim.Start);
            cuts.Add(claim.End);
        }

        foreach (var suggestion in suggestions)
        {
            cuts.Add(suggestion.Start);
            cuts.Add(suggestion.End);
        }

        foreach (var start in sectionStarts.Keys.Where(s => s >= 0 && s <= length))
        {
            cuts.Add(start);
        }

        foreach (var paragraph in paragraphs)
        {
            cuts.Add(paragraph.Start);
        }

        var segments = new List<ReaderSegment>();
        var openClaims = new List<ClaimDto>();
        var openSuggestions = new List<SuggestionDto>();
        var (nextClaim, nextSuggestion, paragraphIndex) = (0, 0, 0);
        var points = cuts.ToList();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var (from, to) = (points[i], points[i + 1]);

            // Every end is a cut, so a quote open at `from` covers the whole piece up to `to`.
            openClaims.RemoveAll(c => c.End <= from);
            openSuggestions.RemoveAll(s => s.End <= from);
            var anchors = new List<string>();
            for (; nextClaim < claims.Count && claims[nextClaim].Start <= from; nextClaim++)
            {
                openClaims.Add(claims[nextClaim]);
                anchors.Add("q" + claims[nextClaim].Id.ToString(CultureInfo.InvariantCulture));
            }

            for (; nextSuggestion < suggestions.Count && suggestions[nextSuggestion].Start <= from; nextSuggestion++)
            {
                openSuggestions.Add(suggestions[nextSuggestion]);
            }

            while (paragraphs[paragraphIndex].End <= from)
            {
                paragraphIndex++;
            }

            segments.Add(new ReaderSegment(
                body[utf16[from]..utf16[to]],
                openClaims.Count == 0 ? null : openClaims.MaxBy(c => (c.Start, -c.Id)),
                openClaims.Count,
                anchors,
                sectionStarts.TryGetValue(from, out var section) ? ReadDocumentModel.SectionAnchor(section) : null,
                openSuggestions.Count == 0 ? null : openSuggestions.MaxBy(s => s.Start),
                paragraphIndex));
        }

        return new ReaderBody(segments, paragraphs);
    }
}
