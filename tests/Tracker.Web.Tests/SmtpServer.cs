using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Tracker.Web.Tests;

/// <summary>
/// A real SMTP server: Debian's aiosmtpd, delivering into a maildir the test reads back. When it is not
/// installed the test is skipped with the install command, unless TRACKER_TEST_REQUIRE_ALL=1 (CI) makes that a
/// failure.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string _mailbox = Directory.CreateTempSubdirectory("tracker-mail-").FullName;
    private Process? _process;

    public SmtpServer()
    {
        // aiosmtpd's Mailbox handler writes a maildir but does not create its folders.
        foreach (var folder in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(_mailbox, folder));
        }
    }

    public int Port { get; } = FreePort();

    public static bool IsAvailable => File.Exists(Python) && Directory.Exists("/usr/lib/python3/dist-packages/aiosmtpd");

    public static void SkipUnlessAvailable() =>
        RequiredProgram.SkipUnless(IsAvailable, "needs a real SMTP server: apt-get install python3-aiosmtpd");

    public async Task StartAsync()
    {
        SkipUnlessAvailable();
        _process = Process.Start(new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _mailbox])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("aiosmtpd did not start");

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"aiosmtpd did not listen on port {Port}: {await _process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>Every message delivered so far.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        new[] { "new", "cur" }
            .Select(folder => Path.Combine(_mailbox, folder))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Select(file => MimeMessage.Load(file))
            .ToList();

    /// <summary>Stops listening; the mailbox and the port stay, so <see cref="StartAsync"/> brings it back.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_mailbox, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
