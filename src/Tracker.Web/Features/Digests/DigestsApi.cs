using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Digests;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Digests;

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

    private static async Task<Ok<DigestPreviewDto>> PreviewAsync(int id, PreviewDigestHandler preview, CancellationToken cancellationToken)
    {
        var (_, row) = await preview.PreviewAsync(id, cancellationToken);
        return TypedResults.Ok(new DigestPreviewDto(row.PeriodStart, row.PeriodEnd, row.Status == DeliveryStatus.Empty, row.Subject, row.HtmlBody, row.TextBody));
    }

    private static async Task<Ok<List<DeliveryDto>>> ListDeliveriesAsync(
        OutboxHandler outbox, string? status, int? subscription, CancellationToken cancellationToken) =>
        TypedResults.Ok(await outbox.ListAsync(
            Enum.TryParse<DeliveryStatus>(status, ignoreCase: true, out var wanted) ? wanted : null, subscription, cancellationToken));

    private static async Task<Results<Ok<DeliveryDetailDto>, NotFound>> GetDeliveryAsync(long id, OutboxHandler outbox, CancellationToken cancellationToken) =>
        await outbox.GetAsync(id, cancellationToken) is { } row ? TypedResults.Ok(row) : TypedResults.NotFound();

    private static async Task<Results<Ok<DeliveryDto>, NotFound>> ResendAsync(long id, OutboxHandler outbox, CancellationToken cancellationToken) =>
        await outbox.ResendAsync(id, cancellationToken) is { } row ? TypedResults.Ok(row) : TypedResults.NotFound();
}
