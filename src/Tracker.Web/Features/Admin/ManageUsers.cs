using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Data.Identity;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Admin;

public sealed record UserRow(string Id, string UserName, string? Email, string Role, bool Disabled, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

public sealed class CreateUserRequest
{
    public string Email { get; set; } = "";
    public string Role { get; set; } = Roles.Curator;
    public string Password { get; set; } = "";
}

public sealed class CreateUserValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserValidator(TrackerDbContext db)
    {
        RuleFor(r => r.Email).NotEmpty().EmailAddress().MaximumLength(Limits.UserName)
            .MustAsync(async (email, ct) =>
            {
                // Identity's own normalization (upper-case invariant), so the check matches its unique index.
                var key = email.Trim().ToUpperInvariant();
                return !await db.Users.AnyAsync(u => u.NormalizedUserName == key, ct);
            })
            .WithMessage("A user with this email already exists.");
        RuleFor(r => r.Role).Must(ManageUsersHandler.AllRoles.Contains).WithMessage("Choose admin, curator or viewer.");
        RuleFor(r => r.Password).NotEmpty().MinimumLength(12).WithMessage("At least 12 characters; a passphrase is fine.");
    }
}

/// <summary>What an admin does to accounts: create, change role, disable and enable. Each change is audited.</summary>
public sealed class ManageUsersHandler(
    TrackerDbContext db,
    UserManager<TrackerUser> users,
    IValidator<CreateUserRequest> validator,
    AuditLog audit,
    CurrentUser currentUser,
    TimeProvider clock)
{
    public static readonly string[] AllRoles = [Roles.Admin, Roles.Curator, Roles.Viewer];

    public async Task<List<UserRow>> ListAsync(CancellationToken cancellationToken)
    {
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.First().Name ?? "");
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return rows.Select(u => new UserRow(
                u.Id, u.UserName ?? u.Id, u.Email, roleOf.GetValueOrDefault(u.Id, ""), u.IsDisabled,
                u.LockoutEnd > now ? u.LockoutEnd : null, u.CreatedAt))
            .ToList();
    }

    public async Task<string> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(request, cancellationToken);
        var user = new TrackerUser { UserName = request.Email.Trim(), Email = request.Email.Trim(), CreatedAt = clock.GetUtcNow() };
        Check(await users.CreateAsync(user, request.Password), nameof(CreateUserRequest.Password));
        Check(await users.AddToRoleAsync(user, request.Role), nameof(CreateUserRequest.Role));
        audit.Record("user", user.Id, "create", null, new { user.UserName, request.Role });
        await db.SaveChangesAsync(cancellationToken);
        return user.Id;
    }

    public async Task SetRoleAsync(string userId, string role, CancellationToken cancellationToken)
    {
        if (!AllRoles.Contains(role))
        {
            throw new ValidationException([new ValidationFailure("Role", "Choose admin, curator or viewer.")]);
        }

        var user = await FindAsync(userId);
        var current = await users.GetRolesAsync(user);
        if (current.SequenceEqual([role]))
        {
            return;
        }

        if (current.Contains(Roles.Admin))
        {
            await EnsureAnotherAdminAsync(user, "Role");
        }

        Check(await users.RemoveFromRolesAsync(user, current), "Role");
        Check(await users.AddToRoleAsync(user, role), "Role");
        // A new stamp makes open sessions pick up the new role at their next validation.
        Check(await users.UpdateSecurityStampAsync(user), "Role");
        audit.Record("user", user.Id, "set-role", new { roles = current }, new { roles = new[] { role } });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId);
        if (user.IsDisabled == disabled)
        {
            return;
        }

        if (disabled)
        {
            if (string.Equals(user.UserName, currentUser.Name, StringComparison.Ordinal))
            {
                throw new ValidationException([new ValidationFailure("User", "You cannot disable your own account.")]);
            }

            if (await users.IsInRoleAsync(user, Roles.Admin))
            {
                await EnsureAnotherAdminAsync(user, "User");
            }
        }

        user.DisabledAt = disabled ? clock.GetUtcNow() : null;
        Check(await users.UpdateAsync(user), "User");
        // Ends the user's open sessions; their API tokens stop working through the owner check.
        Check(await users.UpdateSecurityStampAsync(user), "User");
        audit.Record("user", user.Id, disabled ? "disable" : "enable", null, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<TrackerUser> FindAsync(string userId) =>
        await users.FindByIdAsync(userId) ?? throw new NotFoundException($"There is no user '{userId}'.");

    // Someone must always be able to manage users; the last active admin cannot be demoted or disabled.
    private async Task EnsureAnotherAdminAsync(TrackerUser user, string property)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        if (!admins.Any(a => a.Id != user.Id && !a.IsDisabled))
        {
            throw new ValidationException([new ValidationFailure(property, "This is the last active admin; make another user admin first.")]);
        }
    }

    private static void Check(IdentityResult result, string property)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors.Select(e => new ValidationFailure(property, e.Description)));
        }
    }
}
