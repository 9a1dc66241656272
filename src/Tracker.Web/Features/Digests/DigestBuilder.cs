using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain;
using Tracker.Domain.Claims;
using Tracker.Domain.Comparison;
using Tracker.Domain.Digests;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Digests;

/// <summary>
/// Finds what changed in a period within a subscription's filter: documents added, claims accepted, and how
/// each claim moved its holder's position on the topic (the codebook's change labels).
/// </summary>
public sealed class DigestBuilder(TrackerDbContext db, AppLinks links, UnsubscribeTokens tokens)
{
    public async Task<Digest> BuildAsync(Subscription subscription, DigestPeriod period, CancellationToken cancellationToken)
    {
        var actorIds = subscription.Actors.Select(a => a.ActorId).ToList();
        var topicIds = subscription.Topics.Count == 0
            ? null
            : (await TopicTree.SubtreesAsync(db, subscription.Topics.Select(t => t.TopicId), cancellationToken)).Values.SelectMany(v => v).Distinct().ToList();

        var documents = await NewDocumentsAsync(period, actorIds, topicIds, cancellationToken);
        var claims = await NewClaimsAsync(period, actorIds, topicIds, cancellationToken);
        var items = await LabelAsync(claims, actorIds, cancellationToken);
        if (subscription.ChangesOnly)
        {
            items = items.Where(i => i.Item.Change != PositionChange.Reaffirmed.Code()).ToList();
        }

        var topics = items
            .GroupBy(i => (i.Claim.TopicSlug, i.Claim.TopicLabel))
            .OrderBy(g => g.Key.TopicLabel, StringComparer.Ordinal)
            .Select(g => new DigestTopic(g.Key.TopicSlug, g.Key.TopicLabel, g.Select(i => i.Item).ToList()))
            .ToList();
        var newCommitments = items.Where(i => i.Claim.Stance == Stance.Commits).Select(i => i.Claim.Id).Distinct().Count();

        return new Digest(period, subscription.Email, documents, topics, newCommitments, links.Unsubscribe(tokens.Create(subscription.Id)));
    }

