using System.Security.Claims;

namespace Tracker.Web.Infrastructure;

/// <summary>Who is making the request, for curated-by fields and the audit log.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public string Name => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.Name) ?? "anonymous";

    public bool IsAdmin => accessor.HttpContext?.User.IsInRole(Auth.Roles.Admin) ?? false;
}
