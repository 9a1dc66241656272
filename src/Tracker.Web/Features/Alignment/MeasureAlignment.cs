using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Comparison;
using Tracker.Web.Features.Actors;
using Tracker.Web.Features.Positions;
using Tracker.Web.Features.Topics;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Alignment;

/// <summary>Agreement of two actors over a period; interval is "document" (a point per document date) or "year".</summary>
public sealed record AlignmentRequest(string? A, string? B, string? From, string? To, bool ExcludeCosigned = false, string? Interval = null);

public sealed class AlignmentRequestValidator : AbstractValidator<AlignmentRequest>
{
    public AlignmentRequestValidator(NameDirectory directory)
    {
        RuleFor(x => x.A).NotEmpty().WithMessage("Name the first actor (slug or any alias).");
        RuleFor(x => x.B).NotEmpty().WithMessage("Name the second actor (slug or any alias).");
        RuleFor(x => x.A).NamesActors(directory, 1);
        RuleFor(x => x.B).NamesActors(directory, 1);
        RuleFor(x => x.B).Must((request, b) => !string.Equals(request.A?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase))
            .WithMessage("Compare two different actors.")
            .When(x => !string.IsNullOrWhiteSpace(x.B));
        RuleFor(x => x.From).IsDate();
        RuleFor(x => x.To).IsDate();
        RuleFor(x => x.To).Must((request, to) => QueryRules.ParseDate(to) >= QueryRules.ParseDate(request.From))
            .WithMessage("The period ends before it starts.")
            .When(x => QueryRules.ParseDate(x.From) is not null && QueryRules.ParseDate(x.To) is not null);
        RuleFor(x => x.Interval).Must(i => i is null or "document" or "year").WithMessage("Interval is 'document' or 'year'.");
    }
}

public sealed record AlignmentDto(
    ActorRef A,
    ActorRef B,
    DateOnly? From,
    DateOnly? To,
    bool ExcludeCosigned,
    double? Score,
    int SharedTopics,
    IReadOnlyList<TopicAlignmentDto> Agree,
    IReadOnlyList<TopicAlignmentDto> Differ,
    int OnlyA,
    int OnlyB,
    IReadOnlyList<AlignmentPointDto> Series);

/// <summary>A shared topic with both positions side by side.</summary>
public sealed record TopicAlignmentDto(TopicRef Topic, double Distance, PositionDto A, PositionDto B);

public sealed record AlignmentPointDto(DateOnly Date, double? Score, int SharedTopics);

public sealed class MeasureAlignmentHandler(TrackerDbContext db, NameDirectory directory)
{
    public async Task<AlignmentDto> HandleAsync(AlignmentRequest request, CancellationToken cancellationToken)
    {
        var a = (await directory.ActorsAsync(request.A, cancellationToken)).Single();
        var b = (await directory.ActorsAsync(request.B, cancellationToken)).Single();
        DateOnly? from = QueryRules.ParseDate(request.From), to = QueryRules.ParseDate(request.To);

        var held = await PositionReader.HeldClaimsAsync(db, new HeldClaimFilter(Actors: [a.Id, b.Id], From: from, To: to), cancellationToken);
        if (request.ExcludeCosigned)
        {
            // A statement both signed shows them agreeing by construction; leaving it out shows what each says alone.
            var cosigned = (await db.DocumentSignatories.AsNoTracking()
                .Where(s => s.ActorId == a.Id)
                .Select(s => s.DocumentId)
                .Intersect(db.DocumentSignatories.Where(s => s.ActorId == b.Id).Select(s => s.DocumentId))
                .ToListAsync(cancellationToken)).ToHashSet();
            held = held.Where(h => !cosigned.Contains(h.Claim.DocumentId)).ToList();
        }

        var claimsA = held.Where(h => h.ActorId == a.Id).Select(h => h.Claim).ToList();
        var claimsB = held.Where(h => h.ActorId == b.Id).Select(h => h.Claim).ToList();
        var positionsA = Agreement.LatestByTopic(claimsA);
        var positionsB = Agreement.LatestByTopic(claimsB);
        var shared = positionsA.Keys.Where(positionsB.ContainsKey).ToList();
        var score = Agreement.Between(claimsA, claimsB);

        var dates = claimsA.Concat(claimsB).Select(c => c.IssuedOn).Distinct();
        if (request.Interval == "year")
        {
            // A year's point is the score at its end, or at the period's end for the last, unfinished year.
            dates = dates.Select(d => new DateOnly(d.Year, 12, 31)).Distinct().Select(d => to is { } t && t < d ? t : d);
        }

        var series = Agreement.Over(claimsA, claimsB, dates).Select(p => new AlignmentPointDto(p.Date, p.Score.Score, p.Score.SharedTopics)).ToList();

        var shown = shared.SelectMany(t => new[] { positionsA[t], positionsB[t] }).ToList();
        var texts = await PositionReader.TextsAsync(db, shown.Select(c => c.ClaimId), cancellationToken);
        var topics = await PositionReader.TopicRefsAsync(db, shared, cancellationToken);
        var rows = shared
            .Select(t => new TopicAlignmentDto(
                topics[t],
                Agreement.Distance(positionsA[t].Polarity, positionsB[t].Polarity),
                positionsA[t].ToDto(texts[positionsA[t].ClaimId], topics[t]),
                positionsB[t].ToDto(texts[positionsB[t].ClaimId], topics[t])))
            .OrderBy(r => r.Topic.Slug, StringComparer.Ordinal)
            .ToList();

        return new AlignmentDto(
            a.ToRef(), b.ToRef(), from, to, request.ExcludeCosigned, score.Score, score.SharedTopics,
            rows.Where(r => r.Distance == 0).ToList(),
            rows.Where(r => r.Distance > 0).ToList(),
            positionsA.Count - shared.Count,
            positionsB.Count - shared.Count,
            series);
    }
}
