using Microsoft.Playwright;

namespace Tracker.Web.Tests;

/// <summary>
/// Debian's Chromium, driven by Playwright, shared by every browser test of the run. Each test gets its own
/// browser context (its own cookies), signs in through the real form, and saves screenshots a person looks at.
/// When Chromium is not installed the test is skipped with the install command, unless
/// TRACKER_TEST_REQUIRE_ALL=1 (CI) makes that a failure.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private const string Executable = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly SemaphoreSlim _launch = new(1, 1);

    /// <summary>Where screenshots land: <c>tests/Tracker.Web.Tests/screenshots</c>, beside this project.</summary>
    public static string ScreenshotDirectory { get; } = FindScreenshotDirectory();

    public static void SkipUnlessAvailable() =>
        RequiredProgram.SkipUnless(File.Exists(Executable), "needs Chromium: apt-get install chromium fonts-noto-cjk");

    /// <summary>A fresh browser context on <paramref name="app"/>, signed in as <paramref name="email"/>.</summary>
    public async Task<BrowserSession> SignInAsync(TrackerApp app, string email, string password = TrackerApp.Password)
    {
        var session = await OpenAsync(app);
        var page = session.Page;
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email or user name").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.OrdinalIgnoreCase));
        return session;
    }

    /// <summary>A new user in <paramref name="role"/>, signed in.</summary>
    public async Task<BrowserSession> SignInAsNewAsync(TrackerApp app, string role) =>
        await SignInAsync(app, await app.CreateUserAsync(role));

    /// <summary>A fresh browser context on <paramref name="app"/>, not signed in.</summary>
    public async Task<BrowserSession> OpenAsync(TrackerApp app)
    {
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = app.ServerAddress.ToString(),
            ViewportSize = new() { Width = 1440, Height = 1000 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000); // generous: on a 2-core box the server, Chromium and the tests share the CPU
        return new BrowserSession(context, await context.NewPageAsync());
    }

    private async Task<IBrowser> BrowserAsync()
    {
        SkipUnlessAvailable();
        await _launch.WaitAsync();
        try
        {
            if (_browser is null)
            {
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new()
                {
                    ExecutablePath = Executable,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
                });
            }

            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }

    private static string FindScreenshotDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tracker.Web.Tests.csproj")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _launch.Dispose();
    }
}

/// <summary>One browser context and its page; screenshots are full-page PNGs named by the test.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page => page;

    public IBrowserContext Context => context;

    /// <summary>Saves the whole page as <c>screenshots/{name}.png</c> and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(Chromium.ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
