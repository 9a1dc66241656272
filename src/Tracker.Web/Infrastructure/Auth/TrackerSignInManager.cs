using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tracker.Data.Identity;

namespace Tracker.Web.Infrastructure.Auth;

/// <summary>Refuses sign-in to disabled accounts, whatever the password.</summary>
public sealed class TrackerSignInManager(
    UserManager<TrackerUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<TrackerUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<TrackerUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<TrackerUser> confirmation)
    : SignInManager<TrackerUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // Also consulted when the security stamp is revalidated, so a disabled user's open sessions end too.
    public override async Task<bool> CanSignInAsync(TrackerUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<TrackerUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }
}
