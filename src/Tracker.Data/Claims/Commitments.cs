using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Claims;
using Tracker.Domain.Commitments;

namespace Tracker.Data.Claims;

/// <summary>Every accepted <see cref="Stance.Commits"/> claim is followed up as a commitment.</summary>
public static class Commitments
{
    /// <summary>Starts following a claim that has become an accepted commitment.</summary>
    public static void Track(TrackerDbContext db, Claim claim, DateTimeOffset now)
    {
        if (claim is { Stance: Stance.Commits, Status: ClaimStatus.Accepted })
        {
            db.Commitments.Add(new Commitment { Claim = claim, Status = CommitmentStatus.Made, UpdatedAt = now });
        }
    }

    /// <summary>
    /// Keeps the commitment of an edited claim in step: created when the claim becomes an accepted commitment,
    /// removed when it stops being one and nothing has been recorded against it yet.
    /// </summary>
    public static async Task SyncAsync(TrackerDbContext db, Claim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.Commitments.Include(c => c.Evidence).SingleOrDefaultAsync(c => c.ClaimId == claim.Id, cancellationToken);
        var isCommitment = claim is { Stance: Stance.Commits, Status: ClaimStatus.Accepted };
        if (isCommitment && existing is null)
        {
            Track(db, claim, now);
        }
        else if (!isCommitment && existing is { Evidence.Count: 0 })
        {
            db.Commitments.Remove(existing);
        }
    }
}
