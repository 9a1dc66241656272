using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Tracker.Data;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Claims;

public static class ClaimsApi
{
    public static void MapClaimsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/documents/{documentId:int}/claims", CreateAsync)
            .WithTags("Claims")
            .Validate<SaveClaimRequest>()
            .RequireAuthorization(Policies.Curate)
            .WithSummary("Add a claim anchored to [start, end) of the document body (code points).");

        var group = routes.MapGroup("/api/claims").WithTags("Claims").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListAsync)
            .Produces<ClaimPage>()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("Claims filtered by document, actor (holder), topic (with subtopics), stance, status and date; Accept: text/csv for CSV.");
        group.MapGet("/{id:int}", GetAsync);
        group.MapGet("/{id:int}/history", HistoryAsync).WithSummary("Every change to the claim: who, when, before and after.");
        group.MapPut("/{id:int}", UpdateAsync).Validate<SaveClaimRequest>().RequireAuthorization(Policies.Curate)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replace a claim's fields; send the version you read (409 when someone changed it since).");
        group.MapDelete("/{id:int}", DeleteAsync).RequireAuthorization(Policies.Curate)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Created<ClaimDto>> CreateAsync(int documentId, SaveClaimRequest request, SaveClaimHandler handler, CancellationToken cancellationToken)
    {
        var claim = await handler.CreateAsync(documentId, request, cancellationToken);
        return TypedResults.Created($"/api/claims/{claim.Id}", claim);
    }

    private static async Task<Results<Ok<ClaimDto>, NotFound>> GetAsync(int id, TrackerDbContext db, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.AsNoTracking().WithDetails().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return claim is null ? TypedResults.NotFound() : TypedResults.Ok(claim.ToDto());
    }

    private static async Task<Ok<List<AuditEntryDto>>> HistoryAsync(int id, TrackerDbContext db, CancellationToken cancellationToken)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "claim" && a.EntityId == key)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries.Select(a => a.ToDto()).ToList());
    }

    private static async Task<IResult> ListAsync(
        HttpContext http,
        ListClaimsHandler handler,
        [AsParameters] ClaimFilter filter,
        string? format,
        int offset = 0,
        int limit = 100,
        CancellationToken cancellationToken = default)
    {
        if (offset < 0 || limit is < 1 or > ListClaimsHandler.MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [offset < 0 ? "offset" : "limit"] = [$"Offset is 0 or more; limit is between 1 and {ListClaimsHandler.MaxLimit}."],
            });
        }

        if (WantsCsv(http.Request, format))
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"claims.csv\"";
            await handler.WriteCsvAsync(filter, http.Response.Body, cancellationToken);
            return TypedResults.Empty;
        }

        return TypedResults.Ok(await handler.PageAsync(filter, offset, limit, cancellationToken));
    }

    private static bool WantsCsv(HttpRequest request, string? format) =>
        string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
        || request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));

    private static async Task<Ok<ClaimDto>> UpdateAsync(int id, SaveClaimRequest request, SaveClaimHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.UpdateAsync(id, request, cancellationToken));

    private static async Task<NoContent> DeleteAsync(int id, int? version, SaveClaimHandler handler, CancellationToken cancellationToken)
    {
        await handler.DeleteAsync(id, version, cancellationToken);
        return TypedResults.NoContent();
    }
}
