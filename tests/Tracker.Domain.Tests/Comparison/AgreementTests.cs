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
