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
/// entry, without quotes or titles: what the chart draws. <c>Actors</c> are every actor of the timeline, by slug;
/// a point names its actor by its place in that list.
/// </summary>
public sealed record TimelineDto(
    TopicRef Topic,
    ActorRef? Actor,
    bool Rollup,
    int Total,
    int First,
    IReadOnlyList<TimelineEntryDto> Entries,
    IReadOnlyList<ActorRef> Actors,
    TimelinePointsDto Points);

/// <summary>
/// One step of one actor's position: a claim with its change label, or (change "dropped", no position) a
/// document the actor signed that is silent on the topic.
/// </summary>
public sealed record TimelineEntryDto(DateOnly IssuedOn, DocumentRef Document, ActorRef Actor, string Change, PositionDto? Position);

/// <summary>
/// Every entry in brief, for the chart, as columns of equal length (<c>Total</c>): point <c>i</c> is
/// <c>IssuedOn[i]</c>, <c>Actor[i]</c> (an index into the timeline's <c>Actors</c>), <c>DocumentId[i]</c>,
/// <c>Change[i]</c> and, unless the change is "dropped" (then null), <c>Stance[i]</c>, <c>Negated[i]</c>,
/// <c>Polarity[i]</c> and <c>Intensity[i]</c>. A busy timeline has thousands of points: as objects each one
/// repeated its field names and its actor's slug, which made most of the answer.
/// </summary>
public sealed record TimelinePointsDto(
    IReadOnlyList<DateOnly> IssuedOn,
    IReadOnlyList<int> Actor,
    IReadOnlyList<int> DocumentId,
    IReadOnlyList<string> Change,
    IReadOnlyList<string?> Stance,
    IReadOnlyList<bool?> Negated,
    IReadOnlyList<int?> Polarity,
    IReadOnlyList<int?> Intensity)
{
    [JsonIgnore]
    public int Count => IssuedOn.Count;
}

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
        PositionReader.DocumentRefsAsync(db, timeline.Points.DocumentId, cancellationToken);

    public async Task<TimelineDto> HandleAsync(TimelineRequest request, CancellationToken cancellationToken)
    {
        // One connection for the reads below: each open of a pooled connection runs the pragmas again.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var topic = (await directory.TopicsAsync(request.Topic, cancellationToken)).Single();
        var actor = (await directory.ActorsAsync(request.Actor, cancellationToken)).SingleOrDefault();
        var topicIds = request.Rollup ? await TopicTree.SubtreeAsync(db, topic.Id, cancellationToken) : [topic.Id];

        var held = await PositionReader.HeldClaimsAsync(
            db, new HeldClaimFilter(Actors: actor is null ? null : [actor.Id], Topics: topicIds), cancellationToken);
        var actorIds = held.Select(h => h.ActorId).Distinct().ToList();

        // Silence counts only where the actor signed: a document it is no party to says nothing about it. Only the
        // first day it signed after each day it spoke can be a silence (a topic is dropped once between two claims).
        var claimDays = held.GroupBy(h => h.ActorId).ToDictionary(g => g.Key, g => g.Select(h => h.Claim.IssuedOn).Distinct().Order().ToArray());
        var signed = await PositionReader.SignedAfterClaimsAsync(db, claimDays, cancellationToken);
        var signedBy = signed.ToLookup(s => s.ActorId, s => s.Document);

        // The actor and topic named were read with their names when the request was checked; only every actor's
        // timeline and a rolled-up topic need names read.
        var actors = actor is not null
            ? new Dictionary<int, ActorRef> { [actor.Id] = actor.ToRef() }
            : await PositionReader.ActorRefsAsync(db, actorIds, cancellationToken);
        List<(int ActorId, TimelineStep Step)> steps;
        if (actorIds.Count == 1)
        {
            steps = PositionTimeline.Build(held.Select(h => h.Claim), signedBy[actorIds[0]]).Select(step => (actorIds[0], step)).ToList();
        }
        else
        {
            // One actor's steps come in date order already; several actors' are interleaved by date.
            steps = held.GroupBy(h => h.ActorId)
                .SelectMany(g => PositionTimeline.Build(g.Select(h => h.Claim), signedBy[g.Key]).Select(step => (ActorId: g.Key, Step: step)))
                .OrderBy(s => s.Step.IssuedOn).ThenBy(s => s.Step.DocumentId).ThenBy(s => s.Step.Claim?.Start ?? int.MaxValue)
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
        var listed = actorIds.Select(id => actors[id]).OrderBy(a => a.Slug, StringComparer.Ordinal).ToList();
        return new TimelineDto(
            topics[topic.Id], actor is null ? null : actors[actor.Id], request.Rollup, steps.Count, first, entries, listed, Points(steps, actors, listed));
    }

    /// <summary>Every step as the chart's columns; the change and stance codes are shared constants.</summary>
    private static TimelinePointsDto Points(List<(int ActorId, TimelineStep Step)> steps, Dictionary<int, ActorRef> actors, List<ActorRef> listed)
    {
        var place = actors.ToDictionary(a => a.Key, a => listed.IndexOf(a.Value));
        var count = steps.Count;
        var (issuedOn, actor, documentId, change) = (new DateOnly[count], new int[count], new int[count], new string[count]);
        var (stance, negated, polarity, intensity) = (new string?[count], new bool?[count], new int?[count], new int?[count]);
        for (var i = 0; i < count; i++)
        {
            var (actorId, step) = steps[i];
            (issuedOn[i], actor[i], documentId[i], change[i]) = (step.IssuedOn, place[actorId], step.DocumentId, step.Change.Code());
            if (step.Claim is { } claim)
            {
                (stance[i], negated[i], polarity[i], intensity[i]) = (claim.Stance.Code(), claim.Negated, claim.Polarity, claim.Intensity);
            }
        }

        return new TimelinePointsDto(issuedOn, actor, documentId, change, stance, negated, polarity, intensity);
    }
}
