using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Claims;
using Tracker.Domain.Comparison;
using Tracker.Web.Features.Actors;
using Tracker.Web.Features.Documents;
using Tracker.Web.Features.Positions;
using Tracker.Web.Features.Topics;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Dashboard;

/// <summary>What the home page shows: what came in, what moved, who stands where, and how much is said how.</summary>
public sealed record DashboardDto(
    IReadOnlyList<DocumentSummaryDto> RecentDocuments,
    IReadOnlyList<PositionChangeDto> RecentChanges,
    PositionMatrixDto Matrix,
    IReadOnlyList<StanceMonthDto> ClaimsByMonth);

/// <summary>
/// A holder's position on a topic that moved in a recent document: the claim it rests on now, the position
/// before it (none for "new"), and the label (new, intensified, softened, reversed).
/// </summary>
public sealed record PositionChangeDto(ActorRef Actor, TopicRef Topic, string Change, PositionDto After, PositionDto? Before);

/// <summary>How many accepted claims of one stance documents issued in one month ("2025-05") hold.</summary>
public sealed record StanceMonthDto(string Month, string Stance, int Count);

public sealed class DashboardQuery(TrackerDbContext db, PositionMatrixHandler matrix, AggregateCache cache)
{
    public const int RecentDocumentCount = 8;
    public const int RecentChangeCount = 15;

    // The changes come from the claims of the latest documents: enough to fill the list after reaffirmations
    // (which are not changes) are left out.
    public const int DocumentsScannedForChanges = 20;

    // The home page's matrix is a glance, not the full /positions page.
    public const int MatrixActors = 6;
    public const int MatrixTopics = 8;

    public async Task<DashboardDto> HandleAsync(CancellationToken cancellationToken)
    {
        var documents = await RecentDocumentsAsync(cancellationToken);
        var changes = await RecentChangesAsync(cancellationToken);
        var positions = Compact(await matrix.HandleAsync(new MatrixRequest(null, null, null), cancellationToken));
        var months = await ClaimsByMonthAsync(cancellationToken);
        return new DashboardDto(documents, changes, positions, months);
    }

