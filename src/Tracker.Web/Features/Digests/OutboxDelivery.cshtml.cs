using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tracker.Domain.Digests;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Digests;

/// <summary>One stored digest, readable whatever its state (held digests are read here), and "send again".</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class OutboxDeliveryModel(OutboxHandler outbox, IOptions<MailOptions> mail) : PageModel
{
    public DeliveryDetailDto Delivery { get; private set; } = default!;
    public string From => mail.Value.From;
    public bool CanResend => Enum.TryParse<DeliveryStatus>(Delivery.Delivery.Status, ignoreCase: true, out var status) && OutboxHandler.CanResend(status);

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Delivery = await outbox.GetAsync(id, cancellationToken) ?? throw new NotFoundException($"No digest {id}.");
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            _ = await outbox.ResendAsync(id, cancellationToken) ?? throw new NotFoundException($"No digest {id}.");
            Message = mail.Value.IsConfigured
                ? "Queued again; the next send run delivers it."
                : "Queued again, but no SMTP server is configured: it waits until one is.";
        }
        catch (ConflictException conflict)
        {
            Message = conflict.Message;
        }

        return RedirectToPage(new { id });
    }
}
