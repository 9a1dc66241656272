using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tracker.Data.Identity;

namespace Tracker.Web.Infrastructure.Auth;

/// <summary>
/// Makes sure the roles exist and that someone can become admin: from <c>Tracker:AdminEmail</c> and
/// <c>Tracker:AdminPassword</c> when both are set, otherwise through a one-time sign-in link.
/// </summary>
public sealed partial class AdminBootstrap(
    UserManager<TrackerUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<TrackerOptions> options,
    TimeProvider clock,
    ILogger<AdminBootstrap> logger)
{
    public const string FirstSignInPurpose = "first-sign-in";
    public const string BootstrapUserName = "admin";

    /// <summary>The path of the sign-in link, when one was made; null when an admin can already sign in.</summary>
    public async Task<string?> RunAsync()
    {
        foreach (var role in new[] { Roles.Admin, Roles.Curator, Roles.Viewer })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        var tracker = options.Value;
        if (!string.IsNullOrWhiteSpace(tracker.AdminEmail) && !string.IsNullOrEmpty(tracker.AdminPassword))
        {
            // An existing account is left alone: the configured password only seeds it, it never resets it.
            if (await users.FindByEmailAsync(tracker.AdminEmail) is null)
            {
                var admin = new TrackerUser { UserName = tracker.AdminEmail, Email = tracker.AdminEmail, CreatedAt = clock.GetUtcNow() };
                Check(await users.CreateAsync(admin, tracker.AdminPassword));
                Check(await users.AddToRoleAsync(admin, Roles.Admin));
                LogCreatedAdmin(logger, tracker.AdminEmail);
            }

            return null;
        }

        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        if (admins.Any(a => !a.IsDisabled && a.PasswordHash is not null))
        {
            return null;
        }

        var user = admins.FirstOrDefault(a => a.UserName == BootstrapUserName) ?? await users.FindByNameAsync(BootstrapUserName);
        if (user is null)
        {
            user = new TrackerUser { UserName = BootstrapUserName, CreatedAt = clock.GetUtcNow() };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, Roles.Admin));
        }

        // A new stamp voids the links of earlier starts: only the latest printed link works.
        Check(await users.UpdateSecurityStampAsync(user));
        var token = await users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, FirstSignInPurpose);
        return $"/account/first-sign-in?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Setting up the first admin failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the admin {Email} from configuration")]
    private static partial void LogCreatedAdmin(ILogger logger, string email);
}

/// <summary>The one-time link of this start, kept so the start-up message (and tests) can show it.</summary>
public sealed class FirstSignInLink
{
    public string? Path { get; set; }
}
