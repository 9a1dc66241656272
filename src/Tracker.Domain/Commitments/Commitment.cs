using Tracker.Domain.Claims;

namespace Tracker.Domain.Commitments;

/// <summary>What the holders said they will do (a <see cref="Stance.Commits"/> claim) and what became of it.</summary>
public class Commitment
{
    public int Id { get; set; }
    public int ClaimId { get; set; }
    public Claim? Claim { get; set; }
    public CommitmentStatus Status { get; set; }

    /// <summary>The date the holders promised, where they named one ("计划于2025年…").</summary>
    public DateOnly? DueOn { get; set; }

    public List<CommitmentEvidence> Evidence { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum CommitmentStatus
{
    Made,
    Reaffirmed,
    Kept,
    Broken,
    Stalled,
}

/// <summary>Why a commitment has its status: a later claim, or a curator's note with a source.</summary>
public class CommitmentEvidence
{
    public int Id { get; set; }
    public int CommitmentId { get; set; }
    public CommitmentStatus Status { get; set; }
    public int? ClaimId { get; set; }
    public Claim? Claim { get; set; }
    public string? SourceUrl { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}