    private async Task<List<DocumentSummaryDto>> RecentDocumentsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Documents.AsNoTracking()
            .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
            .Take(RecentDocumentCount)
            .Select(d => new
            {
                d.Id, d.Key, d.Title, d.Kind, d.IssuedOn, d.Place, d.Language,
                Signatories = d.Signatories.OrderBy(s => s.Position).Select(s => s.ActorId).ToList(),
                ClaimCount = d.Claims.Count,
            })
            .ToListAsync(cancellationToken);
        var actors = await PositionReader.ActorRefsAsync(db, rows.SelectMany(r => r.Signatories), cancellationToken);
        return rows
            .Select(r => new DocumentSummaryDto(
                r.Id, r.Key, r.Title, Domain.Documents.DocumentKinds.Code(r.Kind), r.IssuedOn, r.Place, r.Language,
                r.Signatories.Select(id => actors[id]).ToList(), r.ClaimCount))
            .ToList();
    }

    /// <summary>
    /// Labels each (holder, topic) of the latest documents' claims against the holder's position before that
    /// date, with the same rule as the timeline. "Dropped" needs every topic a signatory ever spoke on and is
    /// left to the timeline and the document diff.
    /// </summary>
    private async Task<List<PositionChangeDto>> RecentChangesAsync(CancellationToken cancellationToken)
    {
        var documentIds = await db.Documents.AsNoTracking()
            .Where(d => d.Claims.Any(c => c.Status == ClaimStatus.Accepted))
            .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
            .Select(d => d.Id)
            .Take(DocumentsScannedForChanges)
            .ToListAsync(cancellationToken);
        var recent = await PositionReader.HeldClaimsAsync(db, new HeldClaimFilter(Documents: documentIds), cancellationToken);
        if (recent.Count == 0)
        {
            return [];
        }

        var pairs = recent.Select(h => (h.ActorId, h.Claim.TopicId)).ToHashSet();

        // A change is judged against the position before it: the claims from the oldest recent date on, and for
        // each pair the claims of its latest date before that, are all the history the labels need (one index
        // seek per pair, where reading every claim the holders ever made on the topics took seconds).
        var since = recent.Min(h => h.Claim.IssuedOn);
        var history = new List<HeldClaim>();
        foreach (var actor in pairs.GroupBy(p => p.ActorId, p => p.TopicId))
        {
            var topicIds = actor.ToList();
            history.AddRange(await PositionReader.HeldClaimsAsync(db, new HeldClaimFilter(Actors: [actor.Key], Topics: topicIds, From: since), cancellationToken));
            history.AddRange(await PositionReader.LatestHeldClaimsAsync(db, [actor.Key], topicIds, since.AddDays(-1), cancellationToken));
        }
        var recentDocuments = documentIds.ToHashSet();

        var changes = history
            .Where(h => pairs.Contains((h.ActorId, h.Claim.TopicId)))
            .GroupBy(h => (h.ActorId, h.Claim.TopicId))
            .SelectMany(g =>
            {
                var claims = g.Select(h => h.Claim).ToList();
                return PositionTimeline.Build(claims, [])
                    .Where(step => step.Claim is not null && recentDocuments.Contains(step.DocumentId) && step.Change != PositionChange.Reaffirmed)
                    .Select(step => (g.Key.ActorId, Step: step, Before: PositionRules.Latest(claims.Where(c => c.IssuedOn < step.IssuedOn))));
            })
            // One line per holder, topic and date: the claim that stands for the day.
            .GroupBy(x => (x.ActorId, x.Step.Claim!.TopicId, x.Step.IssuedOn))
            .Select(g => g.MaxBy(x => x.Step.Claim!, Comparer<PositionClaim>.Create(PositionRules.Order)))
            .OrderByDescending(x => x.Step.IssuedOn).ThenByDescending(x => x.Step.DocumentId).ThenBy(x => x.Step.Claim!.Start).ThenBy(x => x.ActorId)
            .Take(RecentChangeCount)
            .ToList();

        var shown = changes.SelectMany(x => new[] { x.Step.Claim, x.Before }).OfType<PositionClaim>().ToList();
        var texts = await PositionReader.TextsAsync(db, shown.Select(c => c.ClaimId), cancellationToken);
        var topics = await PositionReader.TopicRefsAsync(db, shown.Select(c => c.TopicId), cancellationToken);
        var actors = await PositionReader.ActorRefsAsync(db, changes.Select(x => x.ActorId), cancellationToken);
        return changes
            .Select(x => new PositionChangeDto(
                actors[x.ActorId],
                topics[x.Step.Claim!.TopicId],
                x.Step.Change.Code(),
                x.Step.Claim.ToDto(texts[x.Step.Claim.ClaimId], topics[x.Step.Claim.TopicId]),
                x.Before?.ToDto(texts[x.Before.ClaimId], topics[x.Before.TopicId])))
            .ToList();
    }

    /// <summary>
    /// The matrix handler's default (most active actors, their most frequent topics), cut to a glance; an actor
    /// with no position on any of the topics kept would be an empty row, and makes room for the next one.
    /// </summary>
    private static PositionMatrixDto Compact(PositionMatrixDto full)
    {
        var rows = full.Rows
            .Select(r => r with { Positions = r.Positions.Take(MatrixTopics).ToList() })
            .Where(r => r.Positions.Any(p => p is not null))
            .Take(MatrixActors)
            .ToList();
        return full with { Actors = rows.Select(r => r.Actor).ToList(), Topics = full.Topics.Take(MatrixTopics).ToList(), Rows = rows };
    }

    private async Task<List<StanceMonthDto>> ClaimsByMonthAsync(CancellationToken cancellationToken)
    {
        return await cache.GetAsync(db, "claims-by-month", async () =>
        {
            var rows = await db.Claims.AsNoTracking()
                .Where(c => c.Status == ClaimStatus.Accepted)
                .GroupBy(c => new { c.Document!.IssuedOn.Year, c.Document.IssuedOn.Month, c.Stance })
                .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Stance, Count = g.Count() })
                .ToListAsync(cancellationToken);
            return rows
                .OrderBy(r => r.Year).ThenBy(r => r.Month).ThenBy(r => r.Stance)
                .Select(r => new StanceMonthDto($"{r.Year:D4}-{r.Month:D2}", r.Stance.Code(), r.Count))
                .ToList();
        }, cancellationToken);
    }
}
