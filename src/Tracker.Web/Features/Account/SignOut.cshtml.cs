using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Data.Identity;

namespace Tracker.Web.Features.Account;

/// <summary>Sign-out is a POST (with antiforgery) so that no link or image on another site can sign someone out.</summary>
public sealed class SignOutModel(SignInManager<TrackerUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect(Infrastructure.Auth.AuthSetup.SignInPath);
    }
}
