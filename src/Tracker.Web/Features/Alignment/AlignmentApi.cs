using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Alignment;

public static class AlignmentApi
{
    public static void MapAlignmentApi(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/alignment").WithTags("Alignment").RequireAuthorization(Policies.Read)
            .MapGet("/", MeasureAsync)
            .Validate<AlignmentRequest>()
            .WithSummary("Agreement of two actors: 1 − mean distance over the topics both address, with the shared-topic count, the topics agreed and differed on, and the score over time.");

    private static async Task<Ok<AlignmentDto>> MeasureAsync([AsParameters] AlignmentRequest request, MeasureAlignmentHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.HandleAsync(request, cancellationToken));
}
