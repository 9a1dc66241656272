using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration.Attributes;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Comparison;
using Tracker.Web.Features.Actors;
using Tracker.Web.Features.Topics;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Positions;

/// <summary>
/// The actor × topic matrix: comma-separated slugs or aliases, an as-of date, rollup of subtopics.
/// <paramref name="AllActors"/> asks for every actor that has taken a position (busiest first) instead of naming
/// them.
/// </summary>
public sealed record MatrixRequest(string? Actors, string? Topics, string? AsOf, bool Rollup = false, bool AllActors = false);

public sealed class MatrixRequestValidator : AbstractValidator<MatrixRequest>
{
    public MatrixRequestValidator(NameDirectory directory)
    {
        RuleFor(x => x.Actors).NamesActors(directory, PositionMatrixHandler.MaxActors);
        RuleFor(x => x.Actors).Empty().When(x => x.AllActors).WithMessage("Name actors or ask for all of them (allActors=true), not both.");
        RuleFor(x => x.Topics).NamesTopics(directory, PositionMatrixHandler.MaxTopics);
        RuleFor(x => x.AsOf).IsDate();
    }
}

public sealed record PositionMatrixDto(
    DateOnly AsOf,
    bool Rollup,
    IReadOnlyList<ActorRef> Actors,
    IReadOnlyList<TopicRef> Topics,
    IReadOnlyList<MatrixRowDto> Rows);

/// <summary>One actor's positions, aligned with the matrix's topics; null where it has taken none.</summary>
public sealed record MatrixRowDto(ActorRef Actor, IReadOnlyList<PositionDto?> Positions);

public sealed class PositionMatrixHandler(TrackerDbContext db, NameDirectory directory, TimeProvider clock, AggregateCache cache)
{
    public const int MaxActors = 50;
    public const int MaxTopics = 100;

    // Without a choice the matrix shows the most active actors and topics, small enough to read on a screen.
    public const int DefaultActors = 10;
    public const int DefaultTopics = 20;

    /// <summary>The matrix; without <paramref name="quotes"/> the cells carry no quote and no document title.</summary>
    public async Task<PositionMatrixDto> HandleAsync(MatrixRequest request, CancellationToken cancellationToken, bool quotes = true)
    {
        var asOf = QueryRules.ParseDate(request.AsOf) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var named = (await directory.ActorsAsync(request.Actors, cancellationToken)).Select(a => (a.Id, Ref: a.ToRef())).ToList();
        var actorIds = named.Select(a => a.Id).ToList();
        if (actorIds.Count == 0)
        {
            actorIds = await MostActiveActorsAsync(asOf, request.AllActors ? int.MaxValue : DefaultActors, cancellationToken);
        }

        var namedTopics = (await directory.TopicsAsync(request.Topics, cancellationToken)).Select(t => (t.Id, Ref: t.ToRef())).ToList();
        var topicIds = namedTopics.Select(t => t.Id).ToList();
        if (topicIds.Count == 0)
        {
            topicIds = await DefaultTopicsAsync(actorIds, asOf, request.Rollup, cancellationToken);
        }

        // The same view (the default matrix, every actor) is asked for again and again between two changes of the
        // data: once asked for twice it is remembered until the next claim, document or audited edit (names included),
        // a few views at a time.
        var key = string.Create(CultureInfo.InvariantCulture, $"matrix:{asOf:yyyy-MM-dd}:{request.Rollup}:{quotes}:{string.Join(',', actorIds)}:{string.Join(',', topicIds)}");
        return await cache.GetRecentAsync(db, key, () => ComposeAsync(actorIds, topicIds, asOf, request.Rollup, quotes, named.ToDictionary(a => a.Id, a => a.Ref), namedTopics.ToDictionary(t => t.Id, t => t.Ref), cancellationToken), cancellationToken);
    }

