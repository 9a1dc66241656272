using Tracker.Domain.Commitments;

namespace Tracker.Domain.Comparison;

public static class CommitmentLifecycle
{
    /// <summary>
    /// A curator's verdict (kept, broken, stalled) stands; otherwise a commitment repeated in a later document
    /// is reaffirmed, which is derived from the claims rather than stored, so it can never go stale.
    /// </summary>
    public static CommitmentStatus Status(CommitmentStatus recorded, bool reaffirmedLater) => recorded switch
    {
        CommitmentStatus.Kept or CommitmentStatus.Broken or CommitmentStatus.Stalled => recorded,
        _ when reaffirmedLater => CommitmentStatus.Reaffirmed,
        _ => recorded,
    };

    /// <summary>Past due and not kept; a commitment without a due date is never overdue.</summary>
    public static bool IsOverdue(CommitmentStatus status, DateOnly? dueOn, DateOnly today) =>
        dueOn is { } due && due < today && status != CommitmentStatus.Kept;
}
