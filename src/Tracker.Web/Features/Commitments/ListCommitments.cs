using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Claims;
using Tracker.Domain.Commitments;
using Tracker.Domain.Comparison;
using Tracker.Web.Features.Positions;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Commitments;

/// <summary>Commitments by holder, topic (with subtopics), lifecycle status, and past due.</summary>
public sealed record CommitmentFilter(string? Actor, string? Topic, string? Status, bool? Overdue);

public sealed class CommitmentFilterValidator : AbstractValidator<CommitmentFilter>
{
    public CommitmentFilterValidator(NameDirectory directory)
    {
        RuleFor(x => x.Actor).NamesActors(directory, 1);
        RuleFor(x => x.Topic).NamesTopics(directory, 1);
        RuleFor(x => x.Status).Must(s => s is null || CommitmentStatuses.TryParse(s, out _))
            .WithMessage("Status is one of: made, reaffirmed, kept, broken, stalled.");
    }
}

public static class CommitmentStatuses
{
    public static bool TryParse(string? code, out CommitmentStatus status) =>
        Enum.TryParse(code, ignoreCase: true, out status) && !int.TryParse(code, out _);
}

public sealed class ListCommitmentsHandler(TrackerDbContext db, NameDirectory directory, TimeProvider clock)
{
    private static readonly Stance[] Repeating = [Stance.Commits, Stance.Reaffirms];

    public async Task<List<CommitmentDto>> ListAsync(CommitmentFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Commitments.AsNoTracking().Where(c => c.Claim!.Status == ClaimStatus.Accepted);
        if ((await directory.ActorsAsync(filter.Actor, cancellationToken)).SingleOrDefault() is { } actor)
        {
            query = query.Where(c => c.Claim!.Holders.Any(h => h.ActorId == actor.Id));
        }

        if ((await directory.TopicsAsync(filter.Topic, cancellationToken)).SingleOrDefault() is { } topic)
        {
            var ids = await TopicTree.SubtreeAsync(db, topic.Id, cancellationToken);
            query = query.Where(c => ids.Contains(c.Claim!.TopicId));
        }

        var all = await BuildAsync(query, cancellationToken);

        // Status and overdue are derived per commitment, so these two filters apply after the build.
        return all
            .Where(c => !CommitmentStatuses.TryParse(filter.Status, out var status) || c.Status == status.Code())
            .Where(c => filter.Overdue is not { } overdue || c.Overdue == overdue)
            .ToList();
    }

    public async Task<CommitmentDto?> GetAsync(int id, CancellationToken cancellationToken) =>
        (await BuildAsync(db.Commitments.AsNoTracking().Where(c => c.Id == id), cancellationToken)).SingleOrDefault();

    private async Task<List<CommitmentDto>> BuildAsync(IQueryable<Commitment> query, CancellationToken cancellationToken)
    {
        var rows = await query
            .Select(c => new
            {
                c.Id,
                c.Status,
                c.DueOn,
                Claim = new PositionClaim(c.ClaimId, c.Claim!.DocumentId, c.Claim.Document!.IssuedOn, c.Claim.TopicId, c.Claim.Stance, c.Claim.Intensity, c.Claim.Negated, c.Claim.Start),
                c.Claim.Exact,
                Holders = c.Claim.Holders.Select(h => h.ActorId).ToList(),
            })
            .ToListAsync(cancellationToken);
        var commitmentIds = rows.Select(r => r.Id).ToList();
        var evidence = (await db.CommitmentEvidence.AsNoTracking().Where(e => commitmentIds.Contains(e.CommitmentId)).OrderBy(e => e.Id).ToListAsync(cancellationToken))
            .ToLookup(e => e.CommitmentId);

        // Candidates for "repeated later": one read of every commits/reaffirms claim by these holders on these topics.
        var holderIds = rows.SelectMany(r => r.Holders).Distinct().ToList();
        var topicIds = rows.Select(r => r.Claim.TopicId).Distinct().ToList();
        var candidates = await PositionReader.HeldClaimsAsync(db, new HeldClaimFilter(Actors: holderIds, Topics: topicIds, Stances: Repeating), cancellationToken);
        var candidatesByTopic = candidates.ToLookup(h => h.Claim.TopicId);

        var reaffirmations = rows.ToDictionary(r => r.Id, r => candidatesByTopic[r.Claim.TopicId]
            .Where(h => r.Holders.Contains(h.ActorId) && h.Claim.DocumentId != r.Claim.DocumentId && PositionRules.Order(h.Claim, r.Claim) > 0)
            .GroupBy(h => h.Claim.ClaimId)
            .Select(g => (Claim: g.First().Claim, By: g.Select(h => h.ActorId).ToList()))
            .OrderBy(x => x.Claim.IssuedOn).ThenBy(x => x.Claim.DocumentId).ThenBy(x => x.Claim.Start)
            .ToList());

        var shownClaims = rows.Select(r => r.Claim).Concat(reaffirmations.Values.SelectMany(x => x.Select(y => y.Claim))).ToList();
        var texts = await PositionReader.TextsAsync(db, shownClaims.Select(c => c.ClaimId), cancellationToken);
        var topics = await PositionReader.TopicRefsAsync(db, topicIds, cancellationToken);
        var actors = await PositionReader.ActorRefsAsync(db, holderIds, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        return rows
            .OrderBy(r => r.Claim.IssuedOn).ThenBy(r => r.Claim.DocumentId).ThenBy(r => r.Claim.Start).ThenBy(r => r.Id)
            .Select(r =>
            {
                var status = CommitmentLifecycle.Status(r.Status, reaffirmations[r.Id].Count > 0);
                var due = r.DueOn ?? Deadlines.Find(r.Exact, r.Claim.IssuedOn);
                var text = texts[r.Claim.ClaimId];
                return new CommitmentDto(
                    r.Id,
                    status.Code(),
                    due,
                    CommitmentLifecycle.IsOverdue(status, due, today),
                    r.Claim.ClaimId,
                    r.Holders.Select(h => actors[h]).ToList(),
                    topics[r.Claim.TopicId],
                    new DocumentRef(r.Claim.DocumentId, text.DocumentTitle, r.Claim.IssuedOn),
                    text.Quote,
                    reaffirmations[r.Id].Select(x => new ReaffirmationDto(
                        x.Claim.ClaimId,
                        x.Claim.Stance.Code(),
                        x.By.Select(h => actors[h]).ToList(),
                        new DocumentRef(x.Claim.DocumentId, texts[x.Claim.ClaimId].DocumentTitle, x.Claim.IssuedOn),
                        texts[x.Claim.ClaimId].Quote)).ToList(),
                    evidence[r.Id].Select(e => e.ToDto()).ToList());
            })
            .ToList();
    }
}
