using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Domain.Claims;

namespace Tracker.Web.Features.Claims;

/// <summary>
/// The claims table. Filtering, sorting and paging are plain GET parameters, so every view has a URL to share;
/// htmx swaps only the results and pushes that URL.
/// </summary>
public sealed class ClaimsPageModel(ListClaimsHandler handler, ClaimFilterOptions options) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int? Document { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Topic { get; set; }
    [BindProperty(SupportsGet = true)] public string? Stance { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    // "p", not "page": Razor Pages keeps the page path in the "page" route value.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public ClaimPage Results { get; private set; } = new(0, 0, PageSize, []);
    public List<FilterOption> Documents { get; private set; } = [];
    public List<FilterOption> Actors { get; private set; } = [];
    public List<FilterOption> Topics { get; private set; } = [];

    public int PageCount => Math.Max(1, (Results.Total + PageSize - 1) / PageSize);

    public static IReadOnlyList<string> Statuses { get; } = Enum.GetValues<ClaimStatus>().Select(s => s.ToString().ToLowerInvariant()).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (From is { } from && To is { } to && from > to)
        {
            ModelState.AddModelError(nameof(To), "The end date is before the start date.");
        }

        if (ModelState.IsValid)
        {
            PageNumber = Math.Max(1, PageNumber);
            Results = await handler.PageAsync(Filter(), (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        }

        if (Request.Headers.ContainsKey("HX-Request") && !Request.Headers.ContainsKey("HX-History-Restore-Request"))
        {
            return Partial("_ClaimsResults", this);
        }

        (Documents, Actors, Topics) = await options.LoadAsync(cancellationToken);
        return Page();
    }

    private ClaimFilter Filter() => new(Document, Actor, Topic, Stance, Status, From, To, Sort: Sort);

    /// <summary>The current filter as query parameters, with some replaced (sorting, paging, format).</summary>
    public string Query(string path, params (string Key, string? Value)[] overrides)
    {
        var values = new Dictionary<string, string?>
        {
            ["document"] = Document?.ToString(CultureInfo.InvariantCulture),
            ["actor"] = Actor,
            ["topic"] = Topic,
            ["stance"] = Stance,
            ["status"] = Status,
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["sort"] = Sort,
        };
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }

    /// <summary>The sort a column header links to: its key, or its reverse when the list is already sorted by it.</summary>
    public string SortLink(string key) => Query("/claims", ("sort", Sort == key ? "-" + key : key), ("p", null));

    public string? AriaSort(string key) =>
        (Sort ?? "date") == key ? "ascending" : Sort == "-" + key ? "descending" : null;
}
