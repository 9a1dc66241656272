using System.Text.Json;
using Tracker.Web.Features.Suggestions;

namespace Tracker.Web.Tests.Features.Suggestions;

/// <summary>`evaluate --dev` / `--holdout`: the extra statements are scored apart from the seed and never loaded as seed.</summary>
public sealed class EvaluateCommandTests
{
    // Every statement of the development set, read from its own list: the set grows each time a held-out set retires.
    private static readonly string[] DevKeys = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed", EvaluateCommand.DevFolder, "documents.json")))
        .RootElement.EnumerateArray().Select(d => d.GetProperty("key").GetString()!).ToArray();

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
        Assert.True(DevKeys.Length >= 30, "the development set lists its statements");
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
