using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tracker.Data;
using Tracker.Domain.Digests;

namespace Tracker.Web.Features.Digests;

/// <summary>
/// Writes the outbox: for every active subscription of a cadence whose period has ended, one row holding the
/// rendered mail, or an empty row when nothing changed. The unique (subscription, period) index means a second
/// run, or a run on another instance, cannot write a second row for the same period.
/// </summary>
public sealed partial class DigestPlanner(
    TrackerDbContext db,
    DigestBuilder builder,
    DigestRenderer renderer,
    IOptions<MailOptions> mail,
    TimeProvider clock,
    ILogger<DigestPlanner> logger)
{
    public async Task<int> PlanAsync(Cadence cadence, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var subscriptionIds = await db.Subscriptions.AsNoTracking()
            .Where(s => s.Active && s.Cadence == cadence)
            .OrderBy(s => s.Id)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);

        var written = 0;
        foreach (var id in subscriptionIds)
        {
            // A fresh unit of work per subscription keeps memory flat over thousands of them.
            db.ChangeTracker.Clear();
            var subscription = await db.Subscriptions.Include(s => s.Actors).Include(s => s.Topics).SingleAsync(s => s.Id == id, cancellationToken);
            var period = DigestPeriod.LatestEnded(subscription, now);
            if (subscription.LastPeriodEnd >= period.End
                || await db.DigestDeliveries.AnyAsync(d => d.SubscriptionId == id && d.PeriodEnd == period.End, cancellationToken))
            {
                continue;
            }

            db.DigestDeliveries.Add(await ComposeAsync(subscription, period, now, cancellationToken));
            subscription.LastPeriodEnd = period.End;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                written++;
            }
            catch (DbUpdateException e)
            {
                // Another run wrote this period first; its row stands.
                LogAlreadyPlanned(logger, id, period.End, e.InnerException?.Message ?? e.Message);
            }
        }

        return written;
    }

    /// <summary>The row for one subscription and period, as it would be sent now (also the preview).</summary>
    public async Task<DigestDelivery> ComposeAsync(Subscription subscription, DigestPeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var digest = await builder.BuildAsync(subscription, period, cancellationToken);
        return new DigestDelivery
        {
            SubscriptionId = subscription.Id,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            Recipient = subscription.Email,
            Status = digest.IsEmpty ? DeliveryStatus.Empty : mail.Value.IsConfigured ? DeliveryStatus.Pending : DeliveryStatus.Held,
            Subject = DigestText.Subject(digest),
            HtmlBody = digest.IsEmpty ? "" : await renderer.RenderHtmlAsync(digest),
            TextBody = digest.IsEmpty ? "" : DigestText.Render(digest),
            UnsubscribeUrl = digest.UnsubscribeUrl,
            MessageId = string.Create(CultureInfo.InvariantCulture, $"digest-{subscription.Id}-{period.End.UtcDateTime:yyyyMMddHHmm}@tracker"),
            CreatedAt = now,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest of subscription {Subscription} for the period ending {PeriodEnd} was already planned: {Reason}")]
    private static partial void LogAlreadyPlanned(ILogger logger, int subscription, DateTimeOffset periodEnd, string reason);
}
