using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
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
        group.MapGet("/{id:int}/history", HistoryAsync).WithSummary("Every change to the document's details: who, when, before and after.");
        // The handler validates the request itself, as it does for the reader's form.
        group.MapPut("/{id:int}", UpdateAsync)
            .RequireAuthorization(Policies.Curate)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Correct the details (title, issuedOn, kind, place, sourceUrl, signatories); a new date moves its signatures and positions too. " +
                "409 when a signatory to remove holds claims in the document.");
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
        ReadDocumentsHandler reader, string? actor, string? language, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.ListAsync(new DocumentFilter(actor, language, from, to), cancellationToken));

    private static async Task<Results<Ok<DocumentDto>, NotFound>> GetAsync(int id, ReadDocumentsHandler reader, CancellationToken cancellationToken) =>
        await reader.GetAsync(id, cancellationToken) is { } document ? TypedResults.Ok(document) : TypedResults.NotFound();

    private static async Task<Ok<DocumentDto>> UpdateAsync(int id, UpdateDocumentRequest request, EditDocumentHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.UpdateAsync(id, request, cancellationToken));

    private static async Task<Results<Ok<List<AuditEntryDto>>, NotFound>> HistoryAsync(int id, TrackerDbContext db, EditDocumentHandler handler, CancellationToken cancellationToken)
    {
        if (!await db.Documents.AnyAsync(d => d.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok((await handler.EntriesAsync(id, cancellationToken)).Select(a => a.ToDto()).ToList());
    }

    private static async Task<Created<DocumentDto>> CreateAsync(CreateDocumentRequest request, CreateDocumentHandler handler, CancellationToken cancellationToken)
    {
        var document = await handler.HandleAsync(request, cancellationToken);
        return TypedResults.Created($"/api/documents/{document.Id}", document);
    }
}
