using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.LexiconEntries;

/// <summary>One lexicon entry for curators to change or delete.</summary>
public sealed class EditLexiconEntryModel(
    TrackerDbContext db,
    SaveLexiconEntryHandler handler,
    IValidator<SaveLexiconEntryRequest> validator,
    IAuthorizationService authorization) : PageModel
{
    [BindProperty] public LexiconInput Input { get; set; } = new();

    public LexiconEntryDto Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await CanCurateAsync())
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new LexiconInput { Language = Entry.Language, Kind = Entry.Kind, Key = Entry.Key, Text = Entry.Text };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await CanCurateAsync())
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var request = Input.ToRequest();
            await validator.ValidateAndThrowAsync(request, cancellationToken);
            var saved = await handler.UpdateAsync(id, request, cancellationToken);
            TempData["Message"] = $"Saved “{saved.Text}”; its decisions stay with it.";
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, LexiconInput.Field);
            return Page();
        }

        return Redirect($"/lexicon?language={Uri.EscapeDataString(Input.Language ?? "")}&kind={Uri.EscapeDataString(Input.Kind ?? "")}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (!await CanCurateAsync())
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await handler.DeleteAsync(id, cancellationToken);
        TempData["Message"] = $"Deleted “{Entry.Text}”.";
        return Redirect($"/lexicon?language={Uri.EscapeDataString(Entry.Language)}&kind={Uri.EscapeDataString(Entry.Kind)}");
    }

    private async Task<bool> CanCurateAsync() => (await authorization.AuthorizeAsync(User, Policies.Curate)).Succeeded;

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var entry = await db.LexiconEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        Entry = entry?.ToDto()!;
        return entry is not null;
    }
}
