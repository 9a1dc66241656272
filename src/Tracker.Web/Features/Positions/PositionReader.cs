using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Claims;
using Tracker.Domain.Comparison;
using Tracker.Web.Features.Actors;
using Tracker.Web.Features.Topics;

namespace Tracker.Web.Features.Positions;

/// <summary>An accepted claim as seen from one of its holders.</summary>
public sealed record HeldClaim(int ActorId, PositionClaim Claim);

/// <summary>Which accepted claims to read; every filter left null reads everything.</summary>
public sealed record HeldClaimFilter(
    IReadOnlyCollection<int>? Actors = null,
    IReadOnlyCollection<int>? Topics = null,
    IReadOnlyCollection<int>? Documents = null,
    IReadOnlyCollection<Stance>? Stances = null,
    DateOnly? From = null,
    DateOnly? To = null);

/// <summary>
/// The set-based reads shared by the comparison features. Positions are resolved in memory from narrow rows
/// (ids, dates, stance, intensity): quotes and names are loaded afterwards, only for the claims that win.
/// </summary>
public static class PositionReader
{
    public static Task<List<HeldClaim>> HeldClaimsAsync(TrackerDbContext db, HeldClaimFilter filter, CancellationToken cancellationToken)
    {
        var rows = db.ClaimHolders.AsNoTracking()
            .Join(db.Claims.Where(c => c.Status == ClaimStatus.Accepted), h => h.ClaimId, c => c.Id, (h, c) => new { h.ActorId, Claim = c });
        if (filter.Actors is { } actors)
        {
            rows = rows.Where(r => actors.Contains(r.ActorId));
        }

        if (filter.Topics is { } topics)
        {
            rows = rows.Where(r => topics.Contains(r.Claim.TopicId));
        }

        if (filter.Documents is { } documents)
        {
            rows = rows.Where(r => documents.Contains(r.Claim.DocumentId));
        }

        if (filter.Stances is { } stances)
        {
            rows = rows.Where(r => stances.Contains(r.Claim.Stance));
        }

        if (filter.From is { } from)
        {
            rows = rows.Where(r => r.Claim.Document!.IssuedOn >= from);
        }

        if (filter.To is { } to)
        {
            rows = rows.Where(r => r.Claim.Document!.IssuedOn <= to);
        }

        return rows
            .Select(r => new HeldClaim(r.ActorId, new PositionClaim(
                r.Claim.Id, r.Claim.DocumentId, r.Claim.Document!.IssuedOn, r.Claim.TopicId, r.Claim.Stance, r.Claim.Intensity, r.Claim.Negated, r.Claim.Start)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Quotes and document titles of the claims that are shown, in one query.</summary>
    public static async Task<Dictionary<int, ClaimText>> TextsAsync(TrackerDbContext db, IEnumerable<int> claimIds, CancellationToken cancellationToken)
    {
        var ids = claimIds.Distinct().ToList();
        return await db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new ClaimText(c.Id, c.Exact, c.DocumentId, c.Document!.Title))
            .ToDictionaryAsync(c => c.ClaimId, cancellationToken);
    }

    public static async Task<Dictionary<int, TopicRef>> TopicRefsAsync(TrackerDbContext db, IEnumerable<int> topicIds, CancellationToken cancellationToken)
    {
        var ids = topicIds.Distinct().ToList();
        var topics = await db.Topics.AsNoTracking().Include(t => t.Aliases)
            .Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);
        return topics.ToDictionary(t => t.Id, t => t.ToRef());
    }

    public static async Task<Dictionary<int, ActorRef>> ActorRefsAsync(TrackerDbContext db, IEnumerable<int> actorIds, CancellationToken cancellationToken)
    {
        var ids = actorIds.Distinct().ToList();
        var actors = await db.Actors.AsNoTracking().Include(a => a.Aliases)
            .Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        return actors.ToDictionary(a => a.Id, a => a.ToRef());
    }

    public static async Task<Dictionary<int, DocumentRef>> DocumentRefsAsync(TrackerDbContext db, IEnumerable<int> documentIds, CancellationToken cancellationToken)
    {
        var ids = documentIds.Distinct().ToList();
        return await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new DocumentRef(d.Id, d.Title, d.IssuedOn))
            .ToDictionaryAsync(d => d.Id, cancellationToken);
    }
}

/// <summary>The text side of a claim: its quote and where it stands.</summary>
public sealed record ClaimText(int ClaimId, string Quote, int DocumentId, string DocumentTitle);
