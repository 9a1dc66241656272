using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Claims;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Claims;

/// <summary>Filters of the claims list; names may be slugs or any alias.</summary>
public sealed record ClaimFilter(
    int? Document,
    string? Actor,
    string? Topic,
    string? Stance,
    string? Status,
    DateOnly? From,
    DateOnly? To,
    bool Subtopics = true,
    string? Sort = null);

public sealed record ClaimPage(int Total, int Offset, int Limit, IReadOnlyList<ClaimListItem> Items);

/// <summary>A claim with the document it comes from, as listed across documents.</summary>
public sealed record ClaimListItem(ClaimDto Claim, string DocumentTitle, DateOnly IssuedOn, string DocumentLanguage);

public sealed class ListClaimsHandler(TrackerDbContext db, NameDirectory directory)
{
    public const int MaxLimit = 1000;

    public async Task<IQueryable<Claim>> QueryAsync(ClaimFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Claims.AsNoTracking();
        if (filter.Document is { } documentId)
        {
            query = query.Where(c => c.DocumentId == documentId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actorId = (await directory.ActorAsync(filter.Actor, cancellationToken)).Entity?.Id ?? -1;
            query = query.Where(c => c.Holders.Any(h => h.ActorId == actorId));
        }

        if (!string.IsNullOrWhiteSpace(filter.Topic))
        {
            var topic = (await directory.TopicAsync(filter.Topic, cancellationToken)).Entity;
            var ids = topic is null ? [] : filter.Subtopics ? await TopicTree.SubtreeAsync(db, topic.Id, cancellationToken) : [topic.Id];
            query = query.Where(c => ids.Contains(c.TopicId));
        }

        if (StanceRules.TryParse(filter.Stance, out var stance))
        {
            query = query.Where(c => c.Stance == stance);
        }

        if (Enum.TryParse<ClaimStatus>(filter.Status, ignoreCase: true, out var status))
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.From is { } from)
        {
            query = query.Where(c => c.Document!.IssuedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(c => c.Document!.IssuedOn <= to);
        }

        return Sorted(query, filter.Sort);
    }

    /// <summary>The orders a list can be sorted in; "-" before a key reverses it. Unknown keys sort by date.</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["date", "stance", "intensity", "topic", "status"];

    // Every order ends in document position, so paging is stable whatever the first key.
    private static IOrderedQueryable<Claim> Sorted(IQueryable<Claim> query, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-').ToLowerInvariant();
        IOrderedQueryable<Claim> ordered = key switch
        {
            "stance" => descending ? query.OrderByDescending(c => c.Stance) : query.OrderBy(c => c.Stance),
            "intensity" => descending ? query.OrderByDescending(c => c.Intensity) : query.OrderBy(c => c.Intensity),
            "topic" => descending ? query.OrderByDescending(c => c.Topic!.Slug) : query.OrderBy(c => c.Topic!.Slug),
            "status" => descending ? query.OrderByDescending(c => c.Status) : query.OrderBy(c => c.Status),
            _ => descending ? query.OrderByDescending(c => c.Document!.IssuedOn) : query.OrderBy(c => c.Document!.IssuedOn),
        };
        return ordered.ThenBy(c => c.DocumentId).ThenBy(c => c.Start).ThenBy(c => c.Id);
    }

    public async Task<ClaimPage> PageAsync(ClaimFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(filter, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var claims = await query.Skip(offset).Take(limit).WithDetails().ToListAsync(cancellationToken);
        var documents = await DocumentsOfAsync(claims, cancellationToken);
        return new ClaimPage(total, offset, limit, claims
            .Select(c => new ClaimListItem(c.ToDto(), documents[c.DocumentId].Title, documents[c.DocumentId].IssuedOn, documents[c.DocumentId].Language))
            .ToList());
    }

    // Titles, dates and languages only: the document rows also hold the full text, which a list has no use for.
    private async Task<Dictionary<int, (string Title, DateOnly IssuedOn, string Language)>> DocumentsOfAsync(List<Claim> claims, CancellationToken cancellationToken)
    {
        var ids = claims.Select(c => c.DocumentId).Distinct().ToList();
        var rows = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Title, d.IssuedOn, d.Language }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => (r.Title, r.IssuedOn, r.Language));
    }

    /// <summary>Writes every claim that matches the filter, no paging: the CSV is exactly what was filtered.</summary>
    public async Task WriteCsvAsync(ClaimFilter filter, Stream output, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(filter, cancellationToken);
        var claims = await query.WithDetails().ToListAsync(cancellationToken);
        var documents = await DocumentsOfAsync(claims, cancellationToken);

        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        await csv.WriteRecordsAsync(claims.Select(c => ClaimCsvRow.From(c.ToDto(), documents[c.DocumentId].Title, documents[c.DocumentId].IssuedOn)), cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }
}

/// <summary>One CSV line; snake_case headers as spreadsheet users expect them.</summary>
public sealed record ClaimCsvRow(
    [property: CsvHelper.Configuration.Attributes.Name("id")] int Id,
    [property: CsvHelper.Configuration.Attributes.Name("document_id")] int DocumentId,
    [property: CsvHelper.Configuration.Attributes.Name("document_title")] string DocumentTitle,
    [property: CsvHelper.Configuration.Attributes.Name("issued_on")] string IssuedOn,
    [property: CsvHelper.Configuration.Attributes.Name("holders")] string Holders,
    [property: CsvHelper.Configuration.Attributes.Name("stance")] string Stance,
    [property: CsvHelper.Configuration.Attributes.Name("intensity")] int Intensity,
    [property: CsvHelper.Configuration.Attributes.Name("topic")] string Topic,
    [property: CsvHelper.Configuration.Attributes.Name("target")] string Target,
    [property: CsvHelper.Configuration.Attributes.Name("implicit")] bool Implicit,
    [property: CsvHelper.Configuration.Attributes.Name("negated")] bool Negated,
    [property: CsvHelper.Configuration.Attributes.Name("status")] string Status,
    [property: CsvHelper.Configuration.Attributes.Name("quote")] string Quote,
    [property: CsvHelper.Configuration.Attributes.Name("start")] int Start,
    [property: CsvHelper.Configuration.Attributes.Name("end")] int End,
    [property: CsvHelper.Configuration.Attributes.Name("note")] string Note)
{
    public static ClaimCsvRow From(ClaimDto claim, string title, DateOnly issuedOn) => new(
        claim.Id, claim.DocumentId, title, issuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string.Join(';', claim.Holders.Select(h => h.Slug)), claim.Stance, claim.Intensity, claim.Topic.Slug,
        claim.Target?.Slug ?? "", claim.Implicit, claim.Negated, claim.Status, claim.Quote, claim.Start, claim.End, claim.Note ?? "");
}
