using Tracker.Web.Features.Suggestions;

namespace Tracker.Web.Tests.Features.Suggestions;

/// <summary>`evaluate --holdout`: the held-out statements are scored apart from the seed and never loaded as seed.</summary>
public sealed class EvaluateCommandTests
{
    private static readonly string[] HoldoutKeys =
    [
        "2023-04-26-us-rok-washington-declaration",
        "2024-05-16-cn-ru-75th-anniversary-excerpt",
        "2024-04-15-hksar-uk-six-monthly-report-excerpt",
    ];

    [Fact]
    public async Task Holdout_statements_are_scored_in_their_own_table_and_not_as_seed()
    {
        using var output = new StringWriter();

        var exitCode = await EvaluateCommand.RunAsync(["--holdout"], output, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        var text = output.ToString();
        int heldOut = text.IndexOf("held-out documents", StringComparison.Ordinal);
        Assert.True(heldOut > 0, text);
        var seed = text[..heldOut];
        Assert.Contains("2022-01-03-p5-preventing-nuclear-war", seed, StringComparison.Ordinal);
        Assert.All(HoldoutKeys, key =>
        {
            Assert.DoesNotContain(key, seed, StringComparison.Ordinal);
            Assert.Contains(key, text[heldOut..], StringComparison.Ordinal);
        });
        Assert.Contains("Overall (held-out)", text, StringComparison.Ordinal);
        Assert.Contains("Held-out minus seed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_flag_only_the_seed_is_scored()
    {
        using var output = new StringWriter();

        await EvaluateCommand.RunAsync([], output, TestContext.Current.CancellationToken);

        Assert.Contains("Overall (seed)", output.ToString(), StringComparison.Ordinal);
        Assert.All(HoldoutKeys, key => Assert.DoesNotContain(key, output.ToString(), StringComparison.Ordinal));
    }
}
