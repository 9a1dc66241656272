using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Data;
using Tracker.Domain.Digests;
using Tracker.Web.Features.Digests;

namespace Tracker.Web.Tests.Features.Digests;

/// <summary>Rows of a test's own on the shared app: a topic no one has a position on, a statement, an outbox row.</summary>
internal static class DigestTestData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// An outbox row for an external reader, composed by the planner from a statement of the test's own, in the
    /// state the test needs (the shared app has no SMTP server to fail against).
    /// </summary>
    public static async Task<long> NewDeliveryAsync(TrackerApp app, DeliveryStatus status)
    {
        var topic = await NewTopicAsync(app);
        await AddStatementAsync(app, topic, "俄方反对单边制裁" + Guid.NewGuid().ToString("N")[..6]);
        using var client = app.Admin();
        using var created = await client.PostAsJsonAsync("/api/subscriptions", new
        {
            email = $"reader-{Guid.NewGuid():N}@example.org", cadence = "daily", hour = 8, timeZone = "UTC", actors = new[] { "russia" }, topics = new[] { topic },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (int)(await created.ReadNodeAsync())["id"]!;

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        var subscription = await db.Subscriptions.AsNoTracking().Include(s => s.Actors).Include(s => s.Topics).SingleAsync(s => s.Id == id, Ct);
        var now = DateTimeOffset.UtcNow;
        var row = await scope.ServiceProvider.GetRequiredService<DigestPlanner>().ComposeAsync(subscription, DigestPeriod.Next(subscription, now), now, Ct);
        Assert.NotEqual(DeliveryStatus.Empty, row.Status);
        row.Status = status;
        if (status == DeliveryStatus.Failed)
        {
            row.Attempts = 6;
            row.LastError = "550 5.1.1 mailbox unavailable";
        }

        db.DigestDeliveries.Add(row);
        await db.SaveChangesAsync(Ct);
        return row.Id;
    }

    /// <summary>A topic of the test's own below unilateral sanctions, on which no one has a position yet.</summary>
    public static async Task<string> NewTopicAsync(TrackerApp app)
    {
        using var client = app.Admin();
        using var response = await client.PostAsJsonAsync("/api/topics", new
        {
            parent = "unilateral-sanctions",
            names = new Dictionary<string, string> { ["en"] = $"Digest page case {Guid.NewGuid():N}" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadNodeAsync())["slug"]!;
    }

    /// <summary>A one-sentence statement by Russia with one accepted claim (opposes, unless told) on the topic.</summary>
    public static async Task AddStatementAsync(TrackerApp app, string topic, string quote, string stance = "opposes", bool negated = false)
    {
        using var client = app.Admin();
        using var created = await client.PostAsJsonAsync("/api/documents", new
        {
            title = $"Digest page test {Guid.NewGuid():N}", issuedOn = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            language = "zh-Hans", kind = "press_release", signatories = new[] { "russia" }, text = quote + "。",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (int)(await created.ReadNodeAsync())["id"]!;
        using var claim = await client.PostAsJsonAsync($"/api/documents/{id}/claims", new
        {
            start = 0, end = quote.Length, quote, holders = new[] { "russia" }, stance, topic, negated,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, claim.StatusCode);
    }
}
