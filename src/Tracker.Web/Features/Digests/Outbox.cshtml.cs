using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tracker.Domain.Digests;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Digests;

/// <summary>The outbox for admins: every digest written, its delivery state, and permanent failures.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class OutboxModel(OutboxHandler outbox, IOptions<MailOptions> mail) : PageModel
{
    /// <summary>A status code ("failed", "held" …); empty for every row that holds a mail.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public List<DeliveryDto> Rows { get; private set; } = [];
    public bool MailConfigured => mail.Value.IsConfigured;

    [TempData]
    public string? Message { get; set; }

    public static IEnumerable<string> Statuses => Enum.GetNames<DeliveryStatus>().Select(s => s.ToLowerInvariant());

    /// <summary>How a status reads to an admin.</summary>
    public static string Label(string status) => status switch
    {
        "failed" => "failed (permanent)",
        "held" => "held (no SMTP)",
        "empty" => "empty (nothing sent)",
        _ => status,
    };

    /// <summary>"1 new statement · 2 position changes": the subject without its period, which has a column.</summary>
    public static string Summary(string subject) => subject[(subject.LastIndexOf(": ", StringComparison.Ordinal) + 1)..].Trim();

    public static string Tone(string status) => status switch
    {
        "failed" or "unconfirmed" => "negative",
        "sent" => "positive",
        _ => "",
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var wanted = Enum.TryParse<DeliveryStatus>(Status, ignoreCase: true, out var parsed) ? parsed : (DeliveryStatus?)null;
        Rows = await outbox.ListAsync(wanted, null, cancellationToken, withEmpty: false);
    }
}
