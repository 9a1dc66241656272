using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Tracker.Data;
using Tracker.Domain.Digests;
using Tracker.Web.Features.Digests;
using Tracker.Web.Jobs;

namespace Tracker.Web.Tests.Features.Digests;

/// <summary>Digests delivered through a real SMTP server and read back from its mailbox.</summary>
public sealed class DigestDeliveryTests(DigestApp app) : IClassFixture<DigestApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_weeks_changes_reach_the_subscriber_once_even_when_the_job_runs_twice()
    {
        var day = app.NextDay();
        var topic = await NewTopicAsync();
        SmtpServer.SkipUnlessAvailable();
        using var client = app.Admin();
        var email = Recipient();
        app.Clock.SetUtcNow(day.AddDays(0).AddHours(9).AddMinutes(0));
        await SubscribeAsync(client, email, ["russia"], [topic]);
        var first = await AddStatementAsync(client, topic, Date(day, -1), "俄方反对单边制裁。");

        app.Clock.SetUtcNow(day.AddDays(1).AddHours(8).AddMinutes(30));
        await RunJobAsync();
        await RunJobAsync();

        var mail = Assert.Single(app.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Contains("1 new statement", mail.Subject);
        Assert.Contains("俄方反对单边制裁", mail.HtmlBody);
        Assert.Contains("俄方反对单边制裁", mail.TextBody);
        Assert.Contains($"/documents/{first}", mail.HtmlBody);
        Assert.Contains("Russia: new, opposes", mail.TextBody);
        Assert.StartsWith("<http://localhost:5080/unsubscribe?token=", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);

        // The next day Russia goes further on the same topic: the digest names the move.
        app.Clock.SetUtcNow(day.AddDays(1).AddHours(9).AddMinutes(0));
        await AddStatementAsync(client, topic, Date(day, 1), "俄方强烈谴责单边制裁。", "condemns");
        app.Clock.SetUtcNow(day.AddDays(2).AddHours(8).AddMinutes(5));
        await RunJobAsync();

        var mails = app.Smtp.Messages().Where(m => m.To.Mailboxes.Any(a => a.Address == email)).ToList();
        Assert.Equal(2, mails.Count);
        var second = mails.Single(m => m.MessageId != mail.MessageId);
        Assert.Contains("Russia moved from opposes to condemns (intensified)", second.TextBody);
        Assert.Contains("1 position change", second.Subject);
    }

    [Fact]
    public async Task Two_jobs_at_once_share_the_outbox_over_several_connections_and_send_each_digest_once()
    {
        var day = app.NextDay();
        var topic = await NewTopicAsync();
        SmtpServer.SkipUnlessAvailable();
        using var client = app.Admin();
        app.Clock.SetUtcNow(day.AddDays(0).AddHours(9).AddMinutes(0));
        var readers = Enumerable.Range(0, 24).Select(_ => Recipient()).ToList();
        foreach (var reader in readers)
        {
            await SubscribeAsync(client, reader, ["russia"], [topic]);
        }

        await AddStatementAsync(client, topic, Date(day, -1), "俄方反对单边制裁。");

        // Each job spreads the due mails over its connections (four by default); both race for every row.
        app.Clock.SetUtcNow(day.AddDays(1).AddHours(8).AddMinutes(30));
        await Task.WhenAll(RunJobAsync(), RunJobAsync());

        var delivered = app.Smtp.Messages().SelectMany(m => m.To.Mailboxes.Select(a => a.Address)).Where(readers.Contains).ToList();
        Assert.Equal(readers.Order(), delivered.Order());
    }

    [Fact]
    public async Task A_period_without_changes_in_the_filter_sends_nothing()
    {
        var day = app.NextDay();
        var topic = await NewTopicAsync();
        SmtpServer.SkipUnlessAvailable();
        using var client = app.Admin();
        var email = Recipient();
        app.Clock.SetUtcNow(day.AddDays(0).AddHours(9).AddMinutes(0));
        var subscription = await SubscribeAsync(client, email, ["mongolia"], []);
        await AddStatementAsync(client, topic, Date(day, 0), "俄方反对单边制裁和长臂管辖。");

        app.Clock.SetUtcNow(day.AddDays(1).AddHours(8).AddMinutes(30));
        await RunJobAsync();

        Assert.DoesNotContain(app.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Equal(DeliveryStatus.Empty, (await DeliveriesAsync(subscription)).Single().Status);
    }

    [Fact]
    public async Task A_refused_first_attempt_is_retried_after_the_wait_and_delivered_once()
    {
        var day = app.NextDay();
        var topic = await NewTopicAsync();
        SmtpServer.SkipUnlessAvailable();
        using var client = app.Admin();
        var email = Recipient();
        app.Clock.SetUtcNow(day.AddDays(0).AddHours(9).AddMinutes(0));
        var subscription = await SubscribeAsync(client, email, ["russia"], [topic]);
        await AddStatementAsync(client, topic, Date(day, 0), "俄方反对单边制裁。");
        app.Clock.SetUtcNow(day.AddDays(1).AddHours(8).AddMinutes(30));

        await app.Smtp.StopAsync();
        try
        {
            await RunJobAsync();
        }
        finally
        {
            await app.Smtp.StartAsync();
        }

        var refused = (await DeliveriesAsync(subscription)).Single();
        Assert.Equal((DeliveryStatus.Pending, 1), (refused.Status, refused.Attempts));
        Assert.NotNull(refused.LastError);

        await RunJobAsync();
        Assert.DoesNotContain(app.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == email));

        app.Clock.Advance(DigestApp.RetryAfter + TimeSpan.FromSeconds(1));
        await RunJobAsync();
        await RunJobAsync();

        Assert.Single(app.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Equal((DeliveryStatus.Sent, 2), ((await DeliveriesAsync(subscription)).Single().Status, (await DeliveriesAsync(subscription)).Single().Attempts));
    }

    [Fact]
    public async Task A_job_killed_between_sending_and_recording_never_sends_the_digest_again()
    {
        var day = app.NextDay();
        var topic = await NewTopicAsync();
        SmtpServer.SkipUnlessAvailable();
        using var client = app.Admin();
        var email = Recipient();
        app.Clock.SetUtcNow(day.AddDays(0).AddHours(9).AddMinutes(0));
        var subscription = await SubscribeAsync(client, email, ["russia"], [topic]);
        await AddStatementAsync(client, topic, Date(day, 0), "俄方反对单边制裁。");
        app.Clock.SetUtcNow(day.AddDays(1).AddHours(8).AddMinutes(30));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DigestPlanner>().PlanAsync(Cadence.Daily, _ct);
            var transport = new KilledAfterSending(scope.ServiceProvider.GetRequiredService<IMailTransport>(), email);
            // One connection, so the mail to this recipient goes through the transport that dies.
            var configured = scope.ServiceProvider.GetRequiredService<IOptions<MailOptions>>().Value;
            var oneConnection = Options.Create(new MailOptions
            {
                Host = configured.Host, Port = configured.Port, Security = configured.Security, From = configured.From,
                MaxAttempts = configured.MaxAttempts, RetryAfter = configured.RetryAfter, Lease = configured.Lease, Connections = 1,
            });
            var sender = ActivatorUtilities.CreateInstance<DigestSender>(scope.ServiceProvider, transport, oneConnection);
            await Assert.ThrowsAsync<OperationCanceledException>(() => sender.SendDueAsync(_ct));
        }

        Assert.Equal(DeliveryStatus.Sending, (await DeliveriesAsync(subscription)).Single().Status);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await RunJobAsync();
        await RunJobAsync();

        Assert.Single(app.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Equal(DeliveryStatus.Unconfirmed, (await DeliveriesAsync(subscription)).Single().Status);
    }

    [Fact]
    public async Task The_unsubscribe_link_of_a_mail_stops_further_digests()
    {
        var day = app.NextDay();
        var topic = await NewTopicAsync();
        SmtpServer.SkipUnlessAvailable();
        using var client = app.Admin();
        var email = Recipient();
        app.Clock.SetUtcNow(day.AddDays(0).AddHours(9).AddMinutes(0));
        var subscription = await SubscribeAsync(client, email, ["russia"], [topic]);
        await AddStatementAsync(client, topic, Date(day, 0), "俄方反对单边制裁。");
        app.Clock.SetUtcNow(day.AddDays(1).AddHours(8).AddMinutes(30));
        await RunJobAsync();
        var link = new Uri(app.Smtp.Messages().Single(m => m.To.Mailboxes.Any(a => a.Address == email)).Headers["List-Unsubscribe"]!.Trim('<', '>'));

        using var anonymous = app.Anonymous();
        var confirm = await anonymous.GetStringAsync(link.PathAndQuery, _ct);
        using var oneClick = await anonymous.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), _ct);
        using var forged = await anonymous.GetAsync("/unsubscribe?token=forged", _ct);

        Assert.Contains(email, confirm);
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Contains("You are unsubscribed", await oneClick.Content.ReadAsStringAsync(_ct));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        await AddStatementAsync(client, topic, Date(day, 1), "俄方谴责单边制裁。", "condemns");
        app.Clock.SetUtcNow(day.AddDays(2).AddHours(8).AddMinutes(30));
        await RunJobAsync();
        Assert.Single(app.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Single(await DeliveriesAsync(subscription));
    }

    [Fact]
    public async Task Without_smtp_settings_a_digest_is_held_in_the_outbox_for_reading()
    {
        var day = app.NextDay();
        var topic = await NewTopicAsync();
        using var client = app.Admin();
        var email = Recipient();
        app.Clock.SetUtcNow(day.AddDays(0).AddHours(9).AddMinutes(0));
        var subscription = await SubscribeAsync(client, email, ["russia"], [topic]);
        await AddStatementAsync(client, topic, Date(day, 0), "俄方反对单边制裁。");
        app.Clock.SetUtcNow(day.AddDays(1).AddHours(8).AddMinutes(30));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var planner = ActivatorUtilities.CreateInstance<DigestPlanner>(scope.ServiceProvider, Options.Create(new MailOptions()));
            await planner.PlanAsync(Cadence.Daily, _ct);
        }

        var row = (await DeliveriesAsync(subscription)).Single();
        var stored = (await client.GetFromJsonAsync<JsonNode>($"/api/digests/{row.Id}", _ct))!;
        Assert.Equal(DeliveryStatus.Held, row.Status);
        Assert.Contains("俄方反对单边制裁", (string)stored["text"]!);
        Assert.DoesNotContain(app.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == email));
    }

    [Fact]
    public async Task The_preview_shows_the_next_mail_as_it_stands()
    {
        var day = app.NextDay();
        var topic = await NewTopicAsync();
        using var client = app.Admin();
        app.Clock.SetUtcNow(day.AddDays(0).AddHours(9).AddMinutes(0));
        var subscription = await SubscribeAsync(client, Recipient(), ["china"], [topic]);
        await AddStatementAsync(client, topic, Date(day, 0), "中方坚决反对单边制裁。", holder: "china");

        var preview = (await client.GetFromJsonAsync<JsonNode>($"/api/subscriptions/{subscription}/preview", _ct))!;

        Assert.False((bool)preview["empty"]!);
        Assert.Equal(day.AddDays(1).AddHours(8), DateTimeOffset.Parse((string)preview["periodEnd"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("中方坚决反对单边制裁", (string)preview["html"]!);
    }

    [Fact]
    public async Task A_joint_claim_is_one_item_naming_every_holder_the_subscriber_follows()
    {
        var day = app.NextDay();
        var topic = await NewTopicAsync();
        using var client = app.Admin();
        app.Clock.SetUtcNow(day.AddDays(0).AddHours(9).AddMinutes(0));
        var subscription = await SubscribeAsync(client, Recipient(), ["china", "russia"], [topic]);
        using var created = await client.PostAsJsonAsync("/api/documents", new
        {
            title = $"Digest joint test {Guid.NewGuid():N}", issuedOn = Date(day, 0), language = "zh-Hans", kind = "joint_statement",
            signatories = new[] { "china", "russia" }, text = "双方反对单边制裁。 " + Guid.NewGuid().ToString("N"),
        }, _ct);
        var document = (int)(await created.ReadNodeAsync())["id"]!;
        using var claim = await client.PostAsJsonAsync($"/api/documents/{document}/claims", new
        {
            start = 0, end = 8, quote = "双方反对单边制裁", holders = new[] { "china", "russia" }, stance = "opposes", topic,
        }, _ct);
        Assert.Equal(HttpStatusCode.Created, claim.StatusCode);

        var preview = (await client.GetFromJsonAsync<JsonNode>($"/api/subscriptions/{subscription}/preview", _ct))!;

        var text = (string)preview["text"]!;
        Assert.Contains("China, Russia: new, opposes", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "双方反对单边制裁"));
    }

    private static string Date(DateTimeOffset day, int offset) =>
        day.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Recipient() => $"analyst-{Guid.NewGuid():N}@example.org";

    private async Task<int> SubscribeAsync(HttpClient client, string email, string[] actors, string[] topics)
    {
        using var response = await client.PostAsJsonAsync("/api/subscriptions", new
        {
            email, cadence = "daily", hour = 8, timeZone = "UTC", actors, topics,
        }, _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (int)(await response.ReadNodeAsync())["id"]!;
    }

    /// <summary>A topic of the test's own, on which no one has a position yet.</summary>
    private async Task<string> NewTopicAsync()
    {
        using var client = app.Admin();
        using var response = await client.PostAsJsonAsync("/api/topics", new
        {
            parent = "unilateral-sanctions",
            names = new Dictionary<string, string> { ["en"] = $"Sanctions case {Guid.NewGuid():N}" },
        }, _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadNodeAsync())["slug"]!;
    }

    /// <summary>A one-sentence statement with one accepted claim on the topic.</summary>
    private async Task<int> AddStatementAsync(HttpClient client, string topic, string issuedOn, string text, string stance = "opposes", string holder = "russia")
    {
        using var created = await client.PostAsJsonAsync("/api/documents", new
        {
            title = $"Digest test {Guid.NewGuid():N}", issuedOn, language = "zh-Hans", kind = "press_release",
            signatories = new[] { holder }, text = text + " " + Guid.NewGuid().ToString("N"),
        }, _ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (int)(await created.ReadNodeAsync())["id"]!;
        var quote = text.TrimEnd('。');
        using var claim = await client.PostAsJsonAsync($"/api/documents/{id}/claims", new
        {
            start = 0, end = quote.Length, quote, holders = new[] { holder }, stance, topic,
        }, _ct);
        Assert.Equal(HttpStatusCode.Created, claim.StatusCode);
        return id;
    }

    private async Task RunJobAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DigestJobs>().RunAsync(Cadence.Daily, _ct);
    }

    private async Task<List<DigestDelivery>> DeliveriesAsync(int subscription)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TrackerDbContext>().DigestDeliveries.AsNoTracking()
            .Where(d => d.SubscriptionId == subscription).ToListAsync(_ct);
    }

    /// <summary>The SMTP server takes the mail to the recipient, then the job is stopped before it can record that.</summary>
    private sealed class KilledAfterSending(IMailTransport inner, string recipient) : IMailTransport
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            await inner.SendAsync(message, cancellationToken);
            if (message.To.Mailboxes.Any(m => m.Address == recipient))
            {
                throw new OperationCanceledException("The job was stopped.");
            }
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
