namespace Tracker.Domain.Digests;

/// <summary>The span of time one digest reports on, in UTC.</summary>
public readonly record struct DigestPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>
    /// The most recent period of the subscription that has ended by <paramref name="now"/>: it ends at the last
    /// local <see cref="Subscription.Hour"/> (on <see cref="Subscription.DayOfWeek"/> for weekly digests) in the
    /// subscription's time zone, and starts where the last delivered one ended, or one cadence earlier.
    /// </summary>
    public static DigestPeriod LatestEnded(Subscription subscription, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var end = new DateTime(local.Year, local.Month, local.Day, subscription.Hour, 0, 0, DateTimeKind.Unspecified);
        if (end > local.DateTime)
        {
            end = end.AddDays(-1);
        }

        if (subscription.Cadence == Cadence.Weekly)
        {
            end = end.AddDays(-(((int)end.DayOfWeek - (int)subscription.DayOfWeek + 7) % 7));
        }

        var endUtc = ToUtc(end, zone);
        var length = subscription.Cadence == Cadence.Weekly ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);
        var start = subscription.LastPeriodEnd is { } last && last < endUtc ? last : endUtc - length;
        return new DigestPeriod(start, endUtc);
    }

    /// <summary>The period the next digest will report on: it has started and ends at the next scheduled hour.</summary>
    public static DigestPeriod Next(Subscription subscription, DateTimeOffset now) =>
        LatestEnded(subscription, now + (subscription.Cadence == Cadence.Weekly ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1)));

    // A local hour that a DST change skips does not exist: take the first valid instant after it.
    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
