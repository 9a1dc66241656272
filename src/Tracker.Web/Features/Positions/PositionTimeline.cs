using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Comparison;
using Tracker.Web.Features.Actors;
using Tracker.Web.Features.Topics;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Positions;

/// <summary>One actor's position on one topic over time; without an actor, every actor's.</summary>
public sealed record TimelineRequest(string? Actor, string? Topic, bool Rollup = false);

public sealed class TimelineRequestValidator : AbstractValidator<TimelineRequest>
{
    public TimelineRequestValidator(NameDirectory directory)
    {
        RuleFor(x => x.Topic).NotEmpty().WithMessage("Name the topic (slug or any alias).");
        RuleFor(x => x.Topic).NamesTopics(directory, 1).When(x => !string.IsNullOrWhiteSpace(x.Topic));
        RuleFor(x => x.Actor).NamesActors(directory, 1);
    }
}

public sealed record TimelineDto(TopicRef Topic, ActorRef? Actor, bool Rollup, IReadOnlyList<TimelineEntryDto> Entries);

/// <summary>
/// One step of one actor's position: a claim with its change label, or (change "dropped", no position) a
/// document the actor signed that is silent on the topic.
/// </summary>
public sealed record TimelineEntryDto(DateOnly IssuedOn, DocumentRef Document, ActorRef Actor, string Change, PositionDto? Position);

public sealed class PositionTimelineHandler(TrackerDbContext db, NameDirectory directory)
{
    public async Task<TimelineDto> HandleAsync(TimelineRequest request, CancellationToken cancellationToken)
    {
        var topic = (await directory.TopicsAsync(request.Topic, cancellationToken)).Single();
        var actor = (await directory.ActorsAsync(request.Actor, cancellationToken)).SingleOrDefault();
        var topicIds = request.Rollup ? await TopicTree.SubtreeAsync(db, topic.Id, cancellationToken) : [topic.Id];

        var held = await PositionReader.HeldClaimsAsync(
            db, new HeldClaimFilter(Actors: actor is null ? null : [actor.Id], Topics: topicIds), cancellationToken);
        var actorIds = held.Select(h => h.ActorId).Distinct().ToList();

        // Silence counts only where the actor signed: a document it is no party to says nothing about it.
        // Nothing signed before the first claim can be a silence, which keeps the read short for prolific actors.
        var firstClaim = held.Count == 0 ? DateOnly.MaxValue : held.Min(h => h.Claim.IssuedOn);
        var signed = await db.DocumentSignatories.AsNoTracking()
            .Where(s => EF.Parameter(actorIds).Contains(s.ActorId))
            .Join(db.Documents.Where(d => d.IssuedOn > firstClaim), s => s.DocumentId, d => d.Id, (s, d) => new { s.ActorId, d.Id, d.IssuedOn })
            .ToListAsync(cancellationToken);
        var signedBy = signed.ToLookup(s => s.ActorId, s => new SignedDocument(s.Id, s.IssuedOn));

        var steps = held.GroupBy(h => h.ActorId)
            .SelectMany(g => PositionTimeline.Build(g.Select(h => h.Claim), signedBy[g.Key]).Select(step => (ActorId: g.Key, Step: step)))
            .ToList();

        var claims = steps.Where(s => s.Step.Claim is not null).Select(s => s.Step.Claim!).ToList();
        var texts = await PositionReader.TextsAsync(db, claims.Select(c => c.ClaimId), cancellationToken);
        var topics = await PositionReader.TopicRefsAsync(db, claims.Select(c => c.TopicId).Append(topic.Id), cancellationToken);
        var actors = await PositionReader.ActorRefsAsync(db, actorIds.Append(actor?.Id ?? 0), cancellationToken);
        var documents = await PositionReader.DocumentRefsAsync(db, steps.Select(s => s.Step.DocumentId), cancellationToken);

        var entries = steps
            .OrderBy(s => s.Step.IssuedOn).ThenBy(s => s.Step.DocumentId).ThenBy(s => s.Step.Claim?.Start ?? int.MaxValue).ThenBy(s => actors[s.ActorId].Slug, StringComparer.Ordinal)
            .Select(s => new TimelineEntryDto(
                s.Step.IssuedOn,
                documents[s.Step.DocumentId],
                actors[s.ActorId],
                s.Step.Change.Code(),
                s.Step.Claim is { } c ? c.ToDto(texts[c.ClaimId], topics[c.TopicId]) : null))
            .ToList();
        return new TimelineDto(topics[topic.Id], actor is null ? null : actors[actor.Id], request.Rollup, entries);
    }
}
