using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tracker.Web.Features.Documents;

public sealed class DocumentsPageModel(ReadDocumentsHandler reader) : PageModel
{
    public List<DocumentSummaryDto> Documents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Documents = await reader.ListAsync(new DocumentFilter(null, null, null, null), cancellationToken);
}
