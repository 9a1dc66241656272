using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tracker.Domain.Digests;

namespace Tracker.Web.Features.Digests;

/// <summary>The next mail of a subscription, exactly as the planner would write it: headers, HTML part and text part.</summary>
public sealed class PreviewDigestModel(PreviewDigestHandler preview, IOptions<MailOptions> mail) : PageModel
{
    public int Id { get; private set; }
    public Subscription Subscription { get; private set; } = default!;
    public DigestDelivery Mail { get; private set; } = default!;
    public string From => mail.Value.From;
    public bool Empty => Mail.Status == DeliveryStatus.Empty;

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Id = id;
        (Subscription, Mail) = await preview.PreviewAsync(id, cancellationToken);
    }
}
