using Tracker.Web.Features.Suggestions;

namespace Tracker.Web.Tests.Features.Suggestions;

/// <summary>`evaluate --dev` / `--holdout`: the extra statements are scored apart from the seed and never loaded as seed.</summary>
public sealed class EvaluateCommandTests
{
    private static readonly string[] DevKeys =
    [
        "2023-04-26-us-rok-washington-declaration",
        "2024-05-16-cn-ru-75th-anniversary-excerpt",
        "2024-04-15-hksar-uk-six-monthly-report-excerpt",
        "2024-11-15-japan-rok-us-joint-statement-excerpt",
        "2004-01-27-cn-fr-joint-statement-excerpt",
        "2017-12-06-cn-mfa-press-conference-jerusalem-excerpt",
        "2023-07-10-cn-solomon-islands-joint-statement-excerpt",
        "2024-04-10-cn-micronesia-joint-statement-excerpt",
        "2018-11-14-hksar-response-us-uscc-report",
        "2021-09-16-macao-sar-statement-ep-china-strategy-report",
        "2022-08-10-taiwan-mac-statement-white-paper-excerpt",
        "2024-11-17-taiwan-mac-statement-apec-remarks",
        "2021-03-12-quad-spirit-of-the-quad",
        "2023-05-01-us-philippines-joint-leaders-statement-excerpt",
        "2025-02-06-cn-pk-joint-statement-excerpt",
        "2013-06-21-cn-vn-joint-statement-excerpt",
        "2016-07-12-cn-mfa-statement-scs-arbitration-award-excerpt",
        "2016-07-14-cn-npc-fac-statement-scs-arbitration-award",
        "2025-12-11-hksar-statement-us-cecc-report-excerpt",
        "2018-05-24-taiwan-mofa-press-release-wha71-excerpt",
        "2024-07-13-taiwan-mofa-press-release-cn-solomon-joint-statement-excerpt",
        "2022-08-02-hk-cmab-secretary-statement-pelosi-taiwan-visit",
    ];

    [Fact]
    public async Task Dev_statements_are_scored_in_their_own_table_and_not_as_seed()
    {
        using var output = new StringWriter();

        var exitCode = await EvaluateCommand.RunAsync(["--dev"], output, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        var text = output.ToString();
        int dev = text.IndexOf("dev documents", StringComparison.Ordinal);
        Assert.True(dev > 0, text);
        var seed = text[..dev];
        Assert.Contains("2022-01-03-p5-preventing-nuclear-war", seed, StringComparison.Ordinal);
        Assert.All(DevKeys, key =>
        {
            Assert.DoesNotContain(key, seed, StringComparison.Ordinal);
            Assert.Contains(key, text[dev..], StringComparison.Ordinal);
        });
        Assert.Contains($"on {DevKeys.Length} dev documents", text, StringComparison.Ordinal);
        Assert.Contains("Overall (dev)", text, StringComparison.Ordinal);
        Assert.Contains("Dev minus seed", text, StringComparison.Ordinal);
        Assert.Contains("topic ", text[dev..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_held_out_folder_is_one_line_not_a_crash()
    {
        using var output = new StringWriter();
        var seed = Directory.CreateTempSubdirectory("tracker-evaluate-seed-").FullName;
        try
        {
            CopyDirectory(Path.Combine(AppContext.BaseDirectory, "seed"), seed, skip: EvaluateCommand.HoldoutFolder);

            var exitCode = await EvaluateCommand.RunAsync(["--seed", seed, "--holdout"], output, TestContext.Current.CancellationToken);

            Assert.Equal(0, exitCode);
            var text = output.ToString();
            Assert.Contains("Overall (seed)", text, StringComparison.Ordinal);
            Assert.Single(text.Split('\n'), line => line.StartsWith("No held-out set: ", StringComparison.Ordinal));
            Assert.DoesNotContain("Overall (held-out)", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(seed, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_flag_only_the_seed_is_scored()
    {
        using var output = new StringWriter();

        await EvaluateCommand.RunAsync([], output, TestContext.Current.CancellationToken);

        Assert.Contains("Overall (seed)", output.ToString(), StringComparison.Ordinal);
        Assert.All(DevKeys, key => Assert.DoesNotContain(key, output.ToString(), StringComparison.Ordinal));
    }

    private static void CopyDirectory(string from, string to, string skip)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith(skip + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }
}
