using Tracker.Domain.Commitments;
using Tracker.Web.Features.Actors;
using Tracker.Web.Features.Positions;
using Tracker.Web.Features.Topics;

namespace Tracker.Web.Features.Commitments;

/// <summary>
/// A commitment: the commits claim, its lifecycle status (reaffirmed derived from later claims unless a
/// curator recorded a verdict), the due date promised in its quote, the later claims repeating it and the
/// evidence recorded by curators.
/// </summary>
public sealed record CommitmentDto(
    int Id,
    string Status,
    DateOnly? DueOn,
    bool Overdue,
    int ClaimId,
    IReadOnlyList<ActorRef> Holders,
    TopicRef Topic,
    DocumentRef Document,
    string Quote,
    IReadOnlyList<ReaffirmationDto> Reaffirmations,
    IReadOnlyList<EvidenceDto> Evidence);

/// <summary>A later accepted commits/reaffirms claim on the same topic by some of the same holders.</summary>
public sealed record ReaffirmationDto(int ClaimId, string Stance, IReadOnlyList<ActorRef> By, DocumentRef Document, string Quote);

public sealed record EvidenceDto(int Id, string Status, int? ClaimId, string? SourceUrl, string? Note, DateTimeOffset RecordedAt, string? RecordedBy);

public static class CommitmentMapping
{
    public static string Code(this CommitmentStatus status) => status.ToString().ToLowerInvariant();

    public static EvidenceDto ToDto(this CommitmentEvidence evidence) => new(
        evidence.Id, evidence.Status.Code(), evidence.ClaimId, evidence.SourceUrl, evidence.Note, evidence.RecordedAt, evidence.RecordedBy);
}
