using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain;

namespace Tracker.Web.Features.Claims;

public sealed record FilterOption(string Value, string Label);

/// <summary>The choices of the claims filter: documents newest first, actors by name, topics as an indented tree.</summary>
public sealed class ClaimFilterOptions(TrackerDbContext db)
{
    public async Task<(List<FilterOption> Documents, List<FilterOption> Actors, List<FilterOption> Topics)> LoadAsync(CancellationToken cancellationToken)
    {
        var documents = await db.Documents.AsNoTracking()
            .OrderByDescending(d => d.IssuedOn).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Title, d.IssuedOn })
            .ToListAsync(cancellationToken);
        var actors = await db.Actors.AsNoTracking().Include(a => a.Aliases).ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().Include(t => t.Aliases).ToListAsync(cancellationToken);

        var children = topics.ToLookup(t => t.ParentId);
        var tree = new List<FilterOption>();
        void Walk(int? parentId, int depth)
        {
            foreach (var topic in children[parentId].OrderBy(t => t.DisplayName(Languages.English), StringComparer.OrdinalIgnoreCase))
            {
                // Non-breaking spaces survive in <option> text where ordinary ones collapse.
                tree.Add(new FilterOption(topic.Slug, new string('\u00A0', depth * 3) + topic.DisplayName(Languages.English)));
                Walk(topic.Id, depth + 1);
            }
        }

        Walk(null, 0);
        return (
            documents.Select(d => new FilterOption(d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{d.IssuedOn:yyyy-MM-dd} · {d.Title}")).ToList(),
            actors.Select(a => new FilterOption(a.Slug, a.DisplayName(Languages.English))).OrderBy(o => o.Label, StringComparer.OrdinalIgnoreCase).ToList(),
            tree);
    }
}
