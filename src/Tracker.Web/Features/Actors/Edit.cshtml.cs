using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Actors;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Actors;

/// <summary>One actor: everyone reads it, curators edit it through the API's own validator and handler.</summary>
public sealed class EditActorModel(
    TrackerDbContext db,
    SaveActorHandler handler,
    IValidator<SaveActorRequest> validator,
    MergeActorsHandler merger,
    IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Slug { get; set; } = "";

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Iso { get; set; }
    [BindProperty] public string? Parent { get; set; }
    [BindProperty] public NamesInput Names { get; set; } = new();

    public string DisplayName { get; private set; } = "";
    public bool CanEdit { get; private set; }
    public List<SelectListItem> ParentOptions { get; private set; } = [];

    /// <summary>Every other actor: any of them may be the duplicate.</summary>
    public List<SelectListItem> MergeOptions => ParentOptions;

    [TempData]
    public string? Message { get; set; }

    /// <summary>The slug of the duplicate to merge into this one.</summary>
    [BindProperty]
    public string? Duplicate { get; set; }

    public static IEnumerable<string> Kinds => Enum.GetNames<ActorKind>().Select(k => k.ToLowerInvariant());

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await LoadAsync(cancellationToken);
        if (actor is null)
        {
            return NotFound();
        }

        var dto = actor.ToDto();
        (Kind, Iso, Parent, Names) = (dto.Kind, dto.Iso, dto.Parent, NamesInput.From(dto.Names, dto.Aliases));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Curate)).Succeeded)
        {
            return Forbid();
        }

        if (await LoadAsync(cancellationToken) is null)
        {
            return NotFound();
        }

        var request = new SaveActorRequest(null, Kind, string.IsNullOrWhiteSpace(Iso) ? null : Iso.Trim(),
            string.IsNullOrWhiteSpace(Parent) ? null : Parent, Names.ToNames(), Names.ToAliases());
        try
        {
            await validator.ValidateAndThrowAsync(request, cancellationToken);
            await handler.UpdateAsync(Slug, request, cancellationToken);
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, ModelStateErrors.NamedEntityField);
            return Page();
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
            return Page();
        }

        Message = "Saved.";
        return RedirectToPage(new { Slug });
    }

    public async Task<IActionResult> OnPostMergeAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Curate)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            var result = await merger.MergeAsync(Slug, new MergeActorRequest(Duplicate), cancellationToken);
            Message = MergeMessage(result);
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, _ => nameof(Duplicate));
            return await OnGetAsync(cancellationToken);
        }

        return RedirectToPage(new { Slug });
    }

    private static string MergeMessage(MergeResult r) =>
        $"Merged '{r.Duplicate}' into this actor: {r.Claims} claims held, {r.Targets} claims aimed at it, {r.Signatures} signatures and {r.Aliases} names or aliases moved.";

    private async Task<Actor?> LoadAsync(CancellationToken cancellationToken)
    {
        var actor = await db.Actors.AsNoTracking().Include(a => a.Aliases).Include(a => a.Parent)
            .SingleOrDefaultAsync(a => a.Slug == Slug, cancellationToken);
        if (actor is null)
        {
            return null;
        }

        DisplayName = actor.DisplayName();
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Curate)).Succeeded;
        var others = await db.Actors.AsNoTracking().Include(a => a.Aliases).Where(a => a.Id != actor.Id).ToListAsync(cancellationToken);
        ParentOptions = others.Select(a => new SelectListItem(a.DisplayName(), a.Slug))
            .OrderBy(o => o.Text, StringComparer.OrdinalIgnoreCase).ToList();
        return actor;
    }
}
