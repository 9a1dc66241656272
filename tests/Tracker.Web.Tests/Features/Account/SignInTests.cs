using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Account;

public sealed class SignInTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_admin_from_configuration_signs_in_through_the_form()
    {
        using var browser = await app.SignInAsync(TrackerApp.AdminEmail, TrackerApp.AdminPassword);

        var account = await browser.GetDocumentAsync("/account");
        Assert.Contains(TrackerApp.AdminEmail, account.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Roles.Admin, account.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(account.QuerySelector("a[href='/admin/users']"));
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_data_directory_so_sessions_survive_a_restart()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Viewer);

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(app.DataDirectory, "keys"), "key-*.xml"));
    }

    [Fact]
    public async Task Pages_send_visitors_who_are_not_signed_in_to_the_sign_in_form()
    {
        using var browser = app.Browser();
        using var response = await browser.Client.GetAsync("/admin/users", _ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in?ReturnUrl=%2Fadmin%2Fusers", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_form_returns_to_the_page_asked_for()
    {
        var email = await app.CreateUserAsync(Roles.Curator);
        using var browser = app.Browser();
        using var response = await browser.SubmitAsync("/account/sign-in?ReturnUrl=%2Faccount",
            new() { ["Input.UserName"] = email, ["Input.Password"] = TrackerApp.Password });

        Assert.Equal("/account", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_form_never_redirects_to_another_site()
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var browser = app.Browser();
        using var response = await browser.SubmitAsync("/account/sign-in?ReturnUrl=https%3A%2F%2Fevil.example%2F",
            new() { ["Input.UserName"] = email, ["Input.Password"] = TrackerApp.Password });

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_shows_one_message_for_wrong_password_and_unknown_user()
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var browser = app.Browser();
        using var wrongPassword = await browser.SubmitAsync("/account/sign-in", new() { ["Input.UserName"] = email, ["Input.Password"] = "not the password" });
        using var unknownUser = await browser.SubmitAsync("/account/sign-in", new() { ["Input.UserName"] = "nobody@example.org", ["Input.Password"] = "not the password" });

        foreach (var response in new[] { wrongPassword, unknownUser })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Browser.ParseAsync(response);
            Assert.Equal("The email or password is not right.", page.QuerySelector(".errors li")!.TextContent);
        }
    }

    [Fact]
    public async Task Empty_fields_get_messages_next_to_them()
    {
        using var browser = app.Browser();
        using var response = await browser.SubmitAsync("/account/sign-in", new() { ["Input.UserName"] = "", ["Input.Password"] = "" });

        var page = await Browser.ParseAsync(response);
        Assert.Equal("Enter your email or user name.", page.QuerySelector("[data-valmsg-for='Input.UserName']")!.TextContent);
        Assert.Equal("Enter your password.", page.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_against_the_right_password()
    {
        var email = await app.CreateUserAsync(Roles.Curator);
        using var browser = app.Browser();
        for (var attempt = 0; attempt < AuthSetup.MaxFailedSignIns; attempt++)
        {
            using var failed = await browser.SubmitAsync("/account/sign-in", new() { ["Input.UserName"] = email, ["Input.Password"] = $"wrong {attempt}" });
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var response = await browser.SubmitAsync("/account/sign-in", new() { ["Input.UserName"] = email, ["Input.Password"] = TrackerApp.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains("locked", page.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        using var account = await browser.Client.GetAsync("/account", _ct);
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var email = await app.CreateUserAsync(Roles.Curator);
        using var browser = app.Browser();
        using var signIn = await browser.PostAsync("/account/sign-in", new() { ["Input.UserName"] = email, ["Input.Password"] = TrackerApp.Password });
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);

        using var admin = await app.SignInAsync(TrackerApp.AdminEmail, TrackerApp.AdminPassword);
        var newUser = $"csrf-{Guid.NewGuid():N}@example.org";
        using var create = await admin.PostAsync("/admin/users?handler=Create",
            new() { ["Create.Email"] = newUser, ["Create.Role"] = Roles.Admin, ["Create.Password"] = TrackerApp.Password });

        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        var users = await admin.GetDocumentAsync("/admin/users");
        Assert.DoesNotContain(newUser, users.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Viewer);
        using var response = await browser.PostAsync("/account/sign-out", new() { ["__RequestVerificationToken"] = await browser.AntiforgeryTokenAsync() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var account = await browser.Client.GetAsync("/account", _ct);
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
    }

    [Fact]
    public async Task A_user_changes_their_password_and_signs_in_with_the_new_one()
    {
        var email = await app.CreateUserAsync(Roles.Curator);
        using var browser = await app.SignInAsync(email);
        using var wrong = await browser.SubmitAsync("/account", new() { ["Input.CurrentPassword"] = "not it", ["Input.NewPassword"] = "another long passphrase" });
        Assert.Equal("Incorrect password.", (await Browser.ParseAsync(wrong)).QuerySelector("[data-valmsg-for='Input.CurrentPassword']")!.TextContent);

        using var saved = await browser.SubmitAsync("/account", new() { ["Input.CurrentPassword"] = TrackerApp.Password, ["Input.NewPassword"] = "another long passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var again = await app.SignInAsync(email, "another long passphrase");
    }

    [Fact]
    public async Task An_unknown_page_is_a_friendly_404()
    {
        using var browser = await app.SignInAsNewAsync(Roles.Viewer);
        using var response = await browser.Client.GetAsync("/no/such/page", _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_api_still_answers_401_problems_without_credentials_and_accepts_a_session()
    {
        using var anonymous = app.Anonymous();
        using var unauthorized = await anonymous.GetAsync("/api/actors", _ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("application/problem+json", unauthorized.Content.Headers.ContentType?.MediaType);

        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);
        using var read = await viewer.Client.GetAsync("/api/actors", _ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var write = await viewer.Client.PostAsJsonAsync("/api/actors", new { kind = "state", names = new { en = "Viewer Land" } }, _ct);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
    }
}
