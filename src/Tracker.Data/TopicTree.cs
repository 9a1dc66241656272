using Microsoft.EntityFrameworkCore;

namespace Tracker.Data;

/// <summary>Walks the topic taxonomy: a stance on "golden-dome" counts under "missile-defense".</summary>
public static class TopicTree
{
    /// <summary>The topic and every topic below it.</summary>
    public static Task<List<int>> SubtreeAsync(TrackerDbContext db, int topicId, CancellationToken cancellationToken) =>
        SubtreesAsync(db, [topicId], cancellationToken);

    /// <summary>The topics and every topic below any of them, each once.</summary>
    public static async Task<List<int>> SubtreesAsync(TrackerDbContext db, IEnumerable<int> topicIds, CancellationToken cancellationToken)
    {
        // The taxonomy is small (thousands of rows): one read of the parent links beats a recursive query
        // that each provider spells differently.
        var links = await db.Topics.AsNoTracking().Select(t => new { t.Id, t.ParentId }).ToListAsync(cancellationToken);
        var children = links.Where(l => l.ParentId is not null).ToLookup(l => l.ParentId!.Value, l => l.Id);
        var result = new List<int>();
        var seen = new HashSet<int>();
        var pending = new Stack<int>(topicIds);
        while (pending.TryPop(out var id))
        {
            if (!seen.Add(id))
            {
                continue;
            }

            result.Add(id);
            foreach (var child in children[id])
            {
                pending.Push(child);
            }
        }

        return result;
    }
}
