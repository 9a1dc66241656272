using Microsoft.AspNetCore.Http.HttpResults;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Dashboard;

public static class DashboardApi
{
    public static void MapDashboardApi(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/dashboard").WithTags("Dashboard").RequireAuthorization(Policies.Read).WithOneConnection()
            .MapGet("/", GetAsync)
            .WithSummary("The home page's data: recent documents, recent position changes, a compact matrix of the most active actors × topics, accepted claims by stance per month.");

    private static async Task<Ok<DashboardDto>> GetAsync(DashboardQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await query.HandleAsync(cancellationToken));
}
