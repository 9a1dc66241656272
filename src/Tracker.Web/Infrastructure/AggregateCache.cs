using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;

namespace Tracker.Web.Infrastructure;

/// <summary>
/// Remembers aggregates over all claims (the most active actors, claims per month) until the data changes. On a
/// million claims each is a full scan of hundreds of milliseconds, and the dashboard asks for them on every visit.
/// The stamp is the newest claim, document and audit entry: every edit, delete and merge of claims writes an
/// audit entry in its transaction, and imports add rows, so any change to what is counted moves the stamp.
/// </summary>
public sealed class AggregateCache
{
    private readonly ConcurrentDictionary<string, (DataStamp Stamp, object Value)> _entries = new(StringComparer.Ordinal);

    public async Task<T> GetAsync<T>(TrackerDbContext db, string key, Func<Task<T>> compute, CancellationToken cancellationToken)
        where T : class
    {
        var stamp = await DataStamp.ReadAsync(db, cancellationToken);
        if (_entries.TryGetValue(key, out var entry) && entry.Stamp == stamp)
        {
            return (T)entry.Value;
        }

        var value = await compute();
        _entries[key] = (stamp, value);
        return value;
    }
}

public sealed record DataStamp(int? Claim, int? Document, long? Audit)
{
    public static async Task<DataStamp> ReadAsync(TrackerDbContext db, CancellationToken cancellationToken) => new(
        await db.Claims.MaxAsync(c => (int?)c.Id, cancellationToken),
        await db.Documents.MaxAsync(d => (int?)d.Id, cancellationToken),
        await db.AuditEntries.MaxAsync(a => (long?)a.Id, cancellationToken));
}
