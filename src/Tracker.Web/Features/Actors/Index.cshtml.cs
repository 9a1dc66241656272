using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;

namespace Tracker.Web.Features.Actors;

public sealed record ActorRow(string Slug, string Name, string Kind, string? Parent, IReadOnlyList<(string Language, string Text)> Aliases, int Claims);

/// <summary>Every actor, searchable over all its aliases in every language (the API's search).</summary>
public sealed class ActorsPageModel(TrackerDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public List<ActorRow> Actors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actors = await db.Actors.AsNoTracking().Include(a => a.Aliases).Include(a => a.Parent).ThenInclude(p => p!.Aliases)
            .Matching(Q).ToListAsync(cancellationToken);
        var ids = actors.Select(a => a.Id).ToList();
        var claims = await db.ClaimHolders.Where(h => ids.Contains(h.ActorId)).GroupBy(h => h.ActorId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Actors = actors
            .Select(a => new ActorRow(a.Slug, a.DisplayName(), a.Kind.ToString().ToLowerInvariant(), a.Parent?.DisplayName(),
                a.Aliases.Where(al => !al.IsName || al.Language != Domain.Languages.English).Select(al => (al.Language, al.Text)).ToList(),
                claims.GetValueOrDefault(a.Id)))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return Request.Headers.ContainsKey("HX-Request") && !Request.Headers.ContainsKey("HX-History-Restore-Request")
            ? Partial("_ActorRows", this)
            : Page();
    }
}
