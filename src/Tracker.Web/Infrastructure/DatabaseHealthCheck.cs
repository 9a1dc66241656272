using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tracker.Data;

namespace Tracker.Web.Infrastructure;

public sealed class DatabaseHealthCheck(TrackerDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
