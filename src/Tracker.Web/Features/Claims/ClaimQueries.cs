using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Claims;

namespace Tracker.Web.Features.Claims;

public static class ClaimQueries
{
    /// <summary>Everything <see cref="ClaimMapping.ToDto"/> reads.</summary>
    public static IQueryable<Claim> WithDetails(this IQueryable<Claim> claims) => claims
        .Include(c => c.Holders).ThenInclude(h => h.Actor).ThenInclude(a => a!.Aliases)
        .Include(c => c.Topic).ThenInclude(t => t!.Aliases)
        .Include(c => c.TargetActor).ThenInclude(a => a!.Aliases);
}
