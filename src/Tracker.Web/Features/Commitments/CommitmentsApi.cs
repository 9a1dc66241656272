using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Commitments;

public static class CommitmentsApi
{
    public static void MapCommitmentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/commitments").WithTags("Commitments").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListAsync)
            .Validate<CommitmentFilter>()
            .WithSummary("Every commits claim with its lifecycle, later reaffirmations, due date and evidence; filter by actor, topic, status, overdue.");
        group.MapGet("/{id:int}", GetAsync);
        group.MapGet("/{id:int}/history", HistoryAsync).WithSummary("Every status change recorded: who, when, before and after.");
        group.MapPost("/{id:int}/evidence", RecordAsync)
            .Validate<RecordEvidenceRequest>()
            .RequireAuthorization(Policies.Curate)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Record evidence (a later claim or a source URL) and set the commitment's status.");
    }

    private static async Task<Ok<List<CommitmentDto>>> ListAsync([AsParameters] CommitmentFilter filter, ListCommitmentsHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.ListAsync(filter, cancellationToken));

    private static async Task<Results<Ok<CommitmentDto>, NotFound>> GetAsync(int id, ListCommitmentsHandler handler, CancellationToken cancellationToken) =>
        await handler.GetAsync(id, cancellationToken) is { } commitment ? TypedResults.Ok(commitment) : TypedResults.NotFound();

    private static async Task<Ok<List<AuditEntryDto>>> HistoryAsync(int id, TrackerDbContext db, CancellationToken cancellationToken)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "commitment" && a.EntityId == key)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries.Select(a => a.ToDto()).ToList());
    }

    private static async Task<Created<CommitmentDto>> RecordAsync(int id, RecordEvidenceRequest request, RecordEvidenceHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Created($"/api/commitments/{id}", await handler.HandleAsync(id, request, cancellationToken));
}
