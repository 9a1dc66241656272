using Microsoft.EntityFrameworkCore;

namespace Tracker.Data;

/// <summary>Walks the topic taxonomy: a stance on "golden-dome" counts under "missile-defense".</summary>
public static class TopicTree
{
    /// <summary>The topic and every topic below it.</summary>
    public static async Task<List<int>> SubtreeAsync(TrackerDbContext db, int topicId, CancellationToken cancellationToken) =>
        (await SubtreesAsync(db, [topicId], cancellationToken))[topicId];

    /// <summary>For each topic, the topic and every topic below it, from one read of the taxonomy.</summary>
    public static async Task<Dictionary<int, List<int>>> SubtreesAsync(TrackerDbContext db, IEnumerable<int> topicIds, CancellationToken cancellationToken)
    {
        // The taxonomy is small (thousands of rows): one read of the parent links beats a recursive query
        // that each provider spells differently.
        var links = await db.Topics.AsNoTracking().Select(t => new { t.Id, t.ParentId }).ToListAsync(cancellationToken);
        var children = links.Where(l => l.ParentId is not null).ToLookup(l => l.ParentId!.Value, l => l.Id);
        var subtrees = new Dictionary<int, List<int>>();
        foreach (var topicId in topicIds.Distinct())
        {
            var result = new List<int>();
            var pending = new Stack<int>([topicId]);
            while (pending.TryPop(out var id))
            {
                result.Add(id);
                foreach (var child in children[id])
                {
                    pending.Push(child);
                }
            }

            subtrees[topicId] = result;
        }

        return subtrees;
    }
}
