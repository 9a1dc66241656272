using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Web.Features.Claims;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Compare;

/// <summary>Two documents side by side: the /api/compare handler as a page.</summary>
public sealed class ComparePageModel(CompareDocumentsHandler handler, IValidator<CompareRequest> validator, ClaimFilterOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public DocumentDiffDto? Diff { get; private set; }

    public List<FilterOption> Documents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Documents, _, _) = await options.LoadAsync(cancellationToken);
        if (From is null && To is null)
        {
            return;
        }

        var request = new CompareRequest(From, To);
        var result = await validator.ValidateAsync(request, cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddValidationErrors(new ValidationException(result.Errors), ModelStateErrors.NamedEntityField);
            return;
        }

        // A missing document is the error page's 404, as for /documents/{id}.
        Diff = await handler.HandleAsync(request, cancellationToken);
    }
}
