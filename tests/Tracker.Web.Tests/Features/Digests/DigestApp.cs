using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Tracker.Web.Tests.Features.Digests;

/// <summary>
/// The app with its own database, a real SMTP server and a clock the tests move. The seed is loaded at the
/// start of 2026, so the periods the tests look at hold only what the tests add.
/// </summary>
public sealed class DigestApp : TrackerApp
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public SmtpServer Smtp { get; } = new();

    /// <summary>
    /// Midnight UTC well after anything earlier tests did: the clock only moves forward, and each test has
    /// days of its own so that one test's digests never cover another's statements.
    /// </summary>
    public DateTimeOffset NextDay()
    {
        var next = new DateTimeOffset(Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(10);
        Clock.SetUtcNow(next);
        return next;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Tracker:Mail:Host", "127.0.0.1");
        builder.UseSetting("Tracker:Mail:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Tracker:Mail:Security", "None");
        builder.UseSetting("Tracker:Mail:RetryAfter", RetryAfter.ToString());
        builder.UseSetting("Tracker:Mail:From", "Tracker <digest@tracker.test>");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public override async ValueTask InitializeAsync()
    {
        // Without aiosmtpd the tests skip (or fail under CI) one by one; the app itself still starts.
        if (SmtpServer.IsAvailable)
        {
            await Smtp.StartAsync();
        }

        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await base.DisposeAsync();
    }
}
