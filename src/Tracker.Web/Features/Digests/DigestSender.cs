using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Tracker.Data;
using Tracker.Domain.Digests;

namespace Tracker.Web.Features.Digests;

/// <summary>
/// Sends the outbox. Each row is claimed with a conditional update before the SMTP conversation and marked sent
/// after it, so two senders never send one row, and a sender that dies mid-way leaves the row "sending" until
/// its lease ends, when it becomes "unconfirmed" for an admin to decide: never resent on its own, never twice.
/// Transient failures (connection refused, 4xx) are retried with doubling waits; permanent ones (5xx, or
/// retries used up) fail and show to admins. The due mails are shared out over several SMTP connections
/// (<see cref="MailOptions.Connections"/>), each with its own DbContext, since neither is shared between threads.
/// </summary>
public sealed partial class DigestSender(
    TrackerDbContext db,
    IMailTransport transport,
    IOptions<MailOptions> options,
    TimeProvider clock,
    IServiceScopeFactory scopes,
    ILogger<DigestSender> logger)
{
    public async Task<SendResult> SendDueAsync(CancellationToken cancellationToken)
    {
        var mail = options.Value;
        var now = clock.GetUtcNow();
        var unconfirmed = await db.DigestDeliveries
            .Where(d => d.Status == DeliveryStatus.Sending && d.LeaseUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Unconfirmed), cancellationToken);
        if (!mail.IsConfigured)
        {
            return new SendResult(0, 0, 0, unconfirmed);
        }

        var due = await db.DigestDeliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && (d.NextAttemptAt == null || d.NextAttemptAt <= now))
            .OrderBy(d => d.Id)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);

        // This sender's own connection takes the first share; every further one works in a scope of its own.
        var connections = Math.Clamp(mail.Connections, 1, 32);
        var shares = due.Select((id, index) => (id, index))
            .GroupBy(x => x.index % connections, x => x.id)
            .Select(share => share.ToList())
            .ToList();
        var results = await Task.WhenAll(shares.Select((share, i) => i == 0
            ? SendAsync(db, transport, share, cancellationToken)
            : SendInScopeAsync(share, cancellationToken)));
        return new SendResult(results.Sum(r => r.Sent), results.Sum(r => r.Retrying), results.Sum(r => r.Failed), unconfirmed);
    }

    private async Task<SendResult> SendInScopeAsync(List<long> ids, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await SendAsync(services.GetRequiredService<TrackerDbContext>(), services.GetRequiredService<IMailTransport>(), ids, cancellationToken);
    }

    private async Task<SendResult> SendAsync(TrackerDbContext context, IMailTransport connection, List<long> ids, CancellationToken cancellationToken)
    {
        var mail = options.Value;
        int sent = 0, retrying = 0, failed = 0;
        foreach (var id in ids)
        {
            var claimed = await context.DigestDeliveries
                .Where(d => d.Id == id && d.Status == DeliveryStatus.Pending)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(d => d.Status, DeliveryStatus.Sending)
                        .SetProperty(d => d.LeaseUntil, clock.GetUtcNow() + mail.Lease)
                        .SetProperty(d => d.Attempts, d => d.Attempts + 1),
                    cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var row = await context.DigestDeliveries.AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken);
            try
            {
                await connection.SendAsync(Message(row, mail), cancellationToken);
            }
            catch (Exception e) when (IsTransient(e) && row.Attempts < mail.MaxAttempts)
            {
                var wait = Backoff(mail.RetryAfter, row.Attempts);
                await SetAsync(context, id, DeliveryStatus.Pending, e.Message, clock.GetUtcNow() + wait, cancellationToken);
                LogRetry(logger, id, row.Recipient, wait, e.Message);
                retrying++;
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await SetAsync(context, id, DeliveryStatus.Failed, e.Message, null, cancellationToken);
                LogFailed(logger, id, row.Recipient, e.Message);
                failed++;
                continue;
            }

            // No cancellation token here: the mail has left, and recording that must not be abandoned half-way.
            await context.DigestDeliveries.Where(d => d.Id == id && d.Status == DeliveryStatus.Sending)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(d => d.Status, DeliveryStatus.Sent)
                        .SetProperty(d => d.SentAt, clock.GetUtcNow())
                        .SetProperty(d => d.LastError, (string?)null),
                    CancellationToken.None);
            sent++;
        }

        return new SendResult(sent, retrying, failed, 0);
    }

    /// <summary>The wait before attempt n + 1: the first wait, doubled for every attempt after the first.</summary>
    public static TimeSpan Backoff(TimeSpan first, int attempts) => first * Math.Pow(2, Math.Max(0, attempts - 1));

    private static bool IsTransient(Exception e) => e switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SmtpProtocolException or ServiceNotConnectedException or SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    private static Task<int> SetAsync(TrackerDbContext db, long id, DeliveryStatus status, string error, DateTimeOffset? nextAttempt, CancellationToken cancellationToken) =>
        db.DigestDeliveries.Where(d => d.Id == id)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, status)
                    .SetProperty(d => d.LastError, error.Length > 2000 ? error[..2000] : error)
                    .SetProperty(d => d.NextAttemptAt, nextAttempt)
                    .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null),
                cancellationToken);

    private static MimeMessage Message(DigestDelivery row, MailOptions mail)
    {
        var message = new MimeMessage { Subject = row.Subject, MessageId = row.MessageId };
        message.From.Add(MailboxAddress.Parse(mail.From));
        message.To.Add(MailboxAddress.Parse(row.Recipient));
        if (row.UnsubscribeUrl is not null)
        {
            // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs to the link.
            message.Headers.Add("List-Unsubscribe", $"<{row.UnsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Body = new BodyBuilder { TextBody = row.TextBody, HtmlBody = row.HtmlBody }.ToMessageBody();
        return message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {Id} to {Recipient} failed for now; retrying in {Wait}: {Error}")]
    private static partial void LogRetry(ILogger logger, long id, string recipient, TimeSpan wait, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest {Id} to {Recipient} failed for good: {Error}")]
    private static partial void LogFailed(ILogger logger, long id, string recipient, string error);
}

public sealed record SendResult(int Sent, int Retrying, int Failed, int Unconfirmed);
