using Tracker.Domain.Claims;
using Tracker.Text.Suggesting;

namespace Tracker.Text.Tests.Suggesting;

public class SuggestionEvaluatorTests
{
    private static readonly string[] Both = ["china", "russia"];

    private static Suggestion Suggested(int start, int end, Stance stance, string? topic, params string[] holders) =>
        new(start, end, "", holders.Length == 0 ? Both : holders, stance, 2, topic, topic ?? "new", null, false, 0.5, "cue");

    [Fact]
    public void Strict_needs_stance_topic_and_overlap_lenient_only_polarity_and_overlap()
    {
        GoldClaim[] gold =
        [
            new(new TextSpan(0, 10), Stance.Opposes, "unilateral-sanctions", Both),
            new(new TextSpan(20, 30), Stance.Supports, "wto-reform", Both),
            new(new TextSpan(40, 50), Stance.CallsFor, "arms-control", Both),
        ];
        Suggestion[] suggestions =
        [
            Suggested(5, 12, Stance.Opposes, "unilateral-sanctions"),
            Suggested(25, 28, Stance.Welcomes, "wto-reform", "russia"),
            Suggested(50, 60, Stance.CallsFor, "arms-control"),
            Suggested(70, 80, Stance.Condemns, null),
        ];

        var scores = SuggestionEvaluator.Score(gold, suggestions);

        Assert.Equal((3, 4), (scores.Gold, scores.Suggested));
        Assert.Equal((1, 1), (scores.StrictRecalled, scores.StrictCorrect));
        Assert.Equal((2, 2), (scores.LenientRecalled, scores.LenientCorrect));
        Assert.Equal((2, 1), (scores.HolderCompared, scores.HolderCorrect));
        Assert.Equal(1.0 / 3, scores.StrictRecall, 6);
        Assert.Equal(0.5, scores.LenientPrecision, 6);
        Assert.Equal(0.5, scores.HolderAccuracy, 6);
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

        Assert.Equal((1, 2, 1), (scores.StrictRecalled, scores.LenientRecalled, scores.LenientCorrect));
    }

    [Fact]
    public void Scores_add_up_across_documents_and_nothing_scores_zero()
    {
        var a = new EvaluationScores(10, 8, 6, 5, 9, 7, 9, 8);
        var b = new EvaluationScores(5, 4, 3, 2, 4, 4, 4, 4);

        var sum = a + b;

        Assert.Equal(new EvaluationScores(15, 12, 9, 7, 13, 11, 13, 12), sum);
        Assert.Equal(0, EvaluationScores.Zero.StrictRecall);
        Assert.Equal(0, EvaluationScores.Zero.HolderAccuracy);
    }
}
