using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Web.Features.Actors;
using Tracker.Web.Features.Claims;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Documents;

public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/documents").WithTags("Documents").RequireAuthorization(Policies.Read);

        group.MapGet("/", ListAsync).WithSummary("Documents, newest first, with their claim counts.");
        group.MapGet("/{id:int}", GetAsync).WithSummary("Metadata, normalized body, sections, sentences and claims.");
        group.MapPost("/", CreateAsync)
            .LimitText<CreateDocumentRequest>()
            .Validate<CreateDocumentRequest>()
            .RequireAuthorization(Policies.Curate)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Normalize, segment and store a document.");
        group.MapPost("/split", (SplitRequest request) => TypedResults.Ok(SplitDocument.Handle(request)))
            .LimitText<SplitRequest>()
            .Validate<SplitRequest>()
            .RequireAuthorization(Policies.Curate)
            .WithSummary("Propose the documents in a multi-document text (a newspaper page); stores nothing.");
        return group;
    }

    private static async Task<Ok<List<DocumentSummaryDto>>> ListAsync(
        TrackerDbContext db, string? actor, string? language, DateOnly? from, DateOnly? to, NameDirectory directory, CancellationToken cancellationToken)
    {
        var query = db.Documents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(actor))
        {
            var actorId = (await directory.ActorAsync(actor, cancellationToken)).Entity?.Id ?? -1;
            query = query.Where(d => d.Signatories.Any(s => s.ActorId == actorId));
        }

        if (!string.IsNullOrWhiteSpace(language))
        {
            query = query.Where(d => d.Language == language);
        }

        if (from is not null)
        {
            query = query.Where(d => d.IssuedOn >= from);
        }

        if (to is not null)
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

        return TypedResults.Ok(rows
            .Select(r => new DocumentSummaryDto(
                r.Id, r.Key, r.Title, Domain.Documents.DocumentKinds.Code(r.Kind), r.IssuedOn, r.Place, r.Language,
                r.Signatories.Select(id => actors[id].ToRef()).ToList(), r.ClaimCount))
            .ToList());
    }

    private static async Task<Results<Ok<DocumentDto>, NotFound>> GetAsync(int id, TrackerDbContext db, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking()
            .Include(d => d.Signatories).ThenInclude(s => s.Actor).ThenInclude(a => a!.Aliases)
            .Include(d => d.Sections)
            .Include(d => d.Sentences)
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return TypedResults.NotFound();
        }

        document.Claims = await db.Claims.AsNoTracking().WithDetails().Where(c => c.DocumentId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(document.ToDto());
    }

    private static async Task<Created<DocumentDto>> CreateAsync(CreateDocumentRequest request, CreateDocumentHandler handler, CancellationToken cancellationToken)
    {
        var document = await handler.HandleAsync(request, cancellationToken);
        return TypedResults.Created($"/api/documents/{document.Id}", document);
    }
}
