using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Topics;

namespace Tracker.Web.Features.Topics;

public sealed record TopicRow(string Slug, string Name, int Depth, string Path, IReadOnlyList<(string Language, string Text)> Aliases, int Claims);

/// <summary>The taxonomy as an indented tree; a search shows the matching topics with their path.</summary>
public sealed class TopicsPageModel(TrackerDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public List<TopicRow> Topics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await db.Topics.AsNoTracking().Include(t => t.Aliases).ToListAsync(cancellationToken);
        var matching = (await db.Topics.AsNoTracking().Matching(Q).Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();
        var claims = await db.Claims.GroupBy(c => c.TopicId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var byId = all.ToDictionary(t => t.Id);
        var children = all.ToLookup(t => t.ParentId);

        string PathOf(Topic topic) => topic.ParentId is { } parent && byId.TryGetValue(parent, out var p) ? $"{PathOf(p)} › {p.DisplayName()}".TrimStart(' ', '›') : "";

        void Walk(int? parentId, int depth)
        {
            foreach (var topic in children[parentId].OrderBy(t => t.DisplayName(), StringComparer.OrdinalIgnoreCase))
            {
                if (matching.Contains(topic.Id))
                {
                    Topics.Add(new TopicRow(topic.Slug, topic.DisplayName(), string.IsNullOrWhiteSpace(Q) ? depth : 0, PathOf(topic),
                        topic.Aliases.Where(a => !a.IsName || a.Language != Domain.Languages.English).Select(a => (a.Language, a.Text)).ToList(),
                        claims.GetValueOrDefault(topic.Id)));
                }

                Walk(topic.Id, depth + 1);
            }
        }

        Walk(null, 0);
        return Request.Headers.ContainsKey("HX-Request") && !Request.Headers.ContainsKey("HX-History-Restore-Request")
            ? Partial("_TopicRows", this)
            : Page();
    }
}
