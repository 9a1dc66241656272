using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Data;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Digests;

/// <summary>One subscription: its owner (or an admin) changes or deletes it; anyone else gets 404.</summary>
public sealed class EditSubscriptionModel(
    TrackerDbContext db,
    SaveSubscriptionHandler handler,
    IValidator<SaveSubscriptionRequest> validator,
    CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public SubscriptionInput Input { get; set; } = new();

    public SubscriptionFormView Form { get; private set; } = default!;
    public bool Active { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var subscription = await handler.FindAsync(Id, cancellationToken);
        Active = subscription.Active;
        Input = SubscriptionInput.From(await handler.ToDtoAsync(subscription, cancellationToken));
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var subscription = await handler.FindAsync(Id, cancellationToken);
        Active = subscription.Active;
        if (!user.IsAdmin)
        {
            Input.Email ??= subscription.Email;
        }

        try
        {
            var request = Input.ToRequest();
            await validator.ValidateAndThrowAsync(request, cancellationToken);
            await handler.UpdateAsync(Id, request, cancellationToken);
            TempData["Message"] = "Subscription saved.";
            return RedirectToPage("Index");
        }
        catch (ValidationException exception)
        {
            SubscriptionForm.AddErrors(ModelState, exception);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        await handler.DeleteAsync(Id, cancellationToken);
        TempData["Message"] = "Subscription deleted.";
        return RedirectToPage("Index");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var (actors, topics) = await SubscriptionForm.OptionsAsync(db, cancellationToken);
        Form = new SubscriptionFormView(Input, actors, topics, user.IsAdmin, IsNew: false, "Save");
    }
}
