using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Claims;
using Tracker.Domain.Comparison;
using Tracker.Web.Features.Actors;
using Tracker.Web.Features.Topics;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Positions;

/// <summary>
/// One actor's position on one topic over time; without an actor, every actor's. The entries come a page at a
/// time, latest first: <paramref name="Limit"/> of them (default 100) ending just before entry number
/// <paramref name="Before"/> (default: the end). Change labels are computed over the whole history either way.
/// </summary>
public sealed record TimelineRequest(string? Actor, string? Topic, bool Rollup = false, int? Before = null, int? Limit = null);

public sealed class TimelineRequestValidator : AbstractValidator<TimelineRequest>
{
    public TimelineRequestValidator(NameDirectory directory)
    {
        RuleFor(x => x.Topic).NotEmpty().WithMessage("Name the topic (slug or any alias).");
        RuleFor(x => x.Topic).NamesTopics(directory, 1).When(x => !string.IsNullOrWhiteSpace(x.Topic));
        RuleFor(x => x.Actor).NamesActors(directory, 1);
        RuleFor(x => x.Before).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Limit).InclusiveBetween(1, PositionTimelineHandler.MaxLimit);
    }
}

/// <summary>
/// A page of the timeline: <c>Entries</c> are entries number <c>First</c> up to <c>First + Entries.Count</c>
/// of <c>Total</c>, in date order (ask for the earlier ones with <c>before=First</c>). <c>Points</c> hold every
/// entry, without quotes or titles: what the chart draws.
/// </summary>
public sealed record TimelineDto(
    TopicRef Topic,
    ActorRef? Actor,
    bool Rollup,
    int Total,
    int First,
    IReadOnlyList<TimelineEntryDto> Entries,
    IReadOnlyList<ActorRef> Actors,
    IReadOnlyList<TimelinePointDto> Points);

/// <summary>
/// One step of one actor's position: a claim with its change label, or (change "dropped", no position) a
/// document the actor signed that is silent on the topic.
/// </summary>
public sealed record TimelineEntryDto(DateOnly IssuedOn, DocumentRef Document, ActorRef Actor, string Change, PositionDto? Position);

/// <summary>Every entry in brief, for the chart: the actor's slug, the document, the change and (unless dropped) the position.</summary>
public sealed record TimelinePointDto(
    DateOnly IssuedOn,
    string Actor,
    int DocumentId,
    string Change,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Stance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Negated,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Polarity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Intensity);

public sealed class PositionTimelineHandler(TrackerDbContext db, NameDirectory directory)
{
    // A page holds what a reader scans; quotes and titles are read for it alone, the chart gets every point.
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>
    /// The documents every point cites, with their titles: the page's chart names them in its tooltips. The API's
    /// points carry only ids (a busy timeline has thousands), so a page reads them apart.
    /// </summary>
    public Task<Dictionary<int, DocumentRef>> DocumentsOfAsync(TimelineDto timeline, CancellationToken cancellationToken) =>
        PositionReader.DocumentRefsAsync(db, timeline.Points.Select(p => p.DocumentId), cancellationToken);

    public async Task<TimelineDto> HandleAsync(TimelineRequest request, CancellationToken cancellationToken)
    {
        // One connection for the eight reads below: each open of a pooled connection runs the pragmas again.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var topic = (await directory.TopicsAsync(request.Topic, cancellationToken)).Single();
        var actor = (await directory.ActorsAsync(request.Actor, cancellationToken)).SingleOrDefault();
        var topicIds = request.Rollup ? await TopicTree.SubtreeAsync(db, topic.Id, cancellationToken) : [topic.Id];

        var held = await PositionReader.HeldClaimsAsync(
            db, new HeldClaimFilter(Actors: actor is null ? null : [actor.Id], Topics: topicIds), cancellationToken);
        var actorIds = held.Select(h => h.ActorId).Distinct().ToList();

        // Silence counts only where the actor signed: a document it is no party to says nothing about it.
        // Nothing signed before the first claim can be a silence, which keeps the read short for prolific actors.
        // Signatures carry their document's date, so this is one range of the (actor, date) index, no document read.
        var firstClaim = held.Count == 0 ? DateOnly.MaxValue : held.Min(h => h.Claim.IssuedOn);
        var signed = await PositionReader.SignedAfterAsync(db, actorIds, firstClaim, cancellationToken);
        var signedBy = signed.ToLookup(s => s.ActorId, s => s.Document);

        // The actor and topic named were read with their names when the request was checked; only every actor's
        // timeline and a rolled-up topic need names read.
        var actors = actor is not null
            ? new Dictionary<int, ActorRef> { [actor.Id] = actor.ToRef() }
            : await PositionReader.ActorRefsAsync(db, actorIds, cancellationToken);
        var steps = held.GroupBy(h => h.ActorId)
            .SelectMany(g => PositionTimeline.Build(g.Select(h => h.Claim), signedBy[g.Key]).Select(step => (ActorId: g.Key, Step: step)))
            .ToList();
        if (actorIds.Count > 1)
        {
            // One actor's steps come in this order already; several actors' are interleaved by date.
            steps = steps.OrderBy(s => s.Step.IssuedOn).ThenBy(s => s.Step.DocumentId).ThenBy(s => s.Step.Claim?.Start ?? int.MaxValue)
                .ThenBy(s => actors[s.ActorId].Slug, StringComparer.Ordinal).ToList();
        }

        var end = Math.Min(request.Before ?? steps.Count, steps.Count);
        var first = Math.Max(0, end - (request.Limit ?? DefaultLimit));
        var page = steps[first..end];
        var claims = page.Where(s => s.Step.Claim is not null).Select(s => s.Step.Claim!).ToList();
        var texts = await PositionReader.TextsAsync(db, claims.Select(c => c.ClaimId), cancellationToken);
        var topics = request.Rollup
            ? await PositionReader.TopicRefsAsync(db, claims.Select(c => c.TopicId).Append(topic.Id), cancellationToken)
            : new Dictionary<int, TopicRef> { [topic.Id] = topic.ToRef() };
        var documents = await PositionReader.DocumentRefsAsync(db, page.Select(s => s.Step.DocumentId), cancellationToken);

        var entries = page
            .Select(s => new TimelineEntryDto(
                s.Step.IssuedOn,
                documents[s.Step.DocumentId],
                actors[s.ActorId],
                s.Step.Change.Code(),
                s.Step.Claim is { } c ? c.ToDto(texts[c.ClaimId], topics[c.TopicId]) : null))
            .ToList();
        var points = steps
            .Select(s => new TimelinePointDto(
                s.Step.IssuedOn, actors[s.ActorId].Slug, s.Step.DocumentId, s.Step.Change.Code(),
                s.Step.Claim?.Stance.Code(), s.Step.Claim?.Negated, s.Step.Claim?.Polarity, s.Step.Claim?.Intensity))
            .ToList();
        return new TimelineDto(
            topics[topic.Id], actor is null ? null : actors[actor.Id], request.Rollup, steps.Count, first, entries,
            actorIds.Select(id => actors[id]).OrderBy(a => a.Slug, StringComparer.Ordinal).ToList(), points);
    }
}
