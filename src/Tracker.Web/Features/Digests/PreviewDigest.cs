using Tracker.Domain.Digests;

namespace Tracker.Web.Features.Digests;

public sealed record DigestPreviewDto(DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, bool Empty, string Subject, string Html, string Text);

/// <summary>
/// Exactly the next mail of a subscription as it stands now: the row the planner would write at the end of the
/// coming period, composed by the planner itself, so the preview and the mail cannot drift apart.
/// </summary>
public sealed class PreviewDigestHandler(SaveSubscriptionHandler subscriptions, DigestPlanner planner, TimeProvider clock)
{
    /// <summary>The subscription (own, or any for an admin; else not found) and its next mail.</summary>
    public async Task<(Subscription Subscription, DigestDelivery Mail)> PreviewAsync(int id, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.FindAsync(id, cancellationToken);
        var now = clock.GetUtcNow();
        return (subscription, await planner.ComposeAsync(subscription, DigestPeriod.Next(subscription, now), now, cancellationToken));
    }
}
