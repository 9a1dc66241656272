using Tracker.Domain.Claims;
using Tracker.Web.Features.Actors;
using Tracker.Web.Features.Topics;

namespace Tracker.Web.Features.Claims;

public sealed record ClaimDto(
    int Id,
    int DocumentId,
    int Start,
    int End,
    string Quote,
    string Prefix,
    string Suffix,
    IReadOnlyList<ActorRef> Holders,
    string Stance,
    int Intensity,
    TopicRef Topic,
    ActorRef? Target,
    bool Implicit,
    bool Negated,
    string? Note,
    string Status,
    string? CuratedBy,
    DateTimeOffset? CuratedAt,
    int Version);

public static class ClaimMapping
{
    /// <summary>Maps a claim loaded with its holders' actors, topic and target.</summary>
    public static ClaimDto ToDto(this Claim claim) => new(
        claim.Id,
        claim.DocumentId,
        claim.Start,
        claim.End,
        claim.Exact,
        claim.Prefix,
        claim.Suffix,
        claim.Holders.Select(h => h.Actor!.ToRef()).ToList(),
        claim.Stance.Code(),
        claim.Intensity,
        claim.Topic!.ToRef(),
        claim.TargetActor?.ToRef(),
        claim.Implicit,
        claim.Negated,
        claim.Note,
        claim.Status.ToString().ToLowerInvariant(),
        claim.CuratedBy,
        claim.CuratedAt,
        claim.Version);
}
