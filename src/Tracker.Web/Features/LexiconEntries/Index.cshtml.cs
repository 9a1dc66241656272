using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Text.Suggesting;
using Tracker.Web.Features.Suggestions;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.LexiconEntries;

/// <summary>
/// The suggester's lexicon per language and kind, with each cue's precision from the curators' decisions;
/// curators add entries here and edit or delete them on <c>/lexicon/{id}</c>.
/// </summary>
public sealed class LexiconPageModel(
    ListLexiconHandler list,
    SaveLexiconEntryHandler handler,
    IValidator<SaveLexiconEntryRequest> validator,
    IAuthorizationService authorization,
    TrackerDbContext db,
    SuggesterProvider suggesters) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    /// <summary>Only entries curators have decided on, to read the precision figures together.</summary>
    [BindProperty(SupportsGet = true)] public bool Decided { get; set; }

    [BindProperty] public LexiconInput Input { get; set; } = new();

    public List<LexiconRow> Rows { get; private set; } = [];

    /// <summary>The model learned from curated claims, which suggests where no cue does; null when nothing was curated.</summary>
    public StanceModel? Learned { get; private set; }

    /// <summary>Curators' decisions on the model's suggestions, as the table has them for each cue.</summary>
    public (int Accepted, int Rejected) LearnedDecisions { get; private set; }
    public int Total { get; private set; }
    public bool CanEdit { get; private set; }

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Curate)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            var request = Input.ToRequest();
            await validator.ValidateAndThrowAsync(request, cancellationToken);
            var entry = await handler.CreateAsync(request, cancellationToken);
            Message = $"Added “{entry.Text}” ({entry.Language}, {entry.Kind.Replace('_', ' ')}). New suggestions use it at once.";
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, LexiconInput.Field);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage(new { Language = Input.Language, Kind = Input.Kind, Q, Sort });
    }

    public string SortLink(string sort) =>
        QueryString.Create(new Dictionary<string, string?> { ["language"] = Language, ["kind"] = Kind, ["q"] = Q, ["sort"] = sort, ["decided"] = Decided ? "true" : null }
            .Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Curate)).Succeeded;
        (Rows, Total) = await list.HandleAsync(new LexiconFilter(Language, Kind, Q, Sort, Decided), cancellationToken);
        Learned = await suggesters.GetModelAsync(db, cancellationToken);
        var learned = await db.SuggestionDecisions.AsNoTracking().Where(d => d.Learned)
            .GroupBy(d => d.Accepted).Select(g => new { Accepted = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        LearnedDecisions = (learned.Where(g => g.Accepted).Sum(g => g.Count), learned.Where(g => !g.Accepted).Sum(g => g.Count));
        Input.Language ??= Language ?? Domain.Languages.English;
        Input.Kind ??= Kind ?? Domain.Lexicon.LexiconKinds.Cue;
    }
}
