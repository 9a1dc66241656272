using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;

namespace Tracker.Web.Infrastructure;

/// <summary>
/// Remembers aggregates over all claims (the most active actors, claims per month) until the data changes. On a
/// million claims each is a full scan of hundreds of milliseconds, and the dashboard asks for them on every visit.
/// The stamp is the newest claim, document and audit entry: every edit, delete and merge of claims and every
/// correction of a document's details (a new date moves its positions) writes an audit entry in its transaction,
/// and imports add rows, so any change to what is counted moves the stamp.
/// </summary>
public sealed class AggregateCache
{
    /// <summary>How many answers <see cref="GetRecentAsync"/> keeps: the few views everyone opens, not every filter.</summary>
    public const int RecentEntries = 16;

    private readonly ConcurrentDictionary<string, (DataStamp Stamp, object Value)> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DataStamp Stamp, object Value, long Used)> _recent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DataStamp Stamp, long Used)> _askedOnce = new(StringComparer.Ordinal);
    private long _clock;

    /// <summary>
    /// Like <see cref="GetAsync{T}"/> for answers whose keys are many (a matrix per filter): at most
    /// <see cref="RecentEntries"/> are kept, the least recently used going first, and an answer is kept only once
    /// it has been asked for a second time (between two changes of the data). A view asked for once (another
    /// as-of date, a one-off filter) is composed and let go: kept, a 50 × 100 matrix was megabytes that outlived
    /// the request only to be dropped later, and every full collection then walked the views kept. The value must
    /// not be changed by whoever receives it.
    /// </summary>
    public async Task<T> GetRecentAsync<T>(TrackerDbContext db, string key, Func<Task<T>> compute, CancellationToken cancellationToken)
        where T : class
    {
        var stamp = await DataStamp.ReadAsync(db, cancellationToken);
        if (_recent.TryGetValue(key, out var entry) && entry.Stamp == stamp)
        {
            _recent[key] = entry with { Used = Interlocked.Increment(ref _clock) };
            return (T)entry.Value;
        }

        var value = await compute();
        if (!(_askedOnce.TryRemove(key, out var asked) && asked.Stamp == stamp))
        {
            // The first time: only the key is remembered, a few times as many keys as views.
            _askedOnce[key] = (stamp, Interlocked.Increment(ref _clock));
            while (_askedOnce.Count > RecentEntries * 4)
            {
                _askedOnce.TryRemove(_askedOnce.MinBy(e => e.Value.Stamp == stamp ? e.Value.Used : long.MinValue).Key, out _);
            }

            return value;
        }

        _recent[key] = (stamp, value, Interlocked.Increment(ref _clock));
        while (_recent.Count > RecentEntries)
        {
            var oldest = _recent.MinBy(e => e.Value.Stamp == stamp ? e.Value.Used : long.MinValue);
            _recent.TryRemove(oldest.Key, out _);
        }

        return value;
    }

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
