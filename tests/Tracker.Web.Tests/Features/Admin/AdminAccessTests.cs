using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Admin;

/// <summary>Only admins reach the admin pages: every page and handler, for every other role and for visitors.</summary>
public sealed class AdminAccessTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Endpoints()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var role in new[] { Roles.Viewer, Roles.Curator })
        {
            data.Add(role, "GET", "/admin/users");
            data.Add(role, "POST", "/admin/users?handler=Create");
            data.Add(role, "POST", "/admin/users/?handler=Role&id=x");
            data.Add(role, "POST", "/admin/users?handler=Disable&id=x");
            data.Add(role, "POST", "/admin/users?handler=Enable&id=x");
            data.Add(role, "GET", "/admin/tokens");
            data.Add(role, "POST", "/admin/tokens?handler=Issue");
            data.Add(role, "POST", "/admin/tokens?handler=Revoke&id=1");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Viewers_and_curators_get_403_from_every_admin_page_and_handler(string role, string method, string path)
    {
        using var browser = await app.SignInAsNewAsync(role);
        var token = await browser.AntiforgeryTokenAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Create.Email"] = $"sneaky-{Guid.NewGuid():N}@example.org",
                ["Create.Role"] = Roles.Admin,
                ["Create.Password"] = TrackerApp.Password,
                ["Issue.Name"] = "sneaky",
                ["role"] = Roles.Admin,
            });
        }

        using var response = await browser.Client.SendAsync(request, _ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Not allowed", (await Browser.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("GET", "/admin/users")]
    [InlineData("POST", "/admin/users?handler=Create")]
    [InlineData("POST", "/admin/users?handler=Role&id=x")]
    [InlineData("POST", "/admin/users?handler=Disable&id=x")]
    [InlineData("POST", "/admin/users?handler=Enable&id=x")]
    [InlineData("GET", "/admin/tokens")]
    [InlineData("POST", "/admin/tokens?handler=Issue")]
    [InlineData("POST", "/admin/tokens?handler=Revoke&id=1")]
    [InlineData("GET", "/account")]
    [InlineData("POST", "/account")]
    public async Task Visitors_are_sent_to_sign_in_from_every_page_and_handler(string method, string path)
    {
        using var browser = app.Browser();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new FormUrlEncodedContent([]) };
        using var response = await browser.Client.SendAsync(request, _ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(AuthSetup.SignInPath, response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Htmx_requests_of_visitors_get_a_full_page_redirect_instead_of_a_fragment()
    {
        using var browser = app.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/users");
        request.Headers.Add("HX-Request", "true");
        using var response = await browser.Client.SendAsync(request, _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(AuthSetup.SignInPath, response.Headers.GetValues("HX-Redirect").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_admins_see_no_admin_links()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Curator);
        var page = await browser.GetDocumentAsync("/account");

        Assert.Null(page.QuerySelector("a[href^='/admin']"));
    }
}
