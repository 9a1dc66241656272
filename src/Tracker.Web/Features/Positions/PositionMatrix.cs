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
        var actorIds = (await directory.ActorsAsync(request.Actors, cancellationToken)).Select(a => a.Id).ToList();
        if (actorIds.Count == 0)
        {
            actorIds = await MostActiveActorsAsync(asOf, request.AllActors ? int.MaxValue : DefaultActors, cancellationToken);
        }

        var topicIds = (await directory.TopicsAsync(request.Topics, cancellationToken)).Select(t => t.Id).ToList();
        if (topicIds.Count == 0)
        {
            topicIds = await DefaultTopicsAsync(actorIds, asOf, request.Rollup, cancellationToken);
        }

        // The same view (the default matrix, every actor) is asked for again and again between two changes of the
        // data: it is remembered until the next claim, document or audited edit (names included), a few views at a time.
        var key = string.Create(CultureInfo.InvariantCulture, $"matrix:{asOf:yyyy-MM-dd}:{request.Rollup}:{quotes}:{string.Join(',', actorIds)}:{string.Join(',', topicIds)}");
        return await cache.GetRecentAsync(db, key, () => ComposeAsync(actorIds, topicIds, asOf, request.Rollup, quotes, cancellationToken), cancellationToken);
    }

    private async Task<PositionMatrixDto> ComposeAsync(List<int> actorIds, List<int> topicIds, DateOnly asOf, bool rollup, bool quotes, CancellationToken cancellationToken)
    {
        // One connection for the reads below: each open of a pooled connection runs the pragmas again.
        await db.Database.OpenConnectionAsync(cancellationToken);
        // Each claim's topic maps to every column it counts under: with rollup a "golden-dome" claim fills both
        // a "missile-defense" and a "golden-dome" column when both are asked for.
        var subtrees = rollup
            ? await TopicTree.SubtreesAsync(db, topicIds, cancellationToken)
            : topicIds.ToDictionary(id => id, id => new List<int> { id });
        var columnsOf = subtrees.SelectMany(s => s.Value.Select(member => (member, column: s.Key))).ToLookup(x => x.member, x => x.column);

        var held = await PositionReader.LatestHeldClaimsAsync(db, actorIds, columnsOf.Select(g => g.Key).ToList(), asOf, cancellationToken);
        var positions = held
            .SelectMany(h => columnsOf[h.Claim.TopicId].Select(column => (h.ActorId, Column: column, h.Claim)))
            .GroupBy(x => (x.ActorId, x.Column))
            .ToDictionary(g => g.Key, g => PositionRules.Latest(g.Select(x => x.Claim))!);

        var texts = quotes ? await PositionReader.TextsAsync(db, positions.Values.Select(p => p.ClaimId), cancellationToken) : null;
        var topics = await PositionReader.TopicRefsAsync(db, topicIds.Concat(positions.Values.Select(p => p.TopicId)), cancellationToken);
        var actors = await PositionReader.ActorRefsAsync(db, actorIds, cancellationToken);

        var rows = actorIds.Select(actorId => new MatrixRowDto(
                actors[actorId],
                topicIds.Select(topicId => positions.TryGetValue((actorId, topicId), out var p) ? p.ToDto(texts?[p.ClaimId], topics[p.TopicId]) : null).ToList()))
            .ToList();
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
