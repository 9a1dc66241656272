using Microsoft.EntityFrameworkCore;
using Tracker.Data;

namespace Tracker.Web.Features.LexiconEntries;

/// <summary>A lexicon entry with the curators' decisions on the suggestions its cue made.</summary>
public sealed record LexiconRow(LexiconEntryDto Entry, int Accepted, int Rejected)
{
    public int Decided => Accepted + Rejected;

    /// <summary>accepted / (accepted + rejected); null before any decision.</summary>
    public double? Precision => Decided == 0 ? null : (double)Accepted / Decided;
}

public sealed record LexiconFilter(string? Language, string? Kind, string? Q, string? Sort, bool Decided = false);

/// <summary>The lexicon page's rows: filtered, with per-entry precision, sorted so misfiring cues come first on request.</summary>
public sealed class ListLexiconHandler(TrackerDbContext db)
{
    public const int MaxRows = 300;

    public async Task<(List<LexiconRow> Rows, int Total)> HandleAsync(LexiconFilter filter, CancellationToken cancellationToken)
    {
        var query = db.LexiconEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            query = query.Where(e => e.Language == filter.Language);
        }

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            query = query.Where(e => e.Kind == filter.Kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(e => e.Text.Contains(q) || e.Key.Contains(q));
        }

        var entries = await query.ToListAsync(cancellationToken);
        var counts = await db.SuggestionDecisions.AsNoTracking()
            .Where(d => d.LexiconEntryId != null)
            .GroupBy(d => d.LexiconEntryId!.Value)
            .Select(g => new { Id = g.Key, Accepted = g.Count(d => d.Accepted), Rejected = g.Count(d => !d.Accepted) })
            .ToDictionaryAsync(g => g.Id, cancellationToken);
        var rows = entries.Select(e => counts.TryGetValue(e.Id, out var c)
            ? new LexiconRow(e.ToDto(), c.Accepted, c.Rejected)
            : new LexiconRow(e.ToDto(), 0, 0));

        if (filter.Decided)
        {
            rows = rows.Where(r => r.Decided > 0);
        }

        rows = filter.Sort switch
        {
            // Misfiring first: the lowest precision, and among equals the most rejections; undecided entries last.
            "precision" => rows.OrderBy(r => r.Precision is null).ThenBy(r => r.Precision).ThenByDescending(r => r.Rejected).ThenBy(r => r.Entry.Text, StringComparer.Ordinal),
            "-precision" => rows.OrderBy(r => r.Precision is null).ThenByDescending(r => r.Precision).ThenByDescending(r => r.Accepted).ThenBy(r => r.Entry.Text, StringComparer.Ordinal),
            "decisions" => rows.OrderByDescending(r => r.Decided).ThenBy(r => r.Entry.Text, StringComparer.Ordinal),
            _ => rows.OrderBy(r => r.Entry.Language, StringComparer.Ordinal).ThenBy(r => LexiconEntryMapping.Kinds.ToList().IndexOf(r.Entry.Kind))
                .ThenBy(r => r.Entry.Key, StringComparer.Ordinal).ThenBy(r => r.Entry.Text, StringComparer.Ordinal),
        };
        var all = rows.ToList();
        return (all.Take(MaxRows).ToList(), all.Count);
    }
}
