using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Admin;

/// <summary>Admins only (folder convention in Program.cs).</summary>
public sealed class TokensModel(ApiTokensHandler tokens, ManageUsersHandler users) : PageModel
{
    [BindProperty]
    public IssueTokenRequest Issue { get; set; } = new();

    public List<ApiTokenRow> Tokens { get; private set; } = [];
    public List<UserRow> Users { get; private set; } = [];

    /// <summary>Rendered in the response to the POST itself, never stored in TempData or a redirect.</summary>
    public string? IssuedSecret { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        try
        {
            IssuedSecret = await tokens.IssueAsync(Issue, cancellationToken);
            Issue = new();
            ModelState.Clear();
        }
        catch (ValidationException exception)
        {
            ModelState.AddErrors(exception, nameof(Issue));
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        await tokens.RevokeAsync(id, cancellationToken);
        Message = "Token revoked; calls with it now get 401.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Tokens = await tokens.ListAsync(cancellationToken);
        Users = (await users.ListAsync(cancellationToken)).Where(u => !u.Disabled).ToList();
    }
}
