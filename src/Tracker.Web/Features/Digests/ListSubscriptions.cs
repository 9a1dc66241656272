using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain;
using Tracker.Domain.Digests;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Digests;

/// <summary>One subscription as the digests page lists it: what it covers, when it comes, what came last.</summary>
public sealed record SubscriptionRow(
    int Id,
    string Email,
    string? Name,
    string? Owner,
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> Topics,
    bool ChangesOnly,
    string Cadence,
    bool Active,
    string? NextDue,
    DigestPeriod? LastPeriod,
    string? LastStatus)
{
    public string Filter => (Actors.Count == 0 ? "All actors" : string.Join(", ", Actors))
        + " on " + (Topics.Count == 0 ? "all topics" : string.Join(", ", Topics))
        + (ChangesOnly ? " · stance changes only" : " · all new claims");
}

/// <summary>The signed-in user's subscriptions, and for an admin everyone else's as well.</summary>
public sealed class ListSubscriptionsHandler(TrackerDbContext db, CurrentUser user, TimeProvider clock)
{
    public async Task<(List<SubscriptionRow> Mine, List<SubscriptionRow> Others)> ListAsync(CancellationToken cancellationToken)
    {
        var name = user.Name;
        var query = db.Subscriptions.AsNoTracking().Include(s => s.Actors).Include(s => s.Topics).AsQueryable();
        if (!user.IsAdmin)
        {
            query = query.Where(s => s.OwnerUserName == name);
        }

        var subscriptions = await query.OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var ids = subscriptions.Select(s => s.Id).ToList();
        var actorIds = subscriptions.SelectMany(s => s.Actors.Select(a => a.ActorId)).Distinct().ToList();
        var topicIds = subscriptions.SelectMany(s => s.Topics.Select(t => t.TopicId)).Distinct().ToList();
        var actors = (await db.Actors.AsNoTracking().Include(a => a.Aliases).Where(a => actorIds.Contains(a.Id)).ToListAsync(cancellationToken))
            .ToDictionary(a => a.Id, a => a.DisplayName(Languages.English));
        var topics = (await db.Topics.AsNoTracking().Include(t => t.Aliases).Where(t => topicIds.Contains(t.Id)).ToListAsync(cancellationToken))
            .ToDictionary(t => t.Id, t => t.DisplayName(Languages.English));

        // The latest period of each subscription: its outbox row, the newest by period end.
        var latest = (await db.DigestDeliveries.AsNoTracking()
                .Where(d => ids.Contains(d.SubscriptionId))
                .GroupBy(d => d.SubscriptionId)
                .Select(g => g.OrderByDescending(d => d.PeriodEnd).Select(d => new { d.SubscriptionId, d.PeriodStart, d.PeriodEnd, d.Status }).First())
                .ToListAsync(cancellationToken))
            .ToDictionary(d => d.SubscriptionId);

        var now = clock.GetUtcNow();
        var rows = subscriptions.Select(s =>
        {
            var last = latest.GetValueOrDefault(s.Id);
            return new SubscriptionRow(
                s.Id, s.Email, s.Name, s.OwnerUserName,
                s.Actors.Select(a => actors.GetValueOrDefault(a.ActorId, "?")).Order(StringComparer.OrdinalIgnoreCase).ToList(),
                s.Topics.Select(t => topics.GetValueOrDefault(t.TopicId, "?")).Order(StringComparer.OrdinalIgnoreCase).ToList(),
                s.ChangesOnly, Cadence(s), s.Active,
                s.Active ? Local(DigestPeriod.Next(s, now).End, s.TimeZone) : null,
                last is null ? null : new DigestPeriod(last.PeriodStart, last.PeriodEnd),
                last?.Status.ToString().ToLowerInvariant());
        }).ToList();
        return (rows.Where(r => r.Owner == name).ToList(), rows.Where(r => r.Owner != name).ToList());
    }

    /// <summary>"Weekly on Monday at 08:00 (Europe/Berlin)".</summary>
    public static string Cadence(Subscription s) => s.Cadence == Domain.Digests.Cadence.Weekly
        ? string.Create(CultureInfo.InvariantCulture, $"Weekly on {s.DayOfWeek} at {s.Hour:00}:00 ({s.TimeZone})")
        : string.Create(CultureInfo.InvariantCulture, $"Daily at {s.Hour:00}:00 ({s.TimeZone})");

    /// <summary>An instant in the subscription's own time zone: "Mon 1 Dec 2025, 08:00".</summary>
    public static string Local(DateTimeOffset instant, string timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
    }
}
