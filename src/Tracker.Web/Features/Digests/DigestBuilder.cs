using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain;
using Tracker.Domain.Claims;
using Tracker.Domain.Comparison;
using Tracker.Domain.Digests;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Digests;

/// <summary>
/// Finds what changed in a period — documents added, claims accepted, and how each claim moved its holder's
/// position on the topic (the codebook's change labels) — once per period, then cuts it to each subscriber's
/// filter in memory: ten thousand subscribers cost one set of queries, not ten thousand.
/// </summary>
public sealed class DigestBuilder(TrackerDbContext db, AppLinks links, UnsubscribeTokens tokens)
{
    /// <summary>One subscriber's digest (the preview, and any single digest).</summary>
    public async Task<Digest> BuildAsync(Subscription subscription, DigestPeriod period, CancellationToken cancellationToken) =>
        Build(subscription, await LoadAsync(period, cancellationToken));

    /// <summary>The subscriber's share of the period's changes.</summary>
    public Digest Build(Subscription subscription, PeriodChanges changes)
    {
        var actors = subscription.Actors.Select(a => a.ActorId).ToHashSet();
        var topics = subscription.Topics.Count == 0 ? null : changes.Subtrees(subscription.Topics.Select(t => t.TopicId));

        var documents = changes.Documents
            .Where(d => actors.Count == 0 || d.SignatoryIds.Overlaps(actors))
            .Where(d => topics is null || d.TopicIds.Overlaps(topics))
            .Select(d => d.Document)
            .ToList();
        var items = changes.Items
            .Where(i => actors.Count == 0 || actors.Contains(i.HolderId))
            .Where(i => topics is null || topics.Contains(i.TopicId))
            .Where(i => !subscription.ChangesOnly || i.Item.Change != PositionChange.Reaffirmed.Code())
            .ToList();
        var groups = items
            .GroupBy(i => (i.TopicSlug, i.TopicLabel))
            .OrderBy(g => g.Key.TopicLabel, StringComparer.Ordinal)
            .Select(g => new DigestTopic(g.Key.TopicSlug, g.Key.TopicLabel, Joint(g).ToList()))
            .ToList();
        var newCommitments = items.Where(i => i.Stance == Stance.Commits).Select(i => i.ClaimId).Distinct().Count();

        return new Digest(changes.Period, subscription.Email, documents, groups, newCommitments, links.Unsubscribe(tokens.Create(subscription.Id)));
    }

    /// <summary>
    /// A joint statement's claim is one item for all the subscriber's holders that it moved alike ("China, Russia:
    /// new, opposes"), not the same quote once per holder.
    /// </summary>
    private static IEnumerable<DigestItem> Joint(IEnumerable<PeriodItem> items) =>
        items.GroupBy(i => (i.ClaimId, i.Item.Change, i.Item.PreviousStance, i.Item.PreviousNegated))
            .Select(same => same.Skip(1).Any()
                ? same.First().Item with { Holder = string.Join(", ", same.Select(i => i.Item.Holder)) }
                : same.First().Item);

    /// <summary>Everything that changed in the period, for every actor and topic.</summary>
    public async Task<PeriodChanges> LoadAsync(DigestPeriod period, CancellationToken cancellationToken)
    {
        var tree = await db.Topics.AsNoTracking().Select(t => new { t.Id, t.ParentId }).ToListAsync(cancellationToken);
        var children = tree.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value, t => t.Id);

        var documentRows = await db.Documents.AsNoTracking()
            .Where(d => d.CreatedAt >= period.Start && d.CreatedAt < period.End)
            .OrderBy(d => d.IssuedOn).ThenBy(d => d.Id)
            .Select(d => new
            {
                d.Id, d.Title, d.IssuedOn,
                Signatories = d.Signatories.OrderBy(s => s.Position).Select(s => s.ActorId).ToList(),
                Topics = d.Claims.Where(c => c.Status == ClaimStatus.Accepted).Select(c => c.TopicId).ToList(),
            })
            .ToListAsync(cancellationToken);

        var claims = await db.Claims.AsNoTracking()
            .Where(c => c.Status == ClaimStatus.Accepted && c.CuratedAt >= period.Start && c.CuratedAt < period.End)
            .OrderBy(c => c.Document!.IssuedOn).ThenBy(c => c.DocumentId).ThenBy(c => c.Start)
            .Select(c => new NewClaim(
                c.Id, c.DocumentId, c.Document!.Title, c.Document.IssuedOn, c.TopicId, c.Topic!.Slug,
                c.Stance, c.Intensity, c.Negated, c.Start, c.Exact, c.Holders.Select(h => h.ActorId).ToList()))
            .ToListAsync(cancellationToken);

