using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Admin;

public sealed class UsersTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private Task<Browser> AdminAsync() => app.SignInAsNewAsync(Roles.Admin);

    private static async Task<string> UserIdAsync(Browser admin, string email)
    {
        var page = await admin.GetDocumentAsync("/admin/users");
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == email);
        return row.QuerySelector("select")!.Id!["role-".Length..];
    }

    [Fact]
    public async Task An_admin_adds_a_user_who_then_signs_in_with_that_role()
    {
        using var admin = await AdminAsync();
        var email = $"new-curator-{Guid.NewGuid():N}@example.org";

        using var created = await admin.SubmitAsync("/admin/users",
            new() { ["Create.Email"] = email, ["Create.Role"] = Roles.Curator, ["Create.Password"] = TrackerApp.Password }, handler: "Create");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var user = await app.SignInAsync(email);
        var account = await user.GetDocumentAsync("/account");
        Assert.Contains(Roles.Curator, account.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_new_users_get_messages_next_to_the_fields()
    {
        using var admin = await AdminAsync();
        using var response = await admin.SubmitAsync("/admin/users",
            new() { ["Create.Email"] = "not-an-email", ["Create.Role"] = "superuser", ["Create.Password"] = "short" }, handler: "Create");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.NotEmpty(page.QuerySelector("[data-valmsg-for='Create.Email']")!.TextContent);
        Assert.Equal("Choose admin, curator or viewer.", page.QuerySelector("[data-valmsg-for='Create.Role']")!.TextContent);
        Assert.Equal("At least 12 characters; a passphrase is fine.", page.QuerySelector("[data-valmsg-for='Create.Password']")!.TextContent);
    }

    [Fact]
    public async Task A_new_role_takes_effect_for_the_user()
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var admin = await AdminAsync();
        var id = await UserIdAsync(admin, email);

        using var response = await admin.SubmitAsync("/admin/users", new() { ["role"] = Roles.Curator }, handler: $"Role&id={id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var user = await app.SignInAsync(email);
        using var write = await user.SendJsonAsync(HttpMethod.Post, "/api/actors", new { kind = "state", names = new { en = $"Promoted {Guid.NewGuid():N}" } });
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_until_enabled_again()
    {
        var email = await app.CreateUserAsync(Roles.Curator);
        using var admin = await AdminAsync();
        var id = await UserIdAsync(admin, email);

        using var disabled = await admin.SubmitAsync("/admin/users", [], handler: $"Disable&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        using var browser = app.Browser();
        using var refused = await browser.SubmitAsync("/account/sign-in", new() { ["Input.UserName"] = email, ["Input.Password"] = TrackerApp.Password });
        Assert.Equal("This account is disabled. Ask an admin.", (await Browser.ParseAsync(refused)).QuerySelector(".errors li")!.TextContent);

        using var enabled = await admin.SubmitAsync("/admin/users", [], handler: $"Enable&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        using var again = await app.SignInAsync(email);
    }

    [Fact]
    public async Task An_admin_cannot_disable_themself()
    {
        var email = await app.CreateUserAsync(Roles.Admin);
        using var admin = await app.SignInAsync(email);
        var id = await UserIdAsync(admin, email);

        using var response = await admin.SubmitAsync("/admin/users", [], handler: $"Disable&id={id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("You cannot disable your own account.", (await Browser.ParseAsync(response)).QuerySelector(".errors li")!.TextContent);
    }
}
