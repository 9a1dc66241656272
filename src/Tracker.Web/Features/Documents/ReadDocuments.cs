using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Web.Features.Actors;
using Tracker.Web.Features.Claims;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Documents;

public sealed record DocumentFilter(string? Actor, string? Language, DateOnly? From, DateOnly? To);

/// <summary>The document list and one document with its claims, for the API and the pages alike.</summary>
public sealed class ReadDocumentsHandler(TrackerDbContext db, NameDirectory directory)
{
    public async Task<List<DocumentSummaryDto>> ListAsync(DocumentFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Documents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actorId = (await directory.ActorAsync(filter.Actor, cancellationToken)).Entity?.Id ?? -1;
            query = query.Where(d => d.Signatories.Any(s => s.ActorId == actorId));
        }

        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            query = query.Where(d => d.Language == filter.Language);
        }

        if (filter.From is { } from)
        {
            query = query.Where(d => d.IssuedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(d => d.IssuedOn <= to);
        }

        var rows = await query
            .OrderByDescending(d => d.IssuedOn).ThenBy(d => d.Id)
            .Select(d => new
            {
                d.Id, d.Key, d.Title, d.Kind, d.IssuedOn, d.Place, d.Language,
                Signatories = d.Signatories.OrderBy(s => s.Position).Select(s => s.ActorId).ToList(),
                ClaimCount = d.Claims.Count,
            })
            .ToListAsync(cancellationToken);

        var actorIds = rows.SelectMany(r => r.Signatories).Distinct().ToList();
        var actors = await db.Actors.AsNoTracking().Include(a => a.Aliases)
            .Where(a => actorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);

        return rows
            .Select(r => new DocumentSummaryDto(
                r.Id, r.Key, r.Title, Domain.Documents.DocumentKinds.Code(r.Kind), r.IssuedOn, r.Place, r.Language,
                r.Signatories.Select(id => actors[id].ToRef()).ToList(), r.ClaimCount))
            .ToList();
    }

    public async Task<DocumentDto?> GetAsync(int id, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking()
            .Include(d => d.Signatories).ThenInclude(s => s.Actor).ThenInclude(a => a!.Aliases)
            .Include(d => d.Sections)
            .Include(d => d.Sentences)
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return null;
        }

        document.Claims = await db.Claims.AsNoTracking().WithDetails().Where(c => c.DocumentId == id).ToListAsync(cancellationToken);
        return document.ToDto();
    }
}
