using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Topics;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Topics;

/// <summary>One topic: everyone reads it, curators edit it through the API's own validator and handler.</summary>
public sealed class EditTopicModel(
    TrackerDbContext db,
    SaveTopicHandler handler,
    IValidator<SaveTopicRequest> validator,
    MergeTopicsHandler merger,
    IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Slug { get; set; } = "";

    [BindProperty] public string? Description { get; set; }

    /// <summary>Moving a topic in the tree is choosing another parent.</summary>
    [BindProperty] public string? Parent { get; set; }
    [BindProperty] public NamesInput Names { get; set; } = new();

    public string DisplayName { get; private set; } = "";
    public bool CanEdit { get; private set; }
    public List<SelectListItem> ParentOptions { get; private set; } = [];

    /// <summary>Every other topic, subtopics included: any of them may be the duplicate.</summary>
    public List<SelectListItem> MergeOptions { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    /// <summary>The slug of the duplicate to merge into this one.</summary>
    [BindProperty]
    public string? Duplicate { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var topic = await LoadAsync(cancellationToken);
        if (topic is null)
        {
            return NotFound();
        }

        var dto = topic.ToDto();
        (Description, Parent, Names) = (dto.Description, dto.Parent, NamesInput.From(dto.Names, dto.Aliases));
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

        var request = new SaveTopicRequest(null, string.IsNullOrWhiteSpace(Parent) ? null : Parent,
            string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(), Names.ToNames(), Names.ToAliases());
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
            var result = await merger.MergeAsync(Slug, new MergeTopicRequest(Duplicate), cancellationToken);
            Message = MergeMessage(result);
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, _ => nameof(Duplicate));
            return await OnGetAsync(cancellationToken);
        }

        return RedirectToPage(new { Slug });
    }

    private static string MergeMessage(MergeTopicResult r) =>
        $"Merged '{r.Duplicate}' into this topic: {r.Claims} claims, {r.Subtopics} subtopics and {r.Aliases} names or aliases moved.";

    private async Task<Topic?> LoadAsync(CancellationToken cancellationToken)
    {
        var topic = await db.Topics.AsNoTracking().Include(t => t.Aliases).Include(t => t.Parent)
            .SingleOrDefaultAsync(t => t.Slug == Slug, cancellationToken);
        if (topic is null)
        {
            return null;
        }

        DisplayName = topic.DisplayName();
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Curate)).Succeeded;
        // Its own subtree is left out: a topic cannot move under itself (the handler refuses it too).
        var subtree = (await TopicTree.SubtreeAsync(db, topic.Id, cancellationToken)).ToHashSet();
        var others = await db.Topics.AsNoTracking().Include(t => t.Aliases).Where(t => t.Id != topic.Id).ToListAsync(cancellationToken);
        MergeOptions = others.Select(t => new SelectListItem(t.DisplayName(), t.Slug))
            .OrderBy(o => o.Text, StringComparer.OrdinalIgnoreCase).ToList();
        ParentOptions = MergeOptions.Where(o => !others.Any(t => t.Slug == o.Value && subtree.Contains(t.Id))).ToList();
        return topic;
    }
}
