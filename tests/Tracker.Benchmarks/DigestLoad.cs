using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Data;
using Tracker.Domain.Digests;
using Tracker.Web.Features.Digests;
using Tracker.Web.Jobs;

namespace Tracker.Benchmarks;

/// <summary>
/// A load run of the weekly digest: N subscribers with varied filters, the week's content being the seed, rendered
/// and delivered to a real local SMTP server (Debian's aiosmtpd). Reports wall time of planning and sending,
/// mails delivered and the peak working set of the process that runs the app.
/// Run: dotnet run -c Release --project tests/Tracker.Benchmarks -- digests [subscribers]
/// </summary>
internal static class DigestLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var subscribers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var work = Directory.CreateTempSubdirectory("tracker-digest-load-").FullName;
        var mailbox = Path.Combine(work, "mail");
        foreach (var folder in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(mailbox, folder));
        }

        var port = FreePort();
        using var smtp = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", mailbox]))
            ?? throw new InvalidOperationException("aiosmtpd did not start: apt-get install python3-aiosmtpd");
        try
        {
            await WaitForPortAsync(port);

            // The app's files sit beside this program; the factory would otherwise look for the project folder.
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TRACKER_WEB", AppContext.BaseDirectory);
            await using var app = new LoadApp(Path.Combine(work, "data"), port);
            using var services = app.Services.CreateScope();
            var db = services.ServiceProvider.GetRequiredService<TrackerDbContext>();

            // The week: the period ending at the current UTC hour today. A busy week: three of the seed's 2025
            // statements (strategic stability, international law, the Iron Dome order; 146 claims) arrive in it;
            // the rest of the seed was curated a month earlier, so the week's claims move known positions.
            var now = DateTimeOffset.UtcNow;
            var end = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
            var inWeek = end.AddHours(-6);
            var before = end.AddDays(-30);
            var largest = await db.Claims.GroupBy(c => c.DocumentId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            var week = await db.Documents.Where(d => d.IssuedOn >= new DateOnly(2025, 1, 1) && d.Id != largest).Select(d => d.Id).ToListAsync();
            await db.Documents.ExecuteUpdateAsync(s => s.SetProperty(d => d.CreatedAt, d => week.Contains(d.Id) ? inWeek : before));
            await db.Claims.ExecuteUpdateAsync(s => s.SetProperty(c => c.CuratedAt, c => week.Contains(c.DocumentId) ? inWeek : before));
            await AddSubscribersAsync(db, subscribers, week, end.DayOfWeek, end.Hour);

            var memoryBefore = Process.GetCurrentProcess().PeakWorkingSet64;
            var watch = Stopwatch.StartNew();
            // The hourly job itself: it composes the digests and sends them, the sending overlapping the composing.
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DigestJobs>().RunAsync(Cadence.Weekly, CancellationToken.None);
            }

            var total = watch.Elapsed;
            var process = Process.GetCurrentProcess();
            var mails = new DirectoryInfo(Path.Combine(mailbox, "new")).GetFiles();
            var delivered = mails.Length;
            var averageKb = delivered == 0 ? 0 : mails.Average(f => f.Length) / 1024.0;
            var rows = await db.DigestDeliveries.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                weekly digest, {subscribers:N0} subscribers, composed and sent by the hourly job
                  total {total.TotalSeconds:0.0} s; mails in the SMTP server's mailbox: {delivered:N0}, {averageKb:0} KB on average
                  outbox: {string.Join(", ", rows.Select(r => $"{r.Key.ToString().ToLowerInvariant()} {r.Count:N0}"))}
                  peak working set {process.PeakWorkingSet64 / 1024.0 / 1024:0} MB (before the run {memoryBefore / 1024.0 / 1024:0} MB)
                """));
            var sent = rows.Where(r => r.Key == DeliveryStatus.Sent).Sum(r => r.Count);
            return delivered == sent && sent == subscribers ? 0 : 1;
        }
        finally
        {
            smtp.Kill(entireProcessTree: true);
            await smtp.WaitForExitAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Subscribers as readers are: one to three actors, often a topic, a third changes only; and each follows at
    /// least one actor on a topic it spoke on in the week, so every subscriber has a digest due and the run
    /// renders and delivers one mail each.
    /// </summary>
    private static async Task AddSubscribersAsync(TrackerDbContext db, int count, List<int> week, DayOfWeek day, int hour)
    {
        var random = new Random(20261124);
        var spoken = await db.Claims
            .Where(c => c.Status == Domain.Claims.ClaimStatus.Accepted && week.Contains(c.DocumentId))
            .SelectMany(c => c.Holders, (c, h) => new { h.ActorId, c.TopicId })
            .Distinct()
            .ToListAsync();
        var actors = spoken.Select(p => p.ActorId).Distinct().ToList();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var subscription = new Subscription
            {
                Email = string.Create(CultureInfo.InvariantCulture, $"reader{i:00000}@load.test"),
                Cadence = Cadence.Weekly,
                DayOfWeek = day,
                Hour = hour,
                TimeZone = "UTC",
                ChangesOnly = i % 3 == 0,
                CreatedAt = now,
            };
            var anchor = spoken[random.Next(spoken.Count)];
            foreach (var actor in actors.Where(a => a != anchor.ActorId).OrderBy(_ => random.Next()).Take(random.Next(0, 3)).Append(anchor.ActorId))
            {
                subscription.Actors.Add(new SubscriptionActor { ActorId = actor });
            }

            // Half follow every topic of their actors, half the anchor's topic (with its subtree).
            if (i % 2 == 0)
            {
                subscription.Topics.Add(new SubscriptionTopic { TopicId = anchor.TopicId });
            }

            db.Subscriptions.Add(subscription);
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException("aiosmtpd did not listen");
    }

    // Any type of the web assembly names its entry point; this project has a Program of its own.
    private sealed class LoadApp(string dataDirectory, int smtpPort) : WebApplicationFactory<Tracker.Web.Infrastructure.TrackerOptions>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Tracker:DataDirectory", dataDirectory);
            builder.UseSetting("Tracker:Jobs", "false");
            builder.UseSetting("Tracker:Mail:Host", "127.0.0.1");
            builder.UseSetting("Tracker:Mail:Port", smtpPort.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Tracker:Mail:Security", "None");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
