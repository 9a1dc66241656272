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

    [Fact]
    public async Task Agreement_scores_a_second_curation_against_the_first_as_suggestions_are_scored()
    {
        using var output = new StringWriter();
        var second = Directory.CreateTempSubdirectory("tracker-second-curator-").FullName;
        try
        {
            // A second curator who agrees on everything but leaves out one claim of one statement.
            var dev = Path.Combine(AppContext.BaseDirectory, "seed", EvaluateCommand.DevFolder);
            CopyDirectory(dev, second, skip: "none");
            var path = Path.Combine(second, "claims", DevKeys[0] + ".json");
            var file = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!;
            var claims = file["claims"]!.AsArray();
            var total = Directory.EnumerateFiles(Path.Combine(dev, "claims")).Sum(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("claims").GetArrayLength());
            claims.RemoveAt(0);
            await File.WriteAllTextAsync(path, file.ToJsonString(), TestContext.Current.CancellationToken);

            var exitCode = await EvaluateCommand.RunAsync(["--agreement", second, "--dev"], output, TestContext.Current.CancellationToken);

            Assert.Equal(0, exitCode);
            var overall = Assert.Single(output.ToString().Split('\n'), line => line.StartsWith("Overall (agreement)", StringComparison.Ordinal));
            var recall = ((total - 1) / (double)total).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains($"gold {total,4}  suggested {total - 1,4}  strict R {recall} P 1.000  lenient R {recall} P 1.000", overall, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(second, recursive: true);
        }
    }

    [Fact]
    public async Task Agreement_with_a_folder_that_is_no_curation_says_so()
    {
        using var output = new StringWriter();

        var exitCode = await EvaluateCommand.RunAsync(["--agreement", Path.Combine(Path.GetTempPath(), "no-such-curation"), "--dev"], output, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("No curation to compare: ", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_learned_model_only_adds_to_what_the_rules_suggest_and_each_run_says_which_it_is()
    {
        using var rules = new StringWriter();
        using var learned = new StringWriter();

        await EvaluateCommand.RunAsync(["--rules-only"], rules, TestContext.Current.CancellationToken);
        await EvaluateCommand.RunAsync([], learned, TestContext.Current.CancellationToken);

        Assert.Contains("rules only)", rules.ToString(), StringComparison.Ordinal);
        Assert.Contains("with the learned model)", learned.ToString(), StringComparison.Ordinal);
        (int Gold, int Suggested, double Recall) Overall(StringWriter output)
        {
            var line = output.ToString().Split('\n').Single(l => l.StartsWith("Overall (seed)", StringComparison.Ordinal));
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (int.Parse(words[3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(words[5], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(words[Array.IndexOf(words, "lenient") + 2], System.Globalization.CultureInfo.InvariantCulture));
        }

        var (gold, byRules, rulesRecall) = Overall(rules);
        var (sameGold, withModel, modelRecall) = Overall(learned);
        Assert.Equal(gold, sameGold);
        Assert.True(withModel > byRules, $"the model added no suggestion to the rules' {byRules}");
        Assert.True(modelRecall >= rulesRecall, $"lenient recall fell from {rulesRecall} to {modelRecall}");
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