    /// <param name="knownActors">Names already read (the actors and topics named in the request, resolved when it was checked).</param>
    private async Task<PositionMatrixDto> ComposeAsync(
        List<int> actorIds, List<int> topicIds, DateOnly asOf, bool rollup, bool quotes,
        Dictionary<int, ActorRef> knownActors, Dictionary<int, TopicRef> knownTopics, CancellationToken cancellationToken)
    {
        // One connection for the reads below: each open of a pooled connection runs the pragmas again.
        await db.Database.OpenConnectionAsync(cancellationToken);
        // Each claim's topic maps to every column it counts under: with rollup a "golden-dome" claim fills both
        // a "missile-defense" and a "golden-dome" column when both are asked for.
        var subtrees = rollup
            ? await TopicTree.SubtreesAsync(db, topicIds, cancellationToken)
            : topicIds.ToDictionary(id => id, id => new List<int> { id });
        var columnOf = topicIds.Select((id, column) => (id, column)).ToDictionary(x => x.id, x => x.column);
        var columnsOf = subtrees.SelectMany(s => s.Value.Select(member => (member, column: columnOf[s.Key]))).ToLookup(x => x.member, x => x.column);

        // The winner of each cell, chosen as the rows arrive: a row of cells per actor (never one large array or
        // dictionary of thousands of entries, which would go to the large object heap on every request).
        var held = await PositionReader.LatestHeldClaimsAsync(db, actorIds, columnsOf.Select(g => g.Key).ToList(), asOf, cancellationToken);
        var rowOf = actorIds.Select((id, row) => (id, row)).ToDictionary(x => x.id, x => x.row);
        var cells = actorIds.Select(_ => new PositionClaim?[topicIds.Count]).ToArray();
        foreach (var (actorId, claim) in held)
        {
            var row = cells[rowOf[actorId]];
            foreach (var column in columnsOf[claim.TopicId])
            {
                if (row[column] is not { } current || PositionRules.Order(claim, current) > 0)
                {
                    row[column] = claim;
                }
            }
        }

        var winners = cells.SelectMany(row => row).OfType<PositionClaim>().ToList();
        var texts = quotes ? await PositionReader.TextsAsync(db, winners.Select(p => p.ClaimId), cancellationToken) : null;
        // Names of what the request named were read when it was checked; the rest (the busiest actors and topics
        // chosen by default, a rolled-up claim's own topic) are read here.
        var topics = new Dictionary<int, TopicRef>(knownTopics);
        var unknownTopics = topicIds.Concat(winners.Select(p => p.TopicId)).Where(id => !topics.ContainsKey(id)).Distinct().ToList();
        if (unknownTopics.Count > 0)
        {
            foreach (var (id, topic) in await PositionReader.TopicRefsAsync(db, unknownTopics, cancellationToken))
            {
                topics[id] = topic;
            }
        }

        var actors = actorIds.All(knownActors.ContainsKey) ? knownActors : await PositionReader.ActorRefsAsync(db, actorIds, cancellationToken);

        var rows = new List<MatrixRowDto>(actorIds.Count);
        for (var r = 0; r < actorIds.Count; r++)
        {
            var positions = new PositionDto?[topicIds.Count];
            for (var column = 0; column < positions.Length; column++)
            {
                if (cells[r][column] is { } p)
                {
                    positions[column] = p.ToDto(texts?[p.ClaimId], topics[p.TopicId]);
                }
            }

            rows.Add(new MatrixRowDto(actors[actorIds[r]], positions));
        }

        return new PositionMatrixDto(asOf, rollup, actorIds.Select(id => actors[id]).ToList(), topicIds.Select(id => topics[id]).ToList(), rows);
    }

    public async Task WriteCsvAsync(PositionMatrixDto matrix, Stream output, CancellationToken cancellationToken)
    {
        var lines = matrix.Rows.SelectMany(row => row.Positions.Select((position, i) => MatrixCsvRow.From(row.Actor, matrix.Topics[i], position)));
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        await csv.WriteRecordsAsync(lines, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    private Task<List<int>> MostActiveActorsAsync(DateOnly asOf, int count, CancellationToken cancellationToken) =>
        cache.GetAsync(db, $"most-active-actors:{asOf:yyyy-MM-dd}:{count}", () => db.HeldPositions.AsNoTracking()
            .Where(p => p.IssuedOn <= asOf)
            .GroupBy(p => p.ActorId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key)
            .Take(count)
            .ToListAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// With rollup the roots of the taxonomy cover everything; without it, the topics the chosen actors speak
    /// on most.
    /// </summary>
    private async Task<List<int>> DefaultTopicsAsync(List<int> actorIds, DateOnly asOf, bool rollup, CancellationToken cancellationToken)
    {
        if (rollup)
        {
            return await db.Topics.AsNoTracking().Where(t => t.ParentId == null).OrderBy(t => t.Slug).Select(t => t.Id).Take(DefaultTopics).ToListAsync(cancellationToken);
        }

        return await cache.GetAsync(db, $"default-topics:{asOf:yyyy-MM-dd}:{string.Join(',', actorIds)}", () => db.HeldPositions.AsNoTracking()
            .Where(p => EF.Parameter(actorIds).Contains(p.ActorId) && p.IssuedOn <= asOf)
            .GroupBy(p => p.TopicId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key)
            .Take(DefaultTopics)
            .ToListAsync(cancellationToken), cancellationToken);
    }
}

/// <summary>One cell of the matrix per line, empty cells included, so a pivot table rebuilds the grid.</summary>
public sealed record MatrixCsvRow(
    [property: Name("actor")] string Actor,
    [property: Name("topic")] string Topic,
    [property: Name("stance")] string Stance,
    [property: Name("polarity")] int? Polarity,
    [property: Name("intensity")] int? Intensity,
    [property: Name("negated")] bool? Negated,
    [property: Name("claim_topic")] string ClaimTopic,
    [property: Name("issued_on")] string IssuedOn,
    [property: Name("document_id")] int? DocumentId,
    [property: Name("document_title")] string DocumentTitle,
    [property: Name("claim_id")] int? ClaimId,
    [property: Name("quote")] string Quote)
{
    public static MatrixCsvRow From(ActorRef actor, TopicRef topic, PositionDto? p) => new(
        actor.Slug, topic.Slug, p?.Stance ?? "", p?.Polarity, p?.Intensity, p?.Negated, p?.Topic.Slug ?? "",
        p?.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", p?.Document.Id, p?.Document.Title ?? "", p?.ClaimId, p?.Quote ?? "");
}
