using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tracker.Data;

namespace Tracker.Web.Infrastructure.Auth;

/// <summary>
/// Bearer tokens for scripts and automation: the token in <c>Tracker:AdminToken</c>, when set, with admin
/// rights, and the tokens an admin issued to users, with their owner's role while owner and token are active.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<TrackerOptions> tracker,
    IProblemDetailsService problemDetails,
    TrackerDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string AdminTokenName = "admin-token";

    // Last-used times are kept to the minute: a write per request would make every read a write.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = header["Bearer ".Length..].Trim();
        var adminToken = tracker.CurrentValue.AdminToken;
        if (!string.IsNullOrEmpty(adminToken) && FixedTimeEquals(presented, adminToken))
        {
            return Success(AdminTokenName, Roles.Admin);
        }

        // The lookup is by hash, so comparing secrets in fixed time is not needed here.
        var hash = ApiTokenSecrets.Hash(presented);
        var token = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null && t.User!.DisabledAt == null)
            .Select(t => new { t.Id, t.LastUsedAt, t.User!.UserName, t.UserId })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail("The bearer token is not valid.");
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == token.UserId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(Context.RequestAborted);

        var now = clock.GetUtcNow();
        if (token.LastUsedAt is null || now - token.LastUsedAt >= LastUsedResolution)
        {
            await db.ApiTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        return Success(token.UserName ?? token.UserId, [.. roles]);
    }

    private static AuthenticateResult Success(string name, params string[] roles)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), .. roles.Select(role => new Claim(ClaimTypes.Role, role))],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = Request.Headers.Authorization.Count == 0
                    ? "This call needs an API token: send it as 'Authorization: Bearer <token>'."
                    : "The bearer token is not valid.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden",
                Detail = "Your role does not allow this change; curators and admins make changes.",
            },
        });
    }

    // Compare digests so that neither the length nor the content of the token leaks through timing.
    private static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
