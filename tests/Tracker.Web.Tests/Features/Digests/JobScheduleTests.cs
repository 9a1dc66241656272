using Microsoft.AspNetCore.Hosting;

namespace Tracker.Web.Tests.Features.Digests;

/// <summary>The app as it runs in production: Hangfire on, the digest jobs scheduled, the dashboard for admins.</summary>
public sealed class JobScheduleTests(JobScheduleTests.JobsApp app) : IClassFixture<JobScheduleTests.JobsApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dashboard_lists_the_digest_jobs_for_an_admin()
    {
        using var client = app.Admin();
        var page = await client.GetStringAsync("/hangfire/recurring", _ct);

        Assert.Contains("digest-daily", page);
        Assert.Contains("digest-weekly", page);
        Assert.Contains("digest-outbox", page);
    }

    [Fact]
    public async Task The_dashboard_is_closed_to_anyone_not_signed_in_as_admin()
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync("/hangfire/recurring", _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public sealed class JobsApp : TrackerApp
    {
        protected override bool Seed => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Tracker:Jobs", "true");
        }
    }
}
