namespace Tracker.Domain.Digests;

/// <summary>
/// The outbox row of one digest: one per subscription and period, unique in the database. It is written before
/// anything is sent and is the truth about what was sent, so a job that runs twice or dies half-way never
/// sends the same digest twice.
/// </summary>
public class DigestDelivery
{
    public long Id { get; set; }
    public int SubscriptionId { get; set; }
    public Subscription? Subscription { get; set; }
    public DateTimeOffset PeriodStart { get; set; }
    public DateTimeOffset PeriodEnd { get; set; }
    public DeliveryStatus Status { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public required string HtmlBody { get; set; }
    public required string TextBody { get; set; }

    /// <summary>The signed one-click link, for the List-Unsubscribe header as well as the body.</summary>
    public string? UnsubscribeUrl { get; set; }

    /// <summary>The Message-ID header, fixed when the row is written so every attempt sends the same message.</summary>
    public required string MessageId { get; set; }

    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Until when the sender that claimed the row owns it.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

public enum DeliveryStatus
{
    /// <summary>Written, waiting to be sent (or to be retried at <see cref="DigestDelivery.NextAttemptAt"/>).</summary>
    Pending,

    /// <summary>A sender has claimed it and is talking to the SMTP server.</summary>
    Sending,

    Sent,

    /// <summary>
    /// The sender stopped while talking to the SMTP server, so whether the mail left is unknown. It is not
    /// resent on its own (that could send it twice); an admin decides.
    /// </summary>
    Unconfirmed,

    /// <summary>Refused for good (a permanent SMTP error, or retries used up).</summary>
    Failed,

    /// <summary>Nothing within the filter changed in the period: nothing is sent.</summary>
    Empty,

    /// <summary>No SMTP server is configured: the digest is kept for reading in the app.</summary>
    Held,
}
