using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Documents;

public sealed class DocumentsPageModel(ReadDocumentsHandler reader, IAuthorizationService authorization) : PageModel
{
    public List<DocumentSummaryDto> Documents { get; private set; } = [];

    /// <summary>Curators and admins see the way to the import page; viewers do not.</summary>
    public bool CanImport { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Documents = await reader.ListAsync(new DocumentFilter(null, null, null, null), cancellationToken);
        CanImport = (await authorization.AuthorizeAsync(User, Policies.Curate)).Succeeded;
    }
}
