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
/// Id lists go to the database as one array parameter (<c>EF.Parameter</c>): a matrix shows thousands of
/// claims, and an IN list of thousands of parameters costs more to prepare than the query takes to run.
/// </summary>
public static class PositionReader
{
    public static Task<List<HeldClaim>> HeldClaimsAsync(TrackerDbContext db, HeldClaimFilter filter, CancellationToken cancellationToken)
    {
        var rows = db.HeldPositions.AsNoTracking();
        if (filter.Actors is { } actors)
        {
            rows = rows.Where(p => EF.Parameter(actors).Contains(p.ActorId));
        }

        if (filter.Topics is { } topics)
        {
            rows = rows.Where(p => EF.Parameter(topics).Contains(p.TopicId));
        }

        if (filter.Documents is { } documents)
        {
            rows = rows.Where(p => EF.Parameter(documents).Contains(p.DocumentId));
        }

        if (filter.Stances is { } stances)
        {
            rows = rows.Where(p => stances.Contains(p.Stance));
        }

        if (filter.From is { } from)
        {
            rows = rows.Where(p => p.IssuedOn >= from);
        }

        if (filter.To is { } to)
        {
            rows = rows.Where(p => p.IssuedOn <= to);
        }

        return rows.Select(ToHeldClaim).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// For each actor and topic, the accepted claims of the latest date on or before <paramref name="asOf"/>:
    /// the candidates <see cref="PositionRules.Latest"/> chooses from. One index seek per pair finds the date and
    /// one short range reads its claims, however many claims the actor made on the topic before.
    /// </summary>
    public static Task<List<HeldClaim>> LatestHeldClaimsAsync(
        TrackerDbContext db, IReadOnlyCollection<int> actorIds, IReadOnlyCollection<int> topicIds, DateOnly asOf, CancellationToken cancellationToken)
    {
        var latest = db.Actors.Where(a => EF.Parameter(actorIds).Contains(a.Id))
            .SelectMany(a => db.Topics.Where(t => EF.Parameter(topicIds).Contains(t.Id)), (a, t) => new { ActorId = a.Id, TopicId = t.Id })
            .Select(k => new
            {
                k.ActorId,
                k.TopicId,
                IssuedOn = db.HeldPositions
                    .Where(p => p.ActorId == k.ActorId && p.TopicId == k.TopicId && p.IssuedOn <= asOf)
                    .OrderByDescending(p => p.IssuedOn)
                    .Select(p => (DateOnly?)p.IssuedOn)
                    .FirstOrDefault(),
            });
        return latest
            .Join(db.HeldPositions, k => new { k.ActorId, k.TopicId, k.IssuedOn }, p => new { p.ActorId, p.TopicId, IssuedOn = (DateOnly?)p.IssuedOn }, (k, p) => p)
            .AsNoTracking()
            .Select(ToHeldClaim)
            .ToListAsync(cancellationToken);
    }

    // The date travels as a day number (julianday in SQL): parsing a date string per row was a good part of
    // reading thousands of rows.
    private static readonly System.Linq.Expressions.Expression<Func<HeldPosition, HeldClaim>> ToHeldClaim = p =>
        new HeldClaim(p.ActorId, new PositionClaim(p.ClaimId, p.DocumentId, DateOnly.FromDayNumber(p.IssuedOn.DayNumber), p.TopicId, p.Stance, p.Intensity, p.Negated, p.Start));

    /// <summary>Quotes and document titles of the claims that are shown, in one query.</summary>
    public static async Task<Dictionary<int, ClaimText>> TextsAsync(TrackerDbContext db, IEnumerable<int> claimIds, CancellationToken cancellationToken)
    {
        var ids = claimIds.Distinct().ToList();
        return await db.Claims.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.Id))
            .Select(c => new ClaimText(c.Id, c.Exact, c.DocumentId, c.Document!.Title))
            .ToDictionaryAsync(c => c.ClaimId, cancellationToken);
    }

    public static async Task<Dictionary<int, TopicRef>> TopicRefsAsync(TrackerDbContext db, IEnumerable<int> topicIds, CancellationToken cancellationToken)
    {
        var ids = topicIds.Distinct().ToList();
        var topics = await db.Topics.AsNoTracking().Include(t => t.Aliases)
            .Where(t => EF.Parameter(ids).Contains(t.Id)).ToListAsync(cancellationToken);
        return topics.ToDictionary(t => t.Id, t => t.ToRef());
    }

    public static async Task<Dictionary<int, ActorRef>> ActorRefsAsync(TrackerDbContext db, IEnumerable<int> actorIds, CancellationToken cancellationToken)
    {
        var ids = actorIds.Distinct().ToList();
        var actors = await db.Actors.AsNoTracking().Include(a => a.Aliases)
            .Where(a => EF.Parameter(ids).Contains(a.Id)).ToListAsync(cancellationToken);
        return actors.ToDictionary(a => a.Id, a => a.ToRef());
    }

    public static async Task<Dictionary<int, DocumentRef>> DocumentRefsAsync(TrackerDbContext db, IEnumerable<int> documentIds, CancellationToken cancellationToken)
    {
        var ids = documentIds.Distinct().ToList();
        return await db.Documents.AsNoTracking().Where(d => EF.Parameter(ids).Contains(d.Id))
            .Select(d => new DocumentRef(d.Id, d.Title, d.IssuedOn))
            .ToDictionaryAsync(d => d.Id, cancellationToken);
    }
}

/// <summary>The text side of a claim: its quote and where it stands.</summary>
public sealed record ClaimText(int ClaimId, string Quote, int DocumentId, string DocumentTitle);
