using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Comparison;
using Tracker.Web.Features.Actors;
using Tracker.Web.Features.Positions;
using Tracker.Web.Features.Topics;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Compare;

public sealed record CompareRequest(int? From, int? To);

public sealed class CompareRequestValidator : AbstractValidator<CompareRequest>
{
    public CompareRequestValidator()
    {
        RuleFor(x => x.From).NotNull().WithMessage("Name the earlier document's id.");
        RuleFor(x => x.To).NotNull().WithMessage("Name the later document's id.");
        RuleFor(x => x.To).NotEqual(x => x.From).WithMessage("Compare two different documents.").When(x => x.From is not null);
    }
}

public sealed record DocumentDiffDto(DocumentRef From, DocumentRef To, IReadOnlyList<PositionDiffDto> Positions, IReadOnlyList<DroppedTopicDto> Dropped);

/// <summary>One holder on one topic: its position in each document, side by side, and how it changed.</summary>
public sealed record PositionDiffDto(ActorRef Holder, TopicRef Topic, string Change, PositionDto? Before, PositionDto? After);

/// <summary>A topic the earlier document addressed and the later one is silent on, with who fell silent.</summary>
public sealed record DroppedTopicDto(TopicRef Topic, IReadOnlyList<ActorRef> Holders);

public sealed class CompareDocumentsHandler(TrackerDbContext db)
{
    public async Task<DocumentDiffDto> HandleAsync(CompareRequest request, CancellationToken cancellationToken)
    {
        int fromId = request.From!.Value, toId = request.To!.Value;
        var documents = await PositionReader.DocumentRefsAsync(db, [fromId, toId], cancellationToken);
        foreach (var (id, field) in new[] { (fromId, "from"), (toId, "to") })
        {
            if (!documents.ContainsKey(id))
            {
                throw new NotFoundException($"No document {id} (the '{field}' document).");
            }
        }

        var held = await PositionReader.HeldClaimsAsync(db, new HeldClaimFilter(Documents: [fromId, toId]), cancellationToken);

        // A holder falls silent only in a document it is party to: a signatory, or a holder of any claim in it.
        var parties = (await db.DocumentSignatories.AsNoTracking().Where(s => s.DocumentId == toId).Select(s => s.ActorId).ToListAsync(cancellationToken))
            .Concat(held.Where(h => h.Claim.DocumentId == toId).Select(h => h.ActorId))
            .ToHashSet();

        var rows = held
            .GroupBy(h => (h.ActorId, h.Claim.TopicId))
            .Select(g => (
                g.Key.ActorId,
                g.Key.TopicId,
                Before: Strongest(g.Where(h => h.Claim.DocumentId == fromId)),
                After: Strongest(g.Where(h => h.Claim.DocumentId == toId))))
            .Where(r => r.After is not null || parties.Contains(r.ActorId))
            .Select(r => (r.ActorId, r.TopicId, r.Before, r.After, Change: PositionChanges.Between(r.Before, r.After)!.Value))
            .ToList();

        var claims = rows.SelectMany(r => new[] { r.Before, r.After }).OfType<PositionClaim>().ToList();
        var texts = await PositionReader.TextsAsync(db, claims.Select(c => c.ClaimId), cancellationToken);
        var topics = await PositionReader.TopicRefsAsync(db, rows.Select(r => r.TopicId), cancellationToken);
        var actors = await PositionReader.ActorRefsAsync(db, rows.Select(r => r.ActorId), cancellationToken);

        var positions = rows
            .OrderBy(r => topics[r.TopicId].Slug, StringComparer.Ordinal).ThenBy(r => actors[r.ActorId].Slug, StringComparer.Ordinal)
            .Select(r => new PositionDiffDto(
                actors[r.ActorId],
                topics[r.TopicId],
                r.Change.Code(),
                r.Before?.ToDto(texts[r.Before.ClaimId], topics[r.TopicId]),
                r.After?.ToDto(texts[r.After.ClaimId], topics[r.TopicId])))
            .ToList();
        var dropped = rows.Where(r => r.Change == PositionChange.Dropped)
            .GroupBy(r => r.TopicId)
            .Select(g => new DroppedTopicDto(topics[g.Key], g.Select(r => actors[r.ActorId]).OrderBy(a => a.Slug, StringComparer.Ordinal).ToList()))
            .OrderBy(d => d.Topic.Slug, StringComparer.Ordinal)
            .ToList();
        return new DocumentDiffDto(documents[fromId], documents[toId], positions, dropped);
    }

    private static PositionClaim? Strongest(IEnumerable<HeldClaim> claims) => PositionRules.Latest(claims.Select(h => h.Claim));
}
