using Tracker.Domain.Documents;
using Tracker.Web.Features.Actors;
using Tracker.Web.Features.Claims;

namespace Tracker.Web.Features.Documents;

public sealed record DocumentSummaryDto(
    int Id,
    string? Key,
    string Title,
    string Kind,
    DateOnly IssuedOn,
    string? Place,
    string Language,
    IReadOnlyList<ActorRef> Signatories,
    int ClaimCount);

public sealed record DocumentDto(
    int Id,
    string? Key,
    string Title,
    string Kind,
    DateOnly IssuedOn,
    string? Place,
    string Language,
    IReadOnlyList<ActorRef> Signatories,
    string? SourceUrl,
    string? Note,
    int? TranslationOf,
    string Body,
    IReadOnlyList<SectionDto> Sections,
    IReadOnlyList<SentenceDto> Sentences,
    IReadOnlyList<ClaimDto> Claims,
    DateTimeOffset CreatedAt);

public sealed record SectionDto(string? Label, string? Heading, int Start, int End);

public sealed record SentenceDto(int Start, int End);

public static class DocumentMapping
{
    public static DocumentDto ToDto(this Document document) => new(
        document.Id,
        document.Key,
        document.Title,
        document.Kind.Code(),
        document.IssuedOn,
        document.Place,
        document.Language,
        document.Signatories.OrderBy(s => s.Position).Select(s => s.Actor!.ToRef()).ToList(),
        document.SourceUrl,
        document.Note,
        document.TranslationOfId,
        document.Body,
        document.Sections.OrderBy(s => s.Ordinal).Select(s => new SectionDto(s.Label, s.Heading, s.Start, s.End)).ToList(),
        document.Sentences.OrderBy(s => s.Ordinal).Select(s => new SentenceDto(s.Start, s.End)).ToList(),
        document.Claims.OrderBy(c => c.Start).ThenBy(c => c.Id).Select(c => c.ToDto()).ToList(),
        document.CreatedAt);
}
