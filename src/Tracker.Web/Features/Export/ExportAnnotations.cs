using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Claims;
using Tracker.Web.Features.Claims;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Export;

/// <summary>The export takes the claims list's filters; unlike the list, unknown names are refused, not ignored.</summary>
public sealed class AnnotationFilterValidator : AbstractValidator<ClaimFilter>
{
    public AnnotationFilterValidator(NameDirectory directory)
    {
        RuleFor(x => x.Actor).NamesActors(directory, 1);
        RuleFor(x => x.Topic).NamesTopics(directory, 1);
        RuleFor(x => x.Stance).Must(s => s is null || StanceRules.TryParse(s, out _))
            .WithMessage($"Stance is one of: {string.Join(", ", StanceRules.Codes)}.");
        RuleFor(x => x.Status).Must(s => s is null || Enum.TryParse<ClaimStatus>(s, ignoreCase: true, out _) && !int.TryParse(s, out _))
            .WithMessage("Status is one of: suggested, accepted, rejected.");
    }
}

/// <summary>A W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/), one page holding every item.</summary>
public sealed record AnnotationExport(
    [property: JsonPropertyName("@context")] string Context,
    string Id,
    string Type,
    string Label,
    int Total,
    AnnotationPage First);

public sealed record AnnotationPage(string Id, string Type, int StartIndex, IReadOnlyList<Annotation> Items);

public sealed record Annotation(
    string Id,
    string Type,
    string Motivation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? Created,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Creator,
    IReadOnlyList<AnnotationBody> Body,
    AnnotationTarget Target);

/// <summary>Stance (classifying), topic and holders (tagging), negation (describing), as textual bodies.</summary>
public sealed record AnnotationBody(string Type, string Purpose, string Value);

public sealed record AnnotationTarget(string Source, IReadOnlyList<Selector> Selector);

[JsonDerivedType(typeof(TextQuoteSelector))]
[JsonDerivedType(typeof(TextPositionSelector))]
public abstract record Selector(string Type);

public sealed record TextQuoteSelector(string Exact, string Prefix, string Suffix) : Selector("TextQuoteSelector");

/// <summary>Offsets in Unicode code points, as the Web Annotation model counts them.</summary>
public sealed record TextPositionSelector(int Start, int End) : Selector("TextPositionSelector");

public sealed class ExportAnnotationsHandler(TrackerDbContext db, ListClaimsHandler claims)
{
    public const string Context = "http://www.w3.org/ns/anno.jsonld";

    public async Task<AnnotationExport> HandleAsync(ClaimFilter filter, string baseUrl, string selfUrl, CancellationToken cancellationToken)
    {
        if (filter.Document is { } documentId && !await db.Documents.AnyAsync(d => d.Id == documentId, cancellationToken))
        {
            throw new NotFoundException($"No document {documentId}.");
        }

        var query = await claims.QueryAsync(filter, cancellationToken);
        var rows = await query.WithDetails().ToListAsync(cancellationToken);
        var items = rows.Select(c => c.ToDto()).Select(c => new Annotation(
                $"{baseUrl}/api/claims/{c.Id}",
                "Annotation",
                "classifying",
                c.CuratedAt,
                c.CuratedBy,
                Bodies(c),
                new AnnotationTarget(
                    $"{baseUrl}/api/documents/{c.DocumentId}",
                    [new TextQuoteSelector(c.Quote, c.Prefix, c.Suffix), new TextPositionSelector(c.Start, c.End)])))
            .ToList();
        return new AnnotationExport(Context, selfUrl, "AnnotationCollection", "Tracker claims", items.Count, new AnnotationPage($"{selfUrl}#page1", "AnnotationPage", 0, items));
    }

    private static List<AnnotationBody> Bodies(ClaimDto claim)
    {
        var bodies = new List<AnnotationBody>
        {
            new("TextualBody", "classifying", claim.Stance),
            new("TextualBody", "tagging", claim.Topic.Slug),
        };
        bodies.AddRange(claim.Holders.Select(h => new AnnotationBody("TextualBody", "identifying", h.Slug)));
        if (claim.Negated)
        {
            bodies.Add(new AnnotationBody("TextualBody", "describing", "negated"));
        }

        return bodies;
    }
}
