using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Data;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Digests;

/// <summary>
/// Any signed-in user's subscriptions, with the form to add one. Subscribing is reading, not curating, so
/// viewers may; the handler lets them address only their own e-mail. Admins also see everyone else's.
/// </summary>
public sealed class DigestsModel(
    TrackerDbContext db,
    ListSubscriptionsHandler list,
    SaveSubscriptionHandler handler,
    IValidator<SaveSubscriptionRequest> validator,
    CurrentUser user) : PageModel
{
    [BindProperty]
    public SubscriptionInput Input { get; set; } = new();

    public List<SubscriptionRow> Mine { get; private set; } = [];
    public List<SubscriptionRow> Others { get; private set; } = [];
    public SubscriptionFormView Form { get; private set; } = default!;
    public bool IsAdmin => user.IsAdmin;

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new SubscriptionInput { Email = await handler.OwnEmailAsync(cancellationToken), TimeZone = "UTC" };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!IsAdmin)
        {
            // The field is read-only for non-admins; an address sent anyway is still checked by the handler.
            Input.Email ??= await handler.OwnEmailAsync(cancellationToken);
        }

        try
        {
            var request = Input.ToRequest();
            await validator.ValidateAndThrowAsync(request, cancellationToken);
            var created = await handler.CreateAsync(request, cancellationToken);
            Message = $"Subscribed {created.Email}. The preview shows the next mail.";
            return RedirectToPage("Preview", new { id = created.Id });
        }
        catch (ValidationException exception)
        {
            SubscriptionForm.AddErrors(ModelState, exception);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        await handler.DeleteAsync(id, cancellationToken);
        Message = "Subscription deleted.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        (Mine, Others) = await list.ListAsync(cancellationToken);
        var (actors, topics) = await SubscriptionForm.OptionsAsync(db, cancellationToken);
        Form = new SubscriptionFormView(Input, actors, topics, IsAdmin, IsNew: true, "Subscribe");
    }
}
