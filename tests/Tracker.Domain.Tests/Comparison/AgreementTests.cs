using Tracker.Domain.Claims;
using Tracker.Domain.Comparison;

namespace Tracker.Domain.Tests.Comparison;

public sealed class AgreementTests
{
    [Theory]
    [InlineData(1, 1, 0.0)]
    [InlineData(-1, -1, 0.0)]
    [InlineData(1, -1, 1.0)]
    [InlineData(1, 0, 0.5)]
    [InlineData(null, -1, 0.5)]
    public void Distance_follows_the_voting_agreement_convention(int? a, int? b, double expected) =>
        Assert.Equal(expected, Agreement.Distance(a, b));

    [Fact]
    public void The_score_is_one_minus_the_mean_distance_with_the_shared_topic_count()
    {
        var score = Agreement.Score([(1, 1), (-1, -1), (1, -1), (1, null)]);

        Assert.Equal(1 - (0 + 0 + 1 + 0.5) / 4, score.Score);
        Assert.Equal(4, score.SharedTopics);
    }

    [Fact]
    public void Without_shared_topics_there_is_no_score_rather_than_zero()
    {
        var score = Agreement.Score([]);

        Assert.Null(score.Score);
        Assert.Equal(0, score.SharedTopics);
    }
}

public sealed class AgreementBetweenActorsTests
{
    private static PositionClaim C(int topic, string date, Stance stance, int document = 1) =>
        new(topic * 100 + document, document, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), topic, stance, stance.DefaultIntensity(), false);

    [Fact]
    public void Only_topics_both_address_count_and_each_side_speaks_with_its_latest_claim()
    {
        var a = new[] { C(1, "2022-01-03", Stance.Supports), C(2, "2022-01-03", Stance.Supports), C(3, "2022-01-03", Stance.Opposes) };
        var b = new[] { C(1, "2022-01-03", Stance.Supports, 2), C(2, "2021-01-01", Stance.Supports, 3), C(2, "2025-01-27", Stance.Opposes, 4) };

        var score = Agreement.Between(a, b);

        Assert.Equal(2, score.SharedTopics);
        Assert.Equal(0.5, score.Score);
    }

    [Fact]
    public void Over_time_the_score_moves_as_positions_change()
    {
        var a = new[] { C(1, "2022-01-03", Stance.Supports), C(2, "2022-01-03", Stance.Supports) };
        var b = new[] { C(1, "2022-01-03", Stance.Supports, 2), C(2, "2022-01-03", Stance.Supports, 2), C(2, "2025-01-27", Stance.Condemns, 3) };

        var series = Agreement.Over(a, b, [new DateOnly(2021, 1, 1), new DateOnly(2022, 1, 3), new DateOnly(2025, 1, 27)]);

        Assert.Equal([null, 1.0, 0.5], series.Select(s => s.Score.Score));
        Assert.Equal([0, 2, 2], series.Select(s => s.Score.SharedTopics));
    }
}
