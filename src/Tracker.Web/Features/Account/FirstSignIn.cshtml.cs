using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Data.Identity;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Account;

/// <summary>
/// The link printed on first start. Opening it only shows a button: link previews and prefetchers issue GETs,
/// and they must not use up a single-use link.
/// </summary>
public sealed class FirstSignInModel(UserManager<TrackerUser> users, SignInManager<TrackerUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string UserId { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    public bool Invalid { get; private set; }

    public async Task OnGetAsync() => Invalid = await VerifiedUserAsync() is null;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await VerifiedUserAsync();
        if (user is null)
        {
            Invalid = true;
            return Page();
        }

        // The token is tied to the security stamp, so a new stamp makes this link single-use.
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect("/account");
    }

    private async Task<TrackerUser?> VerifiedUserAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token))
        {
            return null;
        }

        var user = await users.FindByIdAsync(UserId);
        return user is not null && !user.IsDisabled
            && await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, AdminBootstrap.FirstSignInPurpose, Token)
            ? user
            : null;
    }
}
