using Hangfire;
using Tracker.Domain.Digests;
using Tracker.Web.Features.Digests;

namespace Tracker.Web.Jobs;

/// <summary>
/// The recurring jobs of the digests. Hangfire keeps only the schedule (in memory by default); everything that
/// must survive a restart (subscriptions, the last period delivered, the outbox) is in the app's tables.
/// </summary>
public sealed class DigestJobs(DigestPlanner planner, DigestSender sender)
{
    public const string Daily = "digest-daily";
    public const string Weekly = "digest-weekly";
    public const string Outbox = "digest-outbox";

    // Subscribers pick their own hour and time zone, so each cadence is looked at every hour.
    public static void Schedule(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<DigestJobs>(Daily, j => j.RunAsync(Cadence.Daily, CancellationToken.None), Cron.Hourly());
        jobs.AddOrUpdate<DigestJobs>(Weekly, j => j.RunAsync(Cadence.Weekly, CancellationToken.None), Cron.Hourly());
        jobs.AddOrUpdate<DigestJobs>(Outbox, j => j.SendAsync(CancellationToken.None), "*/5 * * * *");
    }

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Cadence cadence, CancellationToken cancellationToken)
    {
        await planner.PlanAsync(cadence, cancellationToken);
        await sender.SendDueAsync(cancellationToken);
    }

    /// <summary>Retries what is due between the hourly runs.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0)]
    public Task SendAsync(CancellationToken cancellationToken) => sender.SendDueAsync(cancellationToken);
}
