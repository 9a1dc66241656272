using Tracker.Domain.Claims;
using Tracker.Text.Suggesting;

namespace Tracker.Text.Tests.Suggesting;

public class SuggestionEvaluatorTests
{
    private static readonly string[] Both = ["china", "russia"];

    private static Suggestion Suggested(int start, int end, Stance stance, string? topic, params string[] holders) =>
        new(start, end, "", holders.Length == 0 ? Both : holders, stance, 2, topic, topic ?? "new", null, false, 0.5, "cue");

    [Fact]
    public void Strict_needs_stance_and_overlap_lenient_only_polarity_and_overlap()
    {
        GoldClaim[] gold =
        [
            new(new TextSpan(0, 10), Stance.Opposes, "unilateral-sanctions", Both),
            new(new TextSpan(20, 30), Stance.Supports, "wto-reform", Both),
            new(new TextSpan(40, 50), Stance.CallsFor, "arms-control", Both),
            new(new TextSpan(90, 99), Stance.Concerned, "outer-space", Both),
        ];
        Suggestion[] suggestions =
        [
            Suggested(5, 12, Stance.Opposes, "unilateral-sanctions"),
            Suggested(25, 28, Stance.Welcomes, "wto-reform", "russia"),
            Suggested(50, 60, Stance.CallsFor, "arms-control"),
            Suggested(70, 80, Stance.Condemns, null),
            Suggested(92, 95, Stance.Concerned, "space-weaponization"),
        ];

        var scores = SuggestionEvaluator.Score(gold, suggestions);

        Assert.Equal((4, 5), (scores.Gold, scores.Suggested));
        Assert.Equal((2, 2), (scores.StrictRecalled, scores.StrictCorrect));
        Assert.Equal((3, 3), (scores.LenientRecalled, scores.LenientCorrect));
        Assert.Equal((3, 2), (scores.HolderCompared, scores.HolderCorrect));
        Assert.Equal((2, 1), (scores.TopicCompared, scores.TopicCorrect));
        Assert.Equal(0.5, scores.StrictRecall, 6);
        Assert.Equal(0.6, scores.LenientPrecision, 6);
        Assert.Equal(2.0 / 3, scores.HolderAccuracy, 6);
        Assert.Equal(0.5, scores.TopicAccuracy, 6);
    }

    [Fact]
    public void A_same_topic_suggestion_is_preferred_as_the_match_of_a_claim()
    {
        GoldClaim[] gold = [new(new TextSpan(0, 20), Stance.Opposes, "unilateral-sanctions", Both)];
        Suggestion[] suggestions =
        [
            Suggested(0, 20, Stance.Opposes, "long-arm-jurisdiction", "china"),
            Suggested(5, 15, Stance.Opposes, "unilateral-sanctions"),
        ];

        var scores = SuggestionEvaluator.Score(gold, suggestions);

        Assert.Equal((1, 2), (scores.StrictRecalled, scores.StrictCorrect));
        Assert.Equal((1, 1), (scores.TopicCompared, scores.TopicCorrect));
        Assert.Equal((1, 1), (scores.HolderCompared, scores.HolderCorrect));
    }

    [Fact]
    public void One_suggestion_may_recall_several_claims_on_the_same_span()
    {
        GoldClaim[] gold =
        [
            new(new TextSpan(0, 10), Stance.Supports, "a", Both),
            new(new TextSpan(0, 10), Stance.Supports, "b", Both),
        ];

        var scores = SuggestionEvaluator.Score(gold, [Suggested(0, 10, Stance.Supports, "a")]);

        Assert.Equal((2, 2, 1), (scores.StrictRecalled, scores.LenientRecalled, scores.LenientCorrect));
        Assert.Equal((2, 1), (scores.TopicCompared, scores.TopicCorrect));
    }

    [Fact]
    public void Scores_add_up_across_documents_and_nothing_scores_zero()
    {
        var a = new EvaluationScores(10, 8, 6, 5, 9, 7, 9, 8, 6, 4);
        var b = new EvaluationScores(5, 4, 3, 2, 4, 4, 4, 4, 3, 3);

        var sum = a + b;

        Assert.Equal(new EvaluationScores(15, 12, 9, 7, 13, 11, 13, 12, 9, 7), sum);
        Assert.Equal(0, EvaluationScores.Zero.StrictRecall);
        Assert.Equal(0, EvaluationScores.Zero.HolderAccuracy);
        Assert.Equal(0, EvaluationScores.Zero.TopicAccuracy);
    }
}
