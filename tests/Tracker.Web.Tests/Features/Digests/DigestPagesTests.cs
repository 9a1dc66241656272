using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Data;
using Tracker.Domain.Digests;
using Tracker.Web.Features.Digests;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Digests;

/// <summary>
/// The digests pages on the shared app: subscribing (own address only, unless admin), the preview of the next
/// mail, and the admins' outbox. Every test subscribes its own users and, where it needs changes, its own topic.
/// </summary>
public sealed class DigestPagesTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_viewer_subscribes_their_own_address_weekly_and_sees_filter_cadence_and_next_due()
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var viewer = await app.SignInAsync(email);

        var form = await viewer.GetDocumentAsync("/digests");
        var field = form.QuerySelector<IHtmlInputElement>("#email")!;
        Assert.Equal(email, field.Value);
        Assert.True(field.IsReadOnly);

        using var created = await viewer.SubmitAsync("/digests", Subscription(email, "russia", "unilateral-sanctions"), "Create");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Matches(@"^/digests/\d+/preview$", created.Headers.Location!.OriginalString);
        var list = await viewer.GetDocumentAsync("/digests");
        var row = Assert.Single(list.QuerySelectorAll("table.subscriptions tbody tr[data-subscription]"));
        Assert.Equal("Russia on Unilateral sanctions · stance changes only", row.QuerySelector("td.filter")!.TextContent.Trim());
        Assert.Contains("Weekly on Friday at 07:00 (Europe/Berlin)", row.TextContent);
        Assert.StartsWith("Fri ", row.QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Contains("none yet", row.TextContent);
    }

    [Fact]
    public async Task Without_script_the_form_still_asks_the_day_and_the_server_checks_it_for_daily_digests_too()
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var viewer = await app.SignInAsync(email);

        // The page itself hides nothing: only digests.js hides the day for a daily digest.
        var form = await viewer.GetDocumentAsync("/digests");
        var day = form.QuerySelector("[data-weekly-only]")!;
        Assert.False(day.HasAttribute("hidden"));
        Assert.NotNull(day.QuerySelector("select[name='Input.DayOfWeek']"));

        var fields = Subscription(email, "russia", "unilateral-sanctions");
        fields["Input.Cadence"] = "daily";
        fields["Input.DayOfWeek"] = "someday";
        using var refused = await viewer.SubmitAsync("/digests", fields, "Create");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Day of week is monday", (await Browser.ParseAsync(refused)).QuerySelector("[data-valmsg-for='Input.DayOfWeek']")!.TextContent);

        fields["Input.DayOfWeek"] = "wednesday";
        using var created = await viewer.SubmitAsync("/digests", fields, "Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var row = Assert.Single((await viewer.GetDocumentAsync("/digests")).QuerySelectorAll("table.subscriptions tbody tr[data-subscription]"));
        Assert.Contains("Daily at 07:00 (Europe/Berlin)", row.TextContent);
    }

    [Fact]
    public async Task A_viewer_cannot_subscribe_someone_else_through_the_form_or_the_api()
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var viewer = await app.SignInAsync(email);
        var other = $"someone-else-{Guid.NewGuid():N}@example.org";

        using var page = await viewer.SubmitAsync("/digests", Subscription(other, "russia", "unilateral-sanctions"), "Create");
        using var api = await viewer.SendJsonAsync(HttpMethod.Post, "/api/subscriptions", new { email = other, cadence = "daily", actors = new[] { "russia" } });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var message = (await Browser.ParseAsync(page)).QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent;
        Assert.Contains("only your own e-mail address", message);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("only your own e-mail address", (string)(await api.ReadNodeAsync())["errors"]!["email"]![0]!);
        Assert.DoesNotContain(await AllSubscriptionsAsync(), s => s.Email == other);
    }

    [Fact]
    public async Task Validation_messages_stand_next_to_their_fields()
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var viewer = await app.SignInAsync(email);
        var fields = Subscription(email, "no-such-actor", "unilateral-sanctions");
        fields["Input.TimeZone"] = "Mars/Olympus";

        using var response = await viewer.SubmitAsync("/digests", fields, "Create");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains("'no-such-actor' is not a known actor", page.QuerySelector("[data-valmsg-for='Input.Actors']")!.TextContent);
        Assert.Contains("'Mars/Olympus' is not a time zone", page.QuerySelector("[data-valmsg-for='Input.TimeZone']")!.TextContent);
        Assert.Empty(page.QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent);
    }

    [Fact]
    public async Task An_admin_subscribes_an_external_reader_and_sees_everyone_elses_subscriptions()
    {
        var viewerEmail = await app.CreateUserAsync(Roles.Viewer);
        using var viewer = await app.SignInAsync(viewerEmail);
        using var own = await viewer.SubmitAsync("/digests", Subscription(viewerEmail, "china", "unilateral-sanctions"), "Create");
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        using var admin = await app.SignInAsNewAsync(Roles.Admin);
        var external = $"reader-{Guid.NewGuid():N}@think-tank.example";

        var form = await admin.GetDocumentAsync("/digests");
        Assert.False(form.QuerySelector<IHtmlInputElement>("#email")!.IsReadOnly);
        using var created = await admin.SubmitAsync("/digests", Subscription(external, "russia", "unilateral-sanctions"), "Create");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await admin.GetDocumentAsync("/digests");
        var others = list.QuerySelectorAll("table.subscriptions")[1];
        Assert.Contains(others.QuerySelectorAll("tbody th"), th => th.TextContent.Contains(external, StringComparison.Ordinal));
        Assert.Contains(others.QuerySelectorAll("tbody th"), th => th.TextContent.Contains(viewerEmail, StringComparison.Ordinal));
        var viewerList = await viewer.GetDocumentAsync("/digests");
        Assert.DoesNotContain(external, viewerList.DocumentElement.TextContent);
        Assert.Contains(await AllSubscriptionsAsync(), s => s.Email == external && s.OwnerUserName == null);
    }

    [Fact]
    public async Task A_viewer_edits_and_deletes_their_subscription_but_cannot_open_anyone_elses()
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var viewer = await app.SignInAsync(email);
        var id = await SubscribeAsync(viewer, Subscription(email, "russia", "unilateral-sanctions"));
        using var stranger = await app.SignInAsNewAsync(Roles.Viewer);

        var changed = Subscription(email, "china", "unilateral-sanctions");
        changed["Input.Cadence"] = "daily";
        changed["Input.ChangesOnly"] = "false";
        using var saved = await viewer.SubmitAsync($"/digests/{id}", changed);
        using var strangerEdit = await stranger.Client.GetAsync($"/digests/{id}", _ct);
        using var strangerPreview = await stranger.Client.GetAsync($"/digests/{id}/preview", _ct);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = (await viewer.GetDocumentAsync("/digests")).QuerySelector($"tr[data-subscription='{id}']")!;
        Assert.Equal("China on Unilateral sanctions · all new claims", row.QuerySelector("td.filter")!.TextContent.Trim());
        Assert.Contains("Daily at 07:00 (Europe/Berlin)", row.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, strangerEdit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerPreview.StatusCode);

        using var deleted = await viewer.SubmitAsync("/digests", [], $"Delete&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null((await viewer.GetDocumentAsync("/digests")).QuerySelector($"tr[data-subscription='{id}']"));
    }

    [Fact]
    public async Task Editing_a_subscription_keeps_a_time_zone_set_through_the_api_that_the_list_lacks()
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var viewer = await app.SignInAsync(email);
        using var created = await viewer.SendJsonAsync(HttpMethod.Post, "/api/subscriptions", new { email, cadence = "daily", hour = 6, timeZone = "Etc/GMT+5" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (int)(await created.ReadNodeAsync())["id"]!;

        var page = await viewer.GetDocumentAsync($"/digests/{id}");
        using var saved = await viewer.SubmitAsync($"/digests/{id}", []);

        Assert.Equal("Etc/GMT+5", page.QuerySelector<IHtmlSelectElement>("#zone")!.Value);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Etc/GMT+5", (await AllSubscriptionsAsync()).Single(s => s.Id == id).TimeZone);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var viewer = await app.SignInAsync(email);
        await viewer.GetDocumentAsync("/digests");

        using var response = await viewer.PostAsync("/digests?handler=Create", Subscription(email, "russia", "unilateral-sanctions"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(await AllSubscriptionsAsync(), s => s.Email == email);
    }

    [Fact]
    public async Task The_preview_shows_the_next_mail_with_its_headers_html_and_text()
    {
        var topic = await DigestTestData.NewTopicAsync(app);
        var quote = "俄方反对单边制裁" + Guid.NewGuid().ToString("N")[..6];
        await DigestTestData.AddStatementAsync(app, topic, quote);
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var viewer = await app.SignInAsync(email);
        var id = await SubscribeAsync(viewer, Subscription(email, "russia", topic));

        var page = await viewer.GetDocumentAsync($"/digests/{id}/preview");

        var headers = page.QuerySelector("dl.mail-headers")!.TextContent;
        Assert.Contains($"To{email}", headers.Replace("\n", "", StringComparison.Ordinal));
        Assert.Contains("1 new statement", page.QuerySelector("dd.subject")!.TextContent);
        Assert.Contains("/unsubscribe?token=", headers);
        var frame = page.QuerySelector<IHtmlInlineFrameElement>("iframe.mail-frame")!;
        Assert.Equal("", frame.GetAttribute("sandbox"));
        Assert.Contains(quote, frame.GetAttribute("srcdoc"));
        Assert.StartsWith("<!DOCTYPE html>", frame.GetAttribute("srcdoc")!.TrimStart());
        Assert.Contains("Russia: new, opposes", page.QuerySelector("pre.mail-text")!.TextContent);
        Assert.Null(page.QuerySelector(".nothing"));
    }

    [Fact]
    public async Task A_negated_claim_reads_as_what_it_denies_and_is_coloured_as_the_position_it_takes()
    {
        var topic = await DigestTestData.NewTopicAsync(app);
        var quote = "俄方呼吁摒弃单边制裁" + Guid.NewGuid().ToString("N")[..6];
        await DigestTestData.AddStatementAsync(app, topic, quote, stance: "calls_for", negated: true);
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var viewer = await app.SignInAsync(email);
        var id = await SubscribeAsync(viewer, Subscription(email, "russia", topic));

        var page = await viewer.GetDocumentAsync($"/digests/{id}/preview");

        Assert.Contains("Russia: new, calls for an end to", page.QuerySelector("pre.mail-text")!.TextContent);
        var html = page.QuerySelector<IHtmlInlineFrameElement>("iframe.mail-frame")!.GetAttribute("srcdoc")!;
        Assert.Contains("Russia: new, calls for an end to", html);
        Assert.Contains("border-left:4px solid #b3412e", html);
    }

    [Fact]
    public async Task The_preview_says_so_when_nothing_changed_and_no_mail_would_be_sent()
    {
        var topic = await DigestTestData.NewTopicAsync(app);
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var viewer = await app.SignInAsync(email);
        var id = await SubscribeAsync(viewer, Subscription(email, "russia", topic));

        var page = await viewer.GetDocumentAsync($"/digests/{id}/preview");

        Assert.Contains("no mail would be sent", page.QuerySelector(".nothing")!.TextContent);
        Assert.Null(page.QuerySelector("iframe"));
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Curator)]
    public async Task Only_admins_reach_the_outbox(string role)
    {
        var delivery = await DigestTestData.NewDeliveryAsync(app, DeliveryStatus.Failed);
        using var user = await app.SignInAsNewAsync(role);
        var token = await user.AntiforgeryTokenAsync();
        using var anonymous = app.Browser();

        using var list = await user.Client.GetAsync("/admin/outbox", _ct);
        using var one = await user.Client.GetAsync($"/admin/outbox/{delivery}", _ct);
        using var resend = await user.PostAsync($"/admin/outbox/{delivery}?handler=Resend", new() { ["__RequestVerificationToken"] = token });
        using var visitor = await anonymous.Client.GetAsync("/admin/outbox", _ct);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, resend.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.StartsWith("/account/sign-in", visitor.Headers.Location!.PathAndQuery);
        Assert.Equal(DeliveryStatus.Failed, await StatusAsync(delivery));
    }

    [Fact]
    public async Task An_admin_sees_a_permanent_failure_in_the_outbox_reads_it_and_resends_it()
    {
        var delivery = await DigestTestData.NewDeliveryAsync(app, DeliveryStatus.Failed);
        using var admin = await app.SignInAsNewAsync(Roles.Admin);

        var failed = await admin.GetDocumentAsync("/admin/outbox?status=failed");
        var row = failed.QuerySelector($"tr[data-delivery='{delivery}']")!;
        Assert.Equal("failed (permanent)", row.QuerySelector("td.status")!.TextContent.Trim());
        Assert.Contains("550 5.1.1 mailbox unavailable", row.QuerySelector("td.last-error")!.TextContent);
        Assert.All(failed.QuerySelectorAll("td.status"), status => Assert.Equal("failed (permanent)", status.TextContent.Trim()));
        var sent = await admin.GetDocumentAsync("/admin/outbox?status=sent");
        Assert.Null(sent.QuerySelector($"tr[data-delivery='{delivery}']"));

        var stored = await admin.GetDocumentAsync($"/admin/outbox/{delivery}");
        Assert.Contains("俄方反对单边制裁", stored.QuerySelector<IHtmlInlineFrameElement>("iframe.mail-frame")!.GetAttribute("srcdoc"));
        Assert.Contains("Russia: new, opposes", stored.QuerySelector("pre.mail-text")!.TextContent);

        using var resent = await admin.SubmitAsync($"/admin/outbox/{delivery}", [], "Resend");
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal(DeliveryStatus.Pending, await StatusAsync(delivery));
        var subscription = (await AllDeliveriesAsync()).Single(d => d.Id == delivery).SubscriptionId;
        var listed = (await admin.GetDocumentAsync("/digests")).QuerySelector($"tr[data-subscription='{subscription}']")!;
        Assert.Contains("pending", listed.QuerySelectorAll("td")[3].TextContent);
        Assert.Contains(" UTC", listed.QuerySelectorAll("td")[3].TextContent);
        var after = await admin.GetDocumentAsync($"/admin/outbox/{delivery}");
        Assert.Equal("pending", after.QuerySelector("h1 .tag")!.TextContent);
        Assert.Null(after.QuerySelector("main form[action*='Resend']"));
    }

    [Fact]
    public async Task A_digest_held_for_want_of_smtp_is_readable_in_the_outbox()
    {
        var delivery = await DigestTestData.NewDeliveryAsync(app, DeliveryStatus.Held);
        using var admin = await app.SignInAsNewAsync(Roles.Admin);

        var held = await admin.GetDocumentAsync("/admin/outbox?status=held");
        var stored = await admin.GetDocumentAsync($"/admin/outbox/{delivery}");

        Assert.Equal("held (no SMTP)", held.QuerySelector($"tr[data-delivery='{delivery}'] td.status")!.TextContent.Trim());
        Assert.Contains("No SMTP server is configured", held.QuerySelector(".notice")!.TextContent);
        Assert.Contains("俄方反对单边制裁", stored.QuerySelector("pre.mail-text")!.TextContent);
    }

    [Fact]
    public async Task Everyone_has_a_digests_link_and_only_admins_the_outbox()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);
        using var admin = await app.SignInAsNewAsync(Roles.Admin);

        var viewerNav = (await viewer.GetDocumentAsync("/digests")).QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).ToList();
        var adminNav = (await admin.GetDocumentAsync("/digests")).QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("/digests", viewerNav);
        Assert.DoesNotContain("/admin/outbox", viewerNav);
        Assert.DoesNotContain("/hangfire", viewerNav);
        Assert.Contains("/admin/outbox", adminNav);
        // This app runs without Hangfire (Tracker:Jobs=false), so there is no dashboard to link to.
        Assert.DoesNotContain("/hangfire", adminNav);
    }

    private static Dictionary<string, string> Subscription(string email, string actor, string topic) => new()
    {
        ["Input.Email"] = email,
        ["Input.Cadence"] = "weekly",
        ["Input.DayOfWeek"] = "friday",
        ["Input.Hour"] = "7",
        ["Input.TimeZone"] = "Europe/Berlin",
        ["Input.ChangesOnly"] = "true",
        ["Input.Actors[0]"] = actor,
        ["Input.Topics[0]"] = topic,
    };

    private static async Task<int> SubscribeAsync(Browser browser, Dictionary<string, string> fields)
    {
        using var response = await browser.SubmitAsync("/digests", fields, "Create");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<Subscription>> AllSubscriptionsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TrackerDbContext>().Subscriptions.AsNoTracking().ToListAsync(_ct);
    }

    private async Task<List<DigestDelivery>> AllDeliveriesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TrackerDbContext>().DigestDeliveries.AsNoTracking().ToListAsync(_ct);
    }

    private async Task<DeliveryStatus> StatusAsync(long delivery)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TrackerDbContext>().DigestDeliveries.Where(d => d.Id == delivery).Select(d => d.Status).SingleAsync(_ct);
    }
}
