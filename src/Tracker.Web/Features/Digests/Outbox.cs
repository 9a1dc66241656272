using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Digests;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Digests;

public sealed record DeliveryDto(
    long Id, int SubscriptionId, string Recipient, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, string Status,
    string Subject, int Attempts, DateTimeOffset? NextAttemptAt, string? LastError, DateTimeOffset? SentAt);

public sealed record DeliveryDetailDto(DeliveryDto Delivery, string Html, string Text, string? UnsubscribeUrl, string MessageId);

/// <summary>The outbox as admins read it (API and page): rows by status, one stored mail, and sending one again.</summary>
public sealed class OutboxHandler(TrackerDbContext db, AuditLog audit)
{
    /// <summary>Statuses that <see cref="ResendAsync"/> accepts.</summary>
    public static bool CanResend(DeliveryStatus status) => status is DeliveryStatus.Failed or DeliveryStatus.Unconfirmed or DeliveryStatus.Held;

    public async Task<List<DeliveryDto>> ListAsync(DeliveryStatus? status, int? subscription, CancellationToken cancellationToken, bool withEmpty = true)
    {
        var query = db.DigestDeliveries.AsNoTracking();
        if (status is not null)
        {
            query = query.Where(d => d.Status == status);
        }
        else if (!withEmpty)
        {
            query = query.Where(d => d.Status != DeliveryStatus.Empty);
        }

        if (subscription is not null)
        {
            query = query.Where(d => d.SubscriptionId == subscription);
        }

        var rows = await query.OrderByDescending(d => d.Id).Take(500).ToListAsync(cancellationToken);
        return rows.Select(ToDto).ToList();
    }

    public async Task<DeliveryDetailDto?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var row = await db.DigestDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return row is null ? null : new DeliveryDetailDto(ToDto(row), row.HtmlBody, row.TextBody, row.UnsubscribeUrl, row.MessageId);
    }

    /// <summary>Puts a failed, unconfirmed or held digest back in the queue with fresh attempts; null when there is no such row.</summary>
    public async Task<DeliveryDto?> ResendAsync(long id, CancellationToken cancellationToken)
    {
        var row = await db.DigestDeliveries.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        if (!CanResend(row.Status))
        {
            throw new ConflictException($"Digest {id} is {row.Status.ToString().ToLowerInvariant()}; only failed, unconfirmed or held digests are sent again.");
        }

        audit.Record("digest", id, "resend", new { Status = row.Status.ToString() }, new { Status = nameof(DeliveryStatus.Pending) });
        row.Status = DeliveryStatus.Pending;
        row.NextAttemptAt = null;
        row.Attempts = 0;
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(row);
    }

    private static DeliveryDto ToDto(DigestDelivery d) => new(
        d.Id, d.SubscriptionId, d.Recipient, d.PeriodStart, d.PeriodEnd, d.Status.ToString().ToLowerInvariant(), d.Subject,
        d.Attempts, d.NextAttemptAt, d.LastError, d.SentAt);
}
