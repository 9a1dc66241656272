namespace Tracker.Text;

/// <summary>
/// One document the splitter found on a page, for the curator to confirm. Spans are raw code points.
/// </summary>
/// <param name="Title">The heading, normalized (letter-spacing closed, wrapped heading lines joined); null when the part has no heading on this page.</param>
/// <param name="Span">The whole part, heading and continuation markers included.</param>
/// <param name="TitleSpan">The heading lines, when there is a heading.</param>
/// <param name="BodySpan">Everything after the heading up to the end of the part (normalize it for the body).</param>
/// <param name="ContinuedFromEarlierPage">The part starts with a marker such as （上接第二版）.</param>
/// <param name="ContinuesOnLaterPage">The part ends with a marker such as （下转第四版）.</param>
public sealed record ProposedDocument(
    string? Title,
    TextSpan Span,
    TextSpan? TitleSpan,
    TextSpan BodySpan,
    bool ContinuedFromEarlierPage,
    bool ContinuesOnLaterPage);
