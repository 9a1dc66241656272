namespace Tracker.Web.Tests;

/// <summary>
/// Tests that need a program from Debian (an SMTP server, a browser) skip without it and say what to install,
/// except under TRACKER_TEST_REQUIRE_ALL=1 (CI), where a missing program is a failure, never a quiet skip.
/// </summary>
public static class RequiredProgram
{
    public static void SkipUnless(bool installed, string reason)
    {
        if (installed)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("TRACKER_TEST_REQUIRE_ALL") == "1")
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
    }
}