    private async Task<List<DigestDocument>> NewDocumentsAsync(
        DigestPeriod period, List<int> actorIds, List<int>? topicIds, CancellationToken cancellationToken)
    {
        var query = db.Documents.AsNoTracking().Where(d => d.CreatedAt >= period.Start && d.CreatedAt < period.End);
        if (actorIds.Count > 0)
        {
            query = query.Where(d => d.Signatories.Any(s => actorIds.Contains(s.ActorId)));
        }

        if (topicIds is not null)
        {
            query = query.Where(d => d.Claims.Any(c => c.Status == ClaimStatus.Accepted && topicIds.Contains(c.TopicId)));
        }

        var rows = await query
            .OrderBy(d => d.IssuedOn).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Title, d.IssuedOn, Signatories = d.Signatories.OrderBy(s => s.Position).Select(s => s.ActorId).ToList() })
            .ToListAsync(cancellationToken);
        var names = await ActorNamesAsync(rows.SelectMany(r => r.Signatories), cancellationToken);
        return rows
            .Select(r => new DigestDocument(r.Id, r.Title, r.IssuedOn, string.Join(", ", r.Signatories.Select(s => names[s])), links.Document(r.Id)))
            .ToList();
    }

    private async Task<List<NewClaim>> NewClaimsAsync(DigestPeriod period, List<int> actorIds, List<int>? topicIds, CancellationToken cancellationToken)
    {
        var query = db.Claims.AsNoTracking()
            .Where(c => c.Status == ClaimStatus.Accepted && c.CuratedAt >= period.Start && c.CuratedAt < period.End);
        if (actorIds.Count > 0)
        {
            query = query.Where(c => c.Holders.Any(h => actorIds.Contains(h.ActorId)));
        }

        if (topicIds is not null)
        {
            query = query.Where(c => topicIds.Contains(c.TopicId));
        }

        var rows = await query
            .OrderBy(c => c.Document!.IssuedOn).ThenBy(c => c.DocumentId).ThenBy(c => c.Start)
            .Select(c => new NewClaim(
                c.Id, c.DocumentId, c.Document!.Title, c.Document.IssuedOn, c.TopicId, c.Topic!.Slug, c.Topic.Slug,
                c.Stance, c.Intensity, c.Negated, c.Start, c.Exact, c.Holders.Select(h => h.ActorId).ToList()))
            .ToListAsync(cancellationToken);

        var topicNames = await db.TopicAliases.AsNoTracking()
            .Where(a => a.IsName && a.Language == Languages.English && rows.Select(r => r.TopicId).Contains(a.TopicId))
            .ToDictionaryAsync(a => a.TopicId, a => a.Text, cancellationToken);
        return rows.Select(r => r with { TopicLabel = topicNames.GetValueOrDefault(r.TopicId, r.TopicSlug) }).ToList();
    }

    /// <summary>
    /// Labels each (holder, claim) against the holder's position on the topic just before the claim. One query
    /// reads every accepted claim of the holders on the topics concerned; the rest happens in memory.
    /// </summary>
    private async Task<List<(NewClaim Claim, DigestItem Item)>> LabelAsync(List<NewClaim> claims, List<int> actorIds, CancellationToken cancellationToken)
    {
        var pairs = claims
            .SelectMany(c => c.HolderIds.Where(h => actorIds.Count == 0 || actorIds.Contains(h)).Select(h => (Holder: h, Claim: c)))
            .ToList();
        var holderIds = pairs.Select(p => p.Holder).Distinct().ToList();
        var topicIds = claims.Select(c => c.TopicId).Distinct().ToList();
        var history = await db.ClaimHolders.AsNoTracking()
            .Where(h => holderIds.Contains(h.ActorId))
            .Join(
                db.Claims.Where(c => c.Status == ClaimStatus.Accepted && topicIds.Contains(c.TopicId)),
                h => h.ClaimId,
                c => c.Id,
                (h, c) => new { h.ActorId, Position = new PositionClaim(c.Id, c.DocumentId, c.Document!.IssuedOn, c.TopicId, c.Stance, c.Intensity, c.Negated, c.Start) })
            .ToListAsync(cancellationToken);
        var byHolderTopic = history.ToLookup(h => (h.ActorId, h.Position.TopicId), h => h.Position);
        var names = await ActorNamesAsync(holderIds, cancellationToken);

        var result = new List<(NewClaim, DigestItem)>();
        foreach (var (holder, claim) in pairs)
        {
            var current = new PositionClaim(claim.Id, claim.DocumentId, claim.IssuedOn, claim.TopicId, claim.Stance, claim.Intensity, claim.Negated, claim.Start);
            var before = PositionRules.Latest(byHolderTopic[(holder, claim.TopicId)]
                .Where(p => p.DocumentId != claim.DocumentId && PositionRules.Order(p, current) < 0));
            var change = PositionChanges.Between(before, current) ?? PositionChange.Reaffirmed;
            result.Add((claim, new DigestItem(
                names[holder], claim.Stance.Code(), before?.Stance.Code(), change.Code(), claim.Quote, claim.DocumentTitle, claim.IssuedOn,
                links.Claim(claim.DocumentId, claim.Id))));
        }

        return result;
    }

    private async Task<Dictionary<int, string>> ActorNamesAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var actors = await db.Actors.AsNoTracking().Include(a => a.Aliases).Where(a => wanted.Contains(a.Id)).ToListAsync(cancellationToken);
        return actors.ToDictionary(a => a.Id, a => a.DisplayName());
    }

    private sealed record NewClaim(
        int Id, int DocumentId, string DocumentTitle, DateOnly IssuedOn, int TopicId, string TopicSlug, string TopicLabel,
        Stance Stance, int Intensity, bool Negated, int Start, string Quote, List<int> HolderIds);
}
