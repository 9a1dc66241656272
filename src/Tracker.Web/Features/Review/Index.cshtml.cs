using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Web.Features.Documents;
using Tracker.Web.Features.Suggestions;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Review;

public sealed record ReviewQueueRow(DocumentSummaryDto Document, int Pending);

/// <summary>The review queue: documents with suggestions waiting for a curator, the most first.</summary>
public sealed class ReviewQueueModel(ReadDocumentsHandler documents, SuggestClaimsHandler suggester, IAuthorizationService authorization) : PageModel
{
    public List<ReviewQueueRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Curate)).Succeeded)
        {
            return Forbid();
        }

        // The suggester runs per document (one automaton pass each); the queue is read by curators, not on every page.
        foreach (var document in await documents.ListAsync(new DocumentFilter(null, null, null, null), cancellationToken))
        {
            var pending = (await suggester.HandleAsync(document.Id, cancellationToken))?.Count ?? 0;
            if (pending > 0)
            {
                Rows.Add(new ReviewQueueRow(document, pending));
            }
        }

        Rows = Rows.OrderByDescending(r => r.Pending).ThenByDescending(r => r.Document.IssuedOn).ToList();
        return Page();
    }
}
