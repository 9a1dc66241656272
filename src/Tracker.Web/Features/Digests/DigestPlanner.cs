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
        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Include(s => s.Actors).Include(s => s.Topics)
            .Where(s => s.Active && s.Cadence == cadence)
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);
        var due = subscriptions
            .Select(s => (Subscription: s, Period: DigestPeriod.LatestEnded(s, now)))
            .Where(x => !(x.Subscription.LastPeriodEnd >= x.Period.End))
            .ToList();
        var ids = due.Select(x => x.Subscription.Id).ToList();
        var planned = (await db.DigestDeliveries.AsNoTracking()
                .Where(d => ids.Contains(d.SubscriptionId))
                .Select(d => new { d.SubscriptionId, d.PeriodEnd })
                .ToListAsync(cancellationToken))
            .Select(d => (d.SubscriptionId, d.PeriodEnd))
            .ToHashSet();

        // Subscribers who share an hour and time zone share a period: its changes are read once.
        var changes = new Dictionary<DigestPeriod, PeriodChanges>();
        var written = 0;
        foreach (var (subscription, period) in due.Where(x => !planned.Contains((x.Subscription.Id, x.Period.End))))
        {
            if (!changes.TryGetValue(period, out var periodChanges))
            {
                changes[period] = periodChanges = await builder.LoadAsync(period, cancellationToken);
            }

            db.DigestDeliveries.Add(await ComposeAsync(subscription, builder.Build(subscription, periodChanges), now));
            var stub = new Subscription { Id = subscription.Id, Email = subscription.Email, LastPeriodEnd = period.End };
            db.Subscriptions.Attach(stub).Property(s => s.LastPeriodEnd).IsModified = true;
            try
            {
                // The outbox row and the subscription's last period are saved together, or not at all.
                await db.SaveChangesAsync(cancellationToken);
                written++;
            }
            catch (DbUpdateException e)
            {
                // Another run wrote this period first; its row stands.
                LogAlreadyPlanned(logger, subscription.Id, period.End, e.InnerException?.Message ?? e.Message);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return written;
    }

    /// <summary>The row for one subscription and period, as it would be sent now (also the preview).</summary>
    public async Task<DigestDelivery> ComposeAsync(Subscription subscription, DigestPeriod period, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ComposeAsync(subscription, await builder.BuildAsync(subscription, period, cancellationToken), now);

    private async Task<DigestDelivery> ComposeAsync(Subscription subscription, Digest digest, DateTimeOffset now) => new()
    {
        SubscriptionId = subscription.Id,
        PeriodStart = digest.Period.Start,
        PeriodEnd = digest.Period.End,
        Recipient = subscription.Email,
        Status = digest.IsEmpty ? DeliveryStatus.Empty : mail.Value.IsConfigured ? DeliveryStatus.Pending : DeliveryStatus.Held,
        Subject = DigestText.Subject(digest),
        HtmlBody = digest.IsEmpty ? "" : await renderer.RenderHtmlAsync(digest),
        TextBody = digest.IsEmpty ? "" : DigestText.Render(digest),
        UnsubscribeUrl = digest.UnsubscribeUrl,
        MessageId = string.Create(CultureInfo.InvariantCulture, $"digest-{subscription.Id}-{digest.Period.End.UtcDateTime:yyyyMMddHHmm}@tracker"),
        CreatedAt = now,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest of subscription {Subscription} for the period ending {PeriodEnd} was already planned: {Reason}")]
    private static partial void LogAlreadyPlanned(ILogger logger, int subscription, DateTimeOffset periodEnd, string reason);
}
