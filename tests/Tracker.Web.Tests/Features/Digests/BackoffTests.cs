using Tracker.Web.Features.Digests;

namespace Tracker.Web.Tests.Features.Digests;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    public void Each_retry_waits_twice_as_long_as_the_one_before(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), DigestSender.Backoff(TimeSpan.FromMinutes(1), attempts));
}
