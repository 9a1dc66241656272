using Tracker.Domain.Claims;

namespace Tracker.Domain.Tests.Claims;

public sealed class StanceRulesTests
{
    [Theory]
    [InlineData(Stance.Supports, "supports", 1, 2)]
    [InlineData(Stance.Welcomes, "welcomes", 1, 1)]
    [InlineData(Stance.Reaffirms, "reaffirms", 1, 2)]
    [InlineData(Stance.CallsFor, "calls_for", 1, 2)]
    [InlineData(Stance.Commits, "commits", 1, 2)]
    [InlineData(Stance.Concerned, "concerned", -1, 1)]
    [InlineData(Stance.Opposes, "opposes", -1, 2)]
    [InlineData(Stance.Condemns, "condemns", -1, 3)]
    public void Each_stance_has_the_codebook_word_polarity_and_default_intensity(Stance stance, string code, int polarity, int intensity)
    {
        Assert.Equal(code, stance.Code());
        Assert.Equal(polarity, stance.Polarity());
        Assert.Equal(intensity, stance.DefaultIntensity());
        Assert.True(StanceRules.TryParse(code.ToUpperInvariant(), out var parsed));
        Assert.Equal(stance, parsed);
    }

    [Fact]
    public void Ladders_run_from_welcomes_to_reaffirms_and_from_concerned_to_condemns()
    {
        Assert.True(Stance.Welcomes.LadderRank() < Stance.Supports.LadderRank());
        Assert.True(Stance.Supports.LadderRank() < Stance.Reaffirms.LadderRank());
        Assert.Equal(Stance.Reaffirms.LadderRank(), Stance.Commits.LadderRank());
        Assert.True(Stance.Concerned.LadderRank() < Stance.Opposes.LadderRank());
        Assert.True(Stance.Opposes.LadderRank() < Stance.Condemns.LadderRank());
    }

    [Theory]
    [InlineData("calls_for", false, "calls for")]
    [InlineData("calls_for", true, "calls for an end to")]
    [InlineData("opposes", true, "opposes harm to")]
    [InlineData("commits", true, "commits against")]
    [InlineData("concerned", true, "concerned for")]
    [InlineData("likes_a_lot", true, "likes a lot")]
    public void A_negated_stance_reads_as_what_it_denies_not_as_not(string code, bool negated, string words) =>
        Assert.Equal(words, StanceRules.Words(code, negated));

    [Fact]
    public void Every_stance_reads_differently_negated_and_never_starts_with_not()
    {
        var words = Enum.GetValues<Stance>().SelectMany(s => new[] { s.Words(), s.Words(negated: true) }).ToList();
        Assert.Equal(words.Count, words.Distinct().Count());
        Assert.DoesNotContain(words, w => w.StartsWith("not", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_word_is_not_a_stance()
    {
        Assert.False(StanceRules.TryParse("likes", out _));
        Assert.Throws<ArgumentException>(() => StanceRules.Parse("likes"));
    }
}
