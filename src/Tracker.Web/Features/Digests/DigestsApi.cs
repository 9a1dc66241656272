using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Digests;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Digests;

public sealed record DigestPreviewDto(DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, bool Empty, string Subject, string Html, string Text);

public sealed record DeliveryDto(
    long Id, int SubscriptionId, string Recipient, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, string Status,
    string Subject, int Attempts, DateTimeOffset? NextAttemptAt, string? LastError, DateTimeOffset? SentAt);

public sealed record DeliveryDetailDto(DeliveryDto Delivery, string Html, string Text);

public static class DigestsApi
{
    public static void MapDigestsApi(this IEndpointRouteBuilder routes)
    {
        var subscriptions = routes.MapGroup("/api/subscriptions").WithTags("Digests").RequireAuthorization(Policies.Read);
        subscriptions.MapGet("/", ListSubscriptionsAsync).WithSummary("Your subscriptions; admins see everyone's.");
        subscriptions.MapGet("/{id:int}", async (int id, SaveSubscriptionHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ToDtoAsync(await handler.FindAsync(id, ct), ct)));
        subscriptions.MapPost("/", CreateAsync).Validate<SaveSubscriptionRequest>()
            .WithSummary("Subscribe to digests: a filter (actors, topics with their subtopics), changes only or all new claims, a cadence.");
        subscriptions.MapPut("/{id:int}", async (int id, SaveSubscriptionRequest request, SaveSubscriptionHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UpdateAsync(id, request, ct))).Validate<SaveSubscriptionRequest>();
        subscriptions.MapDelete("/{id:int}", async (int id, SaveSubscriptionHandler handler, CancellationToken ct) =>
        {
            await handler.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });
        subscriptions.MapGet("/{id:int}/preview", PreviewAsync).WithSummary("Exactly the next mail of the subscription, as it stands now.");

        var outbox = routes.MapGroup("/api/digests").WithTags("Digests").RequireAuthorization(Policies.Admin);
        outbox.MapGet("/", ListDeliveriesAsync).WithSummary("The outbox: every digest written, with its delivery state.");
        outbox.MapGet("/{id:long}", GetDeliveryAsync);
        outbox.MapPost("/{id:long}/resend", ResendAsync)
            .WithSummary("Send again a digest that failed, is unconfirmed or was held for want of SMTP settings.");
    }

    private static async Task<Ok<List<SubscriptionDto>>> ListSubscriptionsAsync(
        TrackerDbContext db, CurrentUser user, SaveSubscriptionHandler handler, CancellationToken cancellationToken)
    {
        var query = db.Subscriptions.AsNoTracking().Include(s => s.Actors).Include(s => s.Topics).AsQueryable();
        if (!user.IsAdmin)
        {
            query = query.Where(s => s.OwnerUserName == user.Name);
        }

        var result = new List<SubscriptionDto>();
        foreach (var subscription in await query.OrderBy(s => s.Id).ToListAsync(cancellationToken))
        {
            result.Add(await handler.ToDtoAsync(subscription, cancellationToken));
        }

        return TypedResults.Ok(result);
    }

    private static async Task<Created<SubscriptionDto>> CreateAsync(SaveSubscriptionRequest request, SaveSubscriptionHandler handler, CancellationToken cancellationToken)
    {
        var subscription = await handler.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/api/subscriptions/{subscription.Id}", subscription);
    }

    private static async Task<Ok<DigestPreviewDto>> PreviewAsync(
        int id, SaveSubscriptionHandler handler, DigestPlanner planner, TimeProvider clock, CancellationToken cancellationToken)
    {
        var subscription = await handler.FindAsync(id, cancellationToken);
        var now = clock.GetUtcNow();
        var row = await planner.ComposeAsync(subscription, DigestPeriod.Next(subscription, now), now, cancellationToken);
        return TypedResults.Ok(new DigestPreviewDto(row.PeriodStart, row.PeriodEnd, row.Status == DeliveryStatus.Empty, row.Subject, row.HtmlBody, row.TextBody));
    }

    private static async Task<Ok<List<DeliveryDto>>> ListDeliveriesAsync(
        TrackerDbContext db, string? status, int? subscription, CancellationToken cancellationToken)
    {
        var query = db.DigestDeliveries.AsNoTracking();
        if (Enum.TryParse<DeliveryStatus>(status, ignoreCase: true, out var wanted))
        {
            query = query.Where(d => d.Status == wanted);
        }

        if (subscription is not null)
        {
            query = query.Where(d => d.SubscriptionId == subscription);
        }

        var rows = await query.OrderByDescending(d => d.Id).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(ToDto).ToList());
    }

    private static async Task<Results<Ok<DeliveryDetailDto>, NotFound>> GetDeliveryAsync(long id, TrackerDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.DigestDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return row is null ? TypedResults.NotFound() : TypedResults.Ok(new DeliveryDetailDto(ToDto(row), row.HtmlBody, row.TextBody));
    }

    private static async Task<Results<Ok<DeliveryDto>, NotFound, Conflict<string>>> ResendAsync(
        long id, TrackerDbContext db, AuditLog audit, CancellationToken cancellationToken)
    {
        var row = await db.DigestDeliveries.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (row is null)
        {
            return TypedResults.NotFound();
        }

        if (row.Status is not (DeliveryStatus.Failed or DeliveryStatus.Unconfirmed or DeliveryStatus.Held))
        {
            throw new ConflictException($"Digest {id} is {row.Status.ToString().ToLowerInvariant()}; only failed, unconfirmed or held digests are sent again.");
        }

        audit.Record("digest", id, "resend", new { Status = row.Status.ToString() }, new { Status = nameof(DeliveryStatus.Pending) });
        row.Status = DeliveryStatus.Pending;
        row.NextAttemptAt = null;
        row.Attempts = 0;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToDto(row));
    }

    private static DeliveryDto ToDto(DigestDelivery d) => new(
        d.Id, d.SubscriptionId, d.Recipient, d.PeriodStart, d.PeriodEnd, d.Status.ToString().ToLowerInvariant(), d.Subject,
        d.Attempts, d.NextAttemptAt, d.LastError, d.SentAt);
}
