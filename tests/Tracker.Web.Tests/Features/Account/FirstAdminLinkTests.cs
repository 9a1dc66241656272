using Microsoft.Extensions.DependencyInjection;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Account;

/// <summary>An app started without Tracker:AdminEmail: nobody can sign in until the printed link is used.</summary>
public sealed class LinkBootstrappedApp : TrackerApp
{
    protected override bool Seed => false;

    protected override bool ConfiguresAdmin => false;
}

public sealed class FirstAdminLinkTests(LinkBootstrappedApp app) : IClassFixture<LinkBootstrappedApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_one_time_link_signs_in_the_admin_once_and_leads_to_setting_a_password()
    {
        var link = app.Services.GetRequiredService<FirstSignInLink>().Path;
        Assert.NotNull(link);
        using var browser = app.Browser();

        // Opening the link signs nobody in: a prefetcher must not use it up.
        using var opened = await browser.Client.GetAsync(link, _ct);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        using var used = await browser.SubmitAsync(link, []);
        Assert.Equal("/account", used.Headers.Location!.OriginalString);

        var account = await browser.GetDocumentAsync("/account");
        Assert.Contains(Roles.Admin, account.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        using var saved = await browser.SubmitAsync("/account", new() { ["Input.NewPassword"] = "the admin's own passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var signedIn = await app.SignInAsync(AdminBootstrap.BootstrapUserName, "the admin's own passphrase");

        using var again = app.Browser();
        var reused = await again.GetDocumentAsync(link);
        Assert.Contains("not valid any more", reused.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        using var account2 = await again.Client.GetAsync("/account", _ct);
        Assert.Equal(HttpStatusCode.Redirect, account2.StatusCode);
    }

    [Fact]
    public async Task A_forged_link_is_refused()
    {
        var link = app.Services.GetRequiredService<FirstSignInLink>().Path!;
        using var browser = app.Browser();
        var page = await browser.GetDocumentAsync(link[..^4] + "AAAA");

        Assert.NotNull(page.QuerySelector(".errors"));
        Assert.Empty(page.Forms);
    }
}
