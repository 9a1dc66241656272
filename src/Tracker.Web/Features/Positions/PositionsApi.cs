using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Positions;

public static class PositionsApi
{
    public static void MapPositionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/positions").WithTags("Positions").RequireAuthorization(Policies.Read).WithOneConnection().WithReadOnlyNames();
        group.MapGet("/", MatrixAsync)
            .Validate<MatrixRequest>()
            .Produces<PositionMatrixDto>()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithSummary("Actor × topic matrix of positions as of a date (latest accepted claim); rollup counts subtopics; allActors=true for every actor; Accept: text/csv for CSV; format=cells for a compact grid without quotes.");
        group.MapGet("/timeline", TimelineAsync)
            .Validate<TimelineRequest>()
            .Produces<TimelineDto>()
            .WithSummary("Every claim of an actor (or of every actor) on a topic in date order, labelled new/reaffirmed/intensified/softened/reversed/dropped; entries a page at a time (limit, before), points (every entry, for the chart) as columns, the actor as an index into actors.");
    }

    private static async Task<EmptyHttpResult> MatrixAsync(
        HttpContext http, [AsParameters] MatrixRequest request, string? format, PositionMatrixHandler handler, CancellationToken cancellationToken)
    {
        if (MatrixCells.Wanted(format))
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await MatrixCells.WriteAsync(await handler.HandleAsync(request, cancellationToken, quotes: false), http.Response.Body, cancellationToken);
            return TypedResults.Empty;
        }

        var matrix = await handler.HandleAsync(request, cancellationToken);
        if (!Csv.Wanted(http.Request, format))
        {
            await PositionJson.WriteAsync(http, matrix, cancellationToken);
            return TypedResults.Empty;
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"positions.csv\"";
        await handler.WriteCsvAsync(matrix, http.Response.Body, cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task<EmptyHttpResult> TimelineAsync(HttpContext http, [AsParameters] TimelineRequest request, PositionTimelineHandler handler, CancellationToken cancellationToken)
    {
        await PositionJson.WriteAsync(http, await handler.HandleAsync(request, cancellationToken), cancellationToken);
        return TypedResults.Empty;
    }
}
