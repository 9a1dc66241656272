namespace Tracker.Domain.Digests;

/// <summary>Someone who wants the changes to come to them: a filter, a cadence and an address.</summary>
public class Subscription
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public string? Name { get; set; }

    /// <summary>The signed-in user who owns it; null for an external reader an admin subscribed.</summary>
    public string? OwnerUserName { get; set; }

    public Cadence Cadence { get; set; }

    /// <summary>Local hour (0–23) at which a period ends and the digest goes out.</summary>
    public int Hour { get; set; } = 8;

    /// <summary>IANA time zone of <see cref="Hour"/>, e.g. "Europe/Berlin".</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>For weekly digests, the day the week ends on.</summary>
    public DayOfWeek DayOfWeek { get; set; } = DayOfWeek.Monday;

    /// <summary>Only position changes (new, intensified, reversed …), not every new claim.</summary>
    public bool ChangesOnly { get; set; }

    public List<SubscriptionActor> Actors { get; set; } = [];
    public List<SubscriptionTopic> Topics { get; set; } = [];

    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UnsubscribedAt { get; set; }

    /// <summary>End of the last period a digest was delivered (or found empty) for; the next one starts there.</summary>
    public DateTimeOffset? LastPeriodEnd { get; set; }
}

public class SubscriptionActor
{
    public int SubscriptionId { get; set; }
    public int ActorId { get; set; }
}

public class SubscriptionTopic
{
    public int SubscriptionId { get; set; }
    public int TopicId { get; set; }
}

public enum Cadence
{
    Daily,
    Weekly,
}
