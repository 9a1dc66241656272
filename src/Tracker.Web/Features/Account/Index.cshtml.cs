using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Data.Identity;

namespace Tracker.Web.Features.Account;

public sealed class AccountModel(UserManager<TrackerUser> users, SignInManager<TrackerUser> signIn) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public string UserName { get; private set; } = "";
    public string Role { get; private set; } = "";
    public bool HasPassword { get; private set; }

    [TempData]
    public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        var result = HasPassword
            ? await users.ChangePasswordAsync(user, Input.CurrentPassword ?? "", Input.NewPassword ?? "")
            : await users.AddPasswordAsync(user, Input.NewPassword ?? "");
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        // The password change renews the security stamp; signing in again keeps this session valid.
        await signIn.RefreshSignInAsync(user);
        Saved = true;
        return RedirectToPage();
    }

    private async Task LoadAsync(TrackerUser user)
    {
        UserName = user.UserName ?? user.Id;
        Role = string.Join(", ", await users.GetRolesAsync(user));
        HasPassword = user.PasswordHash is not null;
    }
}

public sealed class PasswordInput
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
}
