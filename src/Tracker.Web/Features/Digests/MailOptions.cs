using MailKit.Security;

namespace Tracker.Web.Features.Digests;

/// <summary>
/// The <c>Tracker:Mail</c> section. Without a host, digests are written to the outbox and kept for reading in
/// the app instead of being sent.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Tracker:Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Tracker <tracker@localhost>";

    /// <summary>Attempts before a transient failure counts as permanent.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait before the first retry; it doubles with every further attempt.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a sender owns a row it claimed; after that the row is unconfirmed.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>SMTP connections a run of the outbox uses at once, each with its own share of the due mails.</summary>
    public int Connections { get; set; } = 4;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
