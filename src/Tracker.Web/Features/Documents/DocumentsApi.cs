using Microsoft.AspNetCore.Http.HttpResults;
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
        ReadDocumentsHandler reader, string? actor, string? language, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.ListAsync(new DocumentFilter(actor, language, from, to), cancellationToken));

    private static async Task<Results<Ok<DocumentDto>, NotFound>> GetAsync(int id, ReadDocumentsHandler reader, CancellationToken cancellationToken) =>
        await reader.GetAsync(id, cancellationToken) is { } document ? TypedResults.Ok(document) : TypedResults.NotFound();

    private static async Task<Created<DocumentDto>> CreateAsync(CreateDocumentRequest request, CreateDocumentHandler handler, CancellationToken cancellationToken)
    {
        var document = await handler.HandleAsync(request, cancellationToken);
        return TypedResults.Created($"/api/documents/{document.Id}", document);
    }
}
