using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Compare;

public static class CompareApi
{
    public static void MapCompareApi(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/compare").WithTags("Compare").RequireAuthorization(Policies.Read).WithOneConnection()
            .MapGet("/", CompareAsync)
            .Validate<CompareRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Document diff: per (holder, topic) the position in each document, the change, and the topics the later one dropped.");

    private static async Task<Ok<DocumentDiffDto>> CompareAsync([AsParameters] CompareRequest request, CompareDocumentsHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.HandleAsync(request, cancellationToken));
}
