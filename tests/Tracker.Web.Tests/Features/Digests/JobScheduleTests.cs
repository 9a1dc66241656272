using Microsoft.AspNetCore.Hosting;
using Tracker.Web.Infrastructure.Auth;

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
    public async Task Admins_find_the_dashboard_in_the_navigation_and_others_do_not()
    {
        using var admin = await app.SignInAsync(TrackerApp.AdminEmail, TrackerApp.AdminPassword);
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var adminNav = (await admin.GetDocumentAsync("/digests")).QuerySelectorAll("nav a").Select(a => a.GetAttribute("href"));
        var viewerNav = (await viewer.GetDocumentAsync("/digests")).QuerySelectorAll("nav a").Select(a => a.GetAttribute("href"));

        Assert.Contains("/hangfire", adminNav);
        Assert.DoesNotContain("/hangfire", viewerNav);
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