        var topicIds = claims.Select(c => c.TopicId).Distinct().ToList();
        var topicNames = await db.TopicAliases.AsNoTracking()
            .Where(a => a.IsName && a.Language == Languages.English && topicIds.Contains(a.TopicId))
            .ToDictionaryAsync(a => a.TopicId, a => a.Text, cancellationToken);
        var names = await ActorNamesAsync(documentRows.SelectMany(d => d.Signatories).Concat(claims.SelectMany(c => c.HolderIds)), cancellationToken);

        var documents = documentRows
            .Select(d => new PeriodDocument(
                new DigestDocument(d.Id, d.Title, d.IssuedOn, string.Join(", ", d.Signatories.Select(s => names[s])), links.Document(d.Id)),
                d.Signatories.ToHashSet(),
                d.Topics.ToHashSet()))
            .ToList();
        var items = await LabelAsync(claims, topicNames, names, cancellationToken);
        return new PeriodChanges(period, documents, items, children);
    }

    /// <summary>
    /// Labels each (holder, claim) against the holder's position on the topic just before the claim's document.
    /// One query reads every accepted claim of those holders on those topics; the rest happens in memory.
    /// </summary>
    private async Task<List<PeriodItem>> LabelAsync(
        List<NewClaim> claims, Dictionary<int, string> topicNames, Dictionary<int, string> names, CancellationToken cancellationToken)
    {
        var holderIds = claims.SelectMany(c => c.HolderIds).Distinct().ToList();
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

        var items = new List<PeriodItem>();
        foreach (var claim in claims)
        {
            var current = new PositionClaim(claim.Id, claim.DocumentId, claim.IssuedOn, claim.TopicId, claim.Stance, claim.Intensity, claim.Negated, claim.Start);
            foreach (var holder in claim.HolderIds)
            {
                var before = PositionRules.Latest(byHolderTopic[(holder, claim.TopicId)]
                    .Where(p => p.DocumentId != claim.DocumentId && PositionRules.Order(p, current) < 0));
                var change = PositionChanges.Between(before, current) ?? PositionChange.Reaffirmed;
                items.Add(new PeriodItem(
                    holder, claim.TopicId, claim.TopicSlug, topicNames.GetValueOrDefault(claim.TopicId, claim.TopicSlug), claim.Id, claim.Stance,
                    new DigestItem(
                        names[holder], claim.Stance.Code(), claim.Negated, before?.Stance.Code(), before?.Negated ?? false, change.Code(), claim.Quote, claim.DocumentTitle, claim.IssuedOn,
                        links.Claim(claim.DocumentId, claim.Id))));
            }
        }

        return items;
    }

    private async Task<Dictionary<int, string>> ActorNamesAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var actors = await db.Actors.AsNoTracking().Include(a => a.Aliases).Where(a => wanted.Contains(a.Id)).ToListAsync(cancellationToken);
        return actors.ToDictionary(a => a.Id, a => a.DisplayName());
    }

    private sealed record NewClaim(
        int Id, int DocumentId, string DocumentTitle, DateOnly IssuedOn, int TopicId, string TopicSlug,
        Stance Stance, int Intensity, bool Negated, int Start, string Quote, List<int> HolderIds);
}

/// <summary>What changed in one period, before it is cut to any subscriber's filter.</summary>
public sealed class PeriodChanges(DigestPeriod period, IReadOnlyList<PeriodDocument> documents, IReadOnlyList<PeriodItem> items, ILookup<int, int> children)
{
    public DigestPeriod Period => period;
    public IReadOnlyList<PeriodDocument> Documents => documents;
    public IReadOnlyList<PeriodItem> Items => items;

    /// <summary>The topics and everything below them: a subscription to "missile-defense" covers "golden-dome".</summary>
    public HashSet<int> Subtrees(IEnumerable<int> topicIds)
    {
        var result = new HashSet<int>();
        var pending = new Stack<int>(topicIds);
        while (pending.TryPop(out var id))
        {
            if (result.Add(id))
            {
                foreach (var child in children[id])
                {
                    pending.Push(child);
                }
            }
        }

        return result;
    }
}

public sealed record PeriodDocument(DigestDocument Document, HashSet<int> SignatoryIds, HashSet<int> TopicIds);

public sealed record PeriodItem(int HolderId, int TopicId, string TopicSlug, string TopicLabel, int ClaimId, Stance Stance, DigestItem Item);
