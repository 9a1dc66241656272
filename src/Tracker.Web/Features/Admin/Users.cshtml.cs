using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Admin;

/// <summary>Admins only (folder convention in Program.cs).</summary>
public sealed class UsersModel(ManageUsersHandler handler) : PageModel
{
    [BindProperty]
    public CreateUserRequest Create { get; set; } = new();

    public List<UserRow> Users { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await handler.ListAsync(cancellationToken);

    public Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken) =>
        RunAsync(() => handler.CreateAsync(Create, cancellationToken), $"Added {Create.Email}.", nameof(Create), cancellationToken);

    public Task<IActionResult> OnPostRoleAsync(string id, string role, CancellationToken cancellationToken) =>
        RunAsync(() => handler.SetRoleAsync(id, role, cancellationToken), "Role saved.", "", cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken cancellationToken) =>
        RunAsync(() => handler.SetDisabledAsync(id, true, cancellationToken), "User disabled; their sessions and API tokens stop working.", "", cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken cancellationToken) =>
        RunAsync(() => handler.SetDisabledAsync(id, false, cancellationToken), "User enabled.", "", cancellationToken);

    private async Task<IActionResult> RunAsync(Func<Task> change, string message, string prefix, CancellationToken cancellationToken)
    {
        try
        {
            await change();
        }
        catch (ValidationException exception)
        {
            // Errors of row actions have no field of their own; they go to the summary above the table.
            if (prefix.Length == 0)
            {
                foreach (var error in exception.Errors)
                {
                    ModelState.AddModelError("", error.ErrorMessage);
                }
            }
            else
            {
                ModelState.AddErrors(exception, prefix);
            }

            Users = await handler.ListAsync(cancellationToken);
            return Page();
        }

        Message = message;
        return RedirectToPage();
    }
}
