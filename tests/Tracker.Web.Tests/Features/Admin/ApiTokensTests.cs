using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Admin;

public sealed class ApiTokensTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>Issues a token through the admin page and returns the secret the page shows once.</summary>
    private async Task<(string Secret, string Name)> IssueAsync(Browser admin, string role)
    {
        var email = await app.CreateUserAsync(role);
        var tokens = await admin.GetDocumentAsync("/admin/tokens");
        var userId = tokens.QuerySelectorAll<IHtmlOptionElement>("#Issue_UserId option").Single(o => o.Text == email).Value;
        var name = $"script {Guid.NewGuid():N}";

        using var response = await admin.SubmitAsync("/admin/tokens", new() { ["Issue.Name"] = name, ["Issue.UserId"] = userId }, handler: "Issue");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var secret = (await Browser.ParseAsync(response)).QuerySelector("#issued-secret")!.TextContent;
        Assert.StartsWith("trk_", secret, StringComparison.Ordinal);
        return (secret, name);
    }

    private HttpClient WithToken(string secret)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task An_issued_token_acts_with_its_owners_role_and_records_its_last_use()
    {
        using var admin = await app.SignInAsNewAsync(Roles.Admin);
        var (secret, name) = await IssueAsync(admin, Roles.Curator);
        using var client = WithToken(secret);

        using var read = await client.GetAsync("/api/topics", _ct);
        using var write = await client.PostAsJsonAsync("/api/actors", new { kind = "state", names = new { en = $"Token Land {Guid.NewGuid():N}" } }, _ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
        var row = (await admin.GetDocumentAsync("/admin/tokens")).QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == name);
        Assert.DoesNotContain("never", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_never_again()
    {
        using var admin = await app.SignInAsNewAsync(Roles.Admin);
        var (secret, _) = await IssueAsync(admin, Roles.Viewer);

        var page = await admin.GetDocumentAsync("/admin/tokens");

        Assert.Null(page.QuerySelector("#issued-secret"));
        Assert.DoesNotContain(secret, page.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_gets_401()
    {
        using var admin = await app.SignInAsNewAsync(Roles.Admin);
        var (secret, name) = await IssueAsync(admin, Roles.Viewer);
        using var client = WithToken(secret);
        using var before = await client.GetAsync("/api/actors", _ct);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        var row = (await admin.GetDocumentAsync("/admin/tokens")).QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == name);
        var action = row.QuerySelector<IHtmlFormElement>("form")!.GetAttribute("action")!;
        using var revoked = await admin.SubmitAsync("/admin/tokens", [], handler: action[(action.IndexOf("handler=", StringComparison.Ordinal) + "handler=".Length)..]);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        using var after = await client.GetAsync("/api/actors", _ct);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_viewers_token_reads_but_every_write_is_403()
    {
        using var admin = await app.SignInAsNewAsync(Roles.Admin);
        var (secret, _) = await IssueAsync(admin, Roles.Viewer);
        using var client = WithToken(secret);

        using var read = await client.GetAsync("/api/claims?limit=1", _ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        foreach (var (method, path) in new[]
                 {
                     ("POST", "/api/documents"), ("PUT", "/api/documents/1"), ("POST", "/api/actors"), ("PUT", "/api/actors/china"), ("POST", "/api/topics"),
                     ("PUT", "/api/topics/strategic-stability"), ("POST", "/api/documents/1/claims"), ("PUT", "/api/claims/1"), ("DELETE", "/api/claims/1"),
                 })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
            using var response = await client.SendAsync(request, _ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_disabled_users_tokens_stop_working()
    {
        using var admin = await app.SignInAsNewAsync(Roles.Admin);
        var (secret, _) = await IssueAsync(admin, Roles.Curator);
        var owner = (await admin.GetDocumentAsync("/admin/tokens")).QuerySelectorAll("tbody tr")
            .First(r => r.QuerySelector("th") is not null).QuerySelectorAll("td")[1].TextContent;
        var users = await admin.GetDocumentAsync("/admin/users");
        var id = users.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == owner).QuerySelector("select")!.Id!["role-".Length..];

        using var disabled = await admin.SubmitAsync("/admin/users", [], handler: $"Disable&id={id}");
        using var client = WithToken(secret);
        using var response = await client.GetAsync("/api/actors", _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_without_a_name_is_refused_with_a_message_next_to_the_field()
    {
        using var admin = await app.SignInAsNewAsync(Roles.Admin);
        using var response = await admin.SubmitAsync("/admin/tokens", new() { ["Issue.Name"] = "", ["Issue.UserId"] = "" }, handler: "Issue");

        var page = await Browser.ParseAsync(response);
        Assert.Null(page.QuerySelector("#issued-secret"));
        Assert.NotEmpty(page.QuerySelector("[data-valmsg-for='Issue.Name']")!.TextContent);
        Assert.Equal("Choose the user the token acts for.", page.QuerySelector("[data-valmsg-for='Issue.UserId']")!.TextContent);
    }
}
