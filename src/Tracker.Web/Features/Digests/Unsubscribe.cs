using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Digests;

public enum UnsubscribeState
{
    Invalid,
    Confirm,
    Done,
}

/// <summary>
/// The one-click unsubscribe of RFC 8058: GET shows a confirmation (link scanners must not unsubscribe anyone),
/// POST unsubscribes, whether it comes from the page's button or from a mail client's List-Unsubscribe-Post.
/// </summary>
public static class Unsubscribe
{
    public static void MapUnsubscribe(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/unsubscribe", ShowAsync).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost("/unsubscribe", UnsubscribeAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<RazorComponentResult<UnsubscribePage>> ShowAsync(
        string? token, UnsubscribeTokens tokens, TrackerDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var subscription = tokens.Read(token) is { } id ? await db.Subscriptions.FindAsync([id], cancellationToken) : null;
        if (subscription is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Page(UnsubscribeState.Invalid);
        }

        return Page(subscription.Active ? UnsubscribeState.Confirm : UnsubscribeState.Done, subscription.Email, $"/unsubscribe?token={Uri.EscapeDataString(token!)}");
    }

    private static async Task<RazorComponentResult<UnsubscribePage>> UnsubscribeAsync(
        string? token, UnsubscribeTokens tokens, TrackerDbContext db, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var subscription = tokens.Read(token) is { } id ? await db.Subscriptions.FindAsync([id], cancellationToken) : null;
        if (subscription is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Page(UnsubscribeState.Invalid);
        }

        if (subscription.Active)
        {
            subscription.Active = false;
            subscription.UnsubscribedAt = clock.GetUtcNow();
            audit.Record("subscription", subscription.Id, "unsubscribed", null, new { subscription.Email });
            await db.SaveChangesAsync(cancellationToken);
        }

        return Page(UnsubscribeState.Done, subscription.Email);
    }

    private static RazorComponentResult<UnsubscribePage> Page(UnsubscribeState state, string? email = null, string? action = null) =>
        new(new { State = state, Email = email, Action = action });
}
