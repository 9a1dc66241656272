using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Claims;

namespace Tracker.Data.Claims;

/// <summary>
/// Keeps <see cref="HeldPosition"/> rows in step with the claims they derive from. Every write path that changes
/// a claim's status, topic, stance, intensity, negation, start or holders calls one of these inside its own
/// transaction, after its changes are saved; a deleted claim's rows go by cascade.
/// </summary>
public static class HeldPositions
{
    /// <summary>Re-derives the rows of these claims from the claims, holders and documents as saved.</summary>
    public static async Task RefreshAsync(TrackerDbContext db, IReadOnlyCollection<int> claimIds, CancellationToken cancellationToken)
    {
        await db.HeldPositions.Where(p => claimIds.Contains(p.ClaimId)).ExecuteDeleteAsync(cancellationToken);
        var rows = await Derive(db).Where(p => claimIds.Contains(p.ClaimId)).ToListAsync(cancellationToken);
        db.HeldPositions.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);

        // The rows are written; tracking them would clash with the next refresh of the same claims.
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    /// <summary>The duplicate actor's positions become the survivor's, once per claim (mirrors the holder rows).</summary>
    public static async Task MergeActorAsync(TrackerDbContext db, int duplicateId, int survivorId, CancellationToken cancellationToken)
    {
        await db.HeldPositions.Where(p => p.ActorId == duplicateId && db.HeldPositions.Any(o => o.ClaimId == p.ClaimId && o.ActorId == survivorId))
            .ExecuteDeleteAsync(cancellationToken);
        await db.HeldPositions.Where(p => p.ActorId == duplicateId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.ActorId, survivorId), cancellationToken);
    }

    public static Task MergeTopicAsync(TrackerDbContext db, int duplicateId, int survivorId, CancellationToken cancellationToken) =>
        db.HeldPositions.Where(p => p.TopicId == duplicateId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.TopicId, survivorId), cancellationToken);

    /// <summary>What the rows must be: one per accepted claim and holder. Tests compare the table with this.</summary>
    public static IQueryable<HeldPosition> Derive(TrackerDbContext db) =>
        db.ClaimHolders.AsNoTracking()
            .Join(db.Claims.Where(c => c.Status == ClaimStatus.Accepted), h => h.ClaimId, c => c.Id, (h, c) => new HeldPosition
            {
                ClaimId = c.Id,
                ActorId = h.ActorId,
                TopicId = c.TopicId,
                DocumentId = c.DocumentId,
                IssuedOn = c.Document!.IssuedOn,
                Stance = c.Stance,
                Intensity = c.Intensity,
                Negated = c.Negated,
                Start = c.Start,
            });
}
