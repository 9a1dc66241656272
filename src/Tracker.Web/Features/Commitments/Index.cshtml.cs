using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Domain.Commitments;
using Tracker.Web.Features.Claims;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Commitments;

/// <summary>
/// Every commitment with its lifecycle, from the /api/commitments handler; curators record evidence through
/// the API's own validator and handler.
/// </summary>
public sealed class CommitmentsPageModel(
    ListCommitmentsHandler handler,
    IValidator<CommitmentFilter> filterValidator,
    RecordEvidenceHandler recorder,
    IValidator<RecordEvidenceRequest> evidenceValidator,
    ClaimFilterOptions options,
    IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty]
    public EvidenceInput Evidence { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public List<CommitmentDto> Commitments { get; private set; } = [];

    public List<FilterOption> Actors { get; private set; } = [];

    public List<FilterOption> Topics { get; private set; } = [];

    public bool CanCurate { get; private set; }

    /// <summary>The filters as a query string, so that a curator returns to the list they were working on.</summary>
    public string FilterQuery => QueryString.Create(new Dictionary<string, string?>
    {
        ["actor"] = Actor, ["topic"] = Topic, ["status"] = Status, ["overdue"] = Overdue ? "true" : null,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();

    public static IEnumerable<string> Statuses => Enum.GetValues<CommitmentStatus>().Select(s => s.Code());

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostEvidenceAsync(int id, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Curate)).Succeeded)
        {
            return Forbid();
        }

        var request = new RecordEvidenceRequest(Evidence.Status, Evidence.ClaimId, Evidence.SourceUrl, Evidence.Note);
        try
        {
            await evidenceValidator.ValidateAndThrowAsync(request, cancellationToken);
            var commitment = await recorder.HandleAsync(id, request, cancellationToken);
            Message = $"Recorded: the commitment is now {commitment.Status}.";
            return Redirect($"/commitments{FilterQuery}#commitment-{id}");
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, property => $"{nameof(Evidence)}.{ModelStateErrors.NamedEntityField(property)}");
            Evidence.CommitmentId = id;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanCurate = (await authorization.AuthorizeAsync(User, Policies.Curate)).Succeeded;
        (_, Actors, Topics) = await options.LoadAsync(cancellationToken);
        var filter = new CommitmentFilter(Actor, Topic, string.IsNullOrWhiteSpace(Status) ? null : Status, Overdue ? true : null);
        var result = await filterValidator.ValidateAsync(filter, cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddValidationErrors(new ValidationException(result.Errors), ModelStateErrors.NamedEntityField);
            return;
        }

        Commitments = await handler.ListAsync(filter, cancellationToken);
    }

    public sealed class EvidenceInput
    {
        /// <summary>The commitment whose form failed validation: it opens again with its errors.</summary>
        public int? CommitmentId { get; set; }

        public string? Status { get; set; }

        public int? ClaimId { get; set; }

        public string? SourceUrl { get; set; }

        public string? Note { get; set; }
    }
}
