using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Data.Identity;

namespace Tracker.Web.Features.Account;

public sealed class SignInModel(SignInManager<TrackerUser> signIn, UserManager<TrackerUser> users) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Email or user name: the bootstrap admin has only a user name until they add an email.
        var user = await users.FindByNameAsync(Input.UserName.Trim()) ?? await users.FindByEmailAsync(Input.UserName.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        // One message for unknown user and wrong password, so the form does not reveal who has an account.
        ModelState.AddModelError("", result.IsLockedOut
            ? "Too many failed attempts. This account is locked for 15 minutes."
            : result.IsNotAllowed
                ? "This account is disabled. Ask an admin."
                : "The email or password is not right.");
        return Page();
    }
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your email or user name.")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}
