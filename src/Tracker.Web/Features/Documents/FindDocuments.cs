using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;

namespace Tracker.Web.Features.Documents;

/// <summary>A stored document as the import's "translation of" field names it.</summary>
public sealed record DocumentChoice(int Id, DateOnly IssuedOn, string Title)
{
    /// <summary>"2025-05-08 · Joint Statement … (#3)": the date and title to recognize, the id to resolve exactly.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{IssuedOn:yyyy-MM-dd} · {ImportDocumentsModel.Opening(Title, 80)} (#{Id})");
}

/// <summary>
/// Finds stored documents by what a curator types: any part of the title (any case), or an issued-on date,
/// month or year. The typeahead lists the matches; a typed text is accepted only when it names one document.
/// </summary>
public sealed partial class FindDocumentsHandler(TrackerDbContext db)
{
    public async Task<List<DocumentChoice>> SearchAsync(string? text, int take, CancellationToken cancellationToken)
    {
        var term = (text ?? "").Trim();
        if (term.Length == 0)
        {
            return [];
        }

        var query = db.Documents.AsNoTracking();
        if (DateRange(term) is { } range)
        {
            var (from, to) = range;
            query = query.Where(d => d.IssuedOn >= from && d.IssuedOn <= to);
        }
        else
        {
            // LIKE: in SQLite it ignores the case of ASCII letters, and it needs no function over the column.
            var pattern = $"%{Escape(term)}%";
            query = query.Where(d => EF.Functions.Like(d.Title, pattern, "\\"));
        }

        return await query.OrderByDescending(d => d.IssuedOn).ThenBy(d => d.Id)
            .Select(d => new DocumentChoice(d.Id, d.IssuedOn, d.Title))
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    public Task<List<DocumentChoice>> ByIdAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return db.Documents.AsNoTracking().Where(d => list.Contains(d.Id))
            .Select(d => new DocumentChoice(d.Id, d.IssuedOn, d.Title)).ToListAsync(cancellationToken);
    }

    /// <summary>The one document <paramref name="text"/> names (a label picked from the list, or a unique title part or date), or why not.</summary>
    public async Task<(DocumentChoice? Document, string? Error)> ResolveAsync(string text, CancellationToken cancellationToken)
    {
        if (PickedId().Match(text) is { Success: true } picked
            && int.TryParse(picked.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return (await ByIdAsync([id], cancellationToken)).SingleOrDefault() is { } document
                ? (document, null)
                : (null, $"No document #{id} is stored.");
        }

        // A whole title names its document even where it is part of another's.
        var whole = Escape(text.Trim());
        var exact = await db.Documents.AsNoTracking().Where(d => EF.Functions.Like(d.Title, whole, "\\"))
            .Select(d => new DocumentChoice(d.Id, d.IssuedOn, d.Title)).Take(2).ToListAsync(cancellationToken);
        var matches = exact.Count == 1 ? exact : await SearchAsync(text, 2, cancellationToken);
        return matches switch
        {
            [var only] => (only, null),
            [] => (null, $"No stored document has “{text.Trim()}” in its title or as its date."),
            _ => (null, $"“{text.Trim()}” names several documents: choose one from the list."),
        };
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>The days a typed "2025", "2025-05" or "2025-05-08" covers; null for anything else.</summary>
    private static (DateOnly From, DateOnly To)? DateRange(string term)
    {
        var date = DateTerm().Match(term);
        var year = date.Success ? int.Parse(date.Groups["year"].Value, CultureInfo.InvariantCulture) : 0;
        if (year < 1)
        {
            return null;
        }

        if (date.Groups["day"].Success)
        {
            return DateOnly.TryParseExact(term, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? (day, day) : null;
        }

        if (date.Groups["month"].Success)
        {
            var first = new DateOnly(year, int.Parse(date.Groups["month"].Value, CultureInfo.InvariantCulture), 1);
            return (first, first.AddMonths(1).AddDays(-1));
        }

        return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    }

    [GeneratedRegex(@"^(?<year>\d{4})(-(?<month>0[1-9]|1[0-2])(-(?<day>0[1-9]|[12]\d|3[01]))?)?$")]
    private static partial Regex DateTerm();

    [GeneratedRegex(@"\(#(?<id>\d{1,9})\)\s*$")]
    private static partial Regex PickedId();
}
