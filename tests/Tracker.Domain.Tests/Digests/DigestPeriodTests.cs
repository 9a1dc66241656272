using Tracker.Domain.Digests;

namespace Tracker.Domain.Tests.Digests;

public sealed class DigestPeriodTests
{
    private static Subscription Daily(int hour, string zone) => new() { Email = "a@example.org", Cadence = Cadence.Daily, Hour = hour, TimeZone = zone };

    [Fact]
    public void A_daily_period_ends_at_the_last_local_hour_and_lasts_a_day()
    {
        var period = DigestPeriod.LatestEnded(Daily(8, "Europe/Berlin"), new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 1, 15, 7, 0, 0, TimeSpan.Zero), period.End);
        Assert.Equal(new DateTimeOffset(2026, 1, 14, 7, 0, 0, TimeSpan.Zero), period.Start);
    }

    [Fact]
    public void Before_the_hour_the_latest_period_is_the_one_that_ended_yesterday()
    {
        var period = DigestPeriod.LatestEnded(Daily(8, "Asia/Shanghai"), new DateTimeOffset(2026, 1, 15, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero), period.End);
    }

    [Fact]
    public void A_weekly_period_ends_on_the_chosen_day()
    {
        var subscription = new Subscription { Email = "a@example.org", Cadence = Cadence.Weekly, Hour = 9, TimeZone = "UTC", DayOfWeek = DayOfWeek.Monday };

        var period = DigestPeriod.LatestEnded(subscription, new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), period.End);
        Assert.Equal(TimeSpan.FromDays(7), period.End - period.Start);
    }

    [Fact]
    public void The_next_period_starts_where_the_last_delivered_one_ended()
    {
        var subscription = Daily(8, "UTC");
        subscription.LastPeriodEnd = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

        var period = DigestPeriod.LatestEnded(subscription, new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(subscription.LastPeriodEnd, period.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero), period.End);
    }

    [Fact]
    public void An_hour_skipped_by_daylight_saving_moves_to_the_first_valid_time()
    {
        // 29 March 2026, 02:00–03:00 does not exist in Berlin.
        var period = DigestPeriod.LatestEnded(Daily(2, "Europe/Berlin"), new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), period.End);
    }
}
