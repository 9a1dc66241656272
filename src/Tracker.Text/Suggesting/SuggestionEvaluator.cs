using System.Globalization;
using Tracker.Domain.Claims;

namespace Tracker.Text.Suggesting;

/// <summary>A curated claim as the evaluation compares it.</summary>
public sealed record GoldClaim(TextSpan Span, Stance Stance, string Topic, IReadOnlyList<string> Holders);

/// <summary>
/// Counts of one evaluation. A gold claim is recalled when at least one suggestion matches it, and a
/// suggestion is correct when it matches at least one gold claim; one sentence may hold several claims on one
/// span, so the matching is not one-to-one. Strict (issue 4's definition): same stance, overlapping span.
/// Lenient: same polarity, overlapping span. Each recalled gold claim is compared with one matching suggestion,
/// chosen strict and same-topic first, then strict, then lenient: holders on the lenient-recalled claims (exact
/// equality of the holder sets), topic on the strictly recalled ones (same topic slug).
/// </summary>
public sealed record EvaluationScores(
    int Gold,
    int Suggested,
    int StrictRecalled,
    int StrictCorrect,
    int LenientRecalled,
    int LenientCorrect,
    int HolderCompared,
    int HolderCorrect,
    int TopicCompared,
    int TopicCorrect)
{
    public static EvaluationScores Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public double StrictRecall => Ratio(StrictRecalled, Gold);
    public double StrictPrecision => Ratio(StrictCorrect, Suggested);
    public double LenientRecall => Ratio(LenientRecalled, Gold);
    public double LenientPrecision => Ratio(LenientCorrect, Suggested);
    public double HolderAccuracy => Ratio(HolderCorrect, HolderCompared);
    public double TopicAccuracy => Ratio(TopicCorrect, TopicCompared);

    public static EvaluationScores operator +(EvaluationScores a, EvaluationScores b) => new(
        a.Gold + b.Gold,
        a.Suggested + b.Suggested,
        a.StrictRecalled + b.StrictRecalled,
        a.StrictCorrect + b.StrictCorrect,
        a.LenientRecalled + b.LenientRecalled,
        a.LenientCorrect + b.LenientCorrect,
        a.HolderCompared + b.HolderCompared,
        a.HolderCorrect + b.HolderCorrect,
        a.TopicCompared + b.TopicCompared,
        a.TopicCorrect + b.TopicCorrect);

    public string Format() => string.Create(
        CultureInfo.InvariantCulture,
        $"gold {Gold,4}  suggested {Suggested,4}  strict R {StrictRecall:0.000} P {StrictPrecision:0.000}  lenient R {LenientRecall:0.000} P {LenientPrecision:0.000}  holders {HolderAccuracy:0.000} ({HolderCorrect}/{HolderCompared})  topic {TopicAccuracy:0.000} ({TopicCorrect}/{TopicCompared})");

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

public static class SuggestionEvaluator
{
    public static bool MatchesStrictly(GoldClaim gold, Suggestion suggestion) =>
        suggestion.Stance == gold.Stance && suggestion.Span.Overlaps(gold.Span);

    public static bool MatchesLeniently(GoldClaim gold, Suggestion suggestion) =>
        suggestion.Stance.Polarity() == gold.Stance.Polarity() && suggestion.Span.Overlaps(gold.Span);

    /// <summary>A strict match that also has the gold claim's topic.</summary>
    public static bool MatchesWithTopic(GoldClaim gold, Suggestion suggestion) =>
        MatchesStrictly(gold, suggestion) && suggestion.TopicSlug == gold.Topic;

    /// <summary>Scores the suggestions of one document against its curated claims.</summary>
    public static EvaluationScores Score(IReadOnlyList<GoldClaim> gold, IReadOnlyList<Suggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(suggestions);
        int strictRecalled = 0, lenientRecalled = 0, holderCompared = 0, holderCorrect = 0, topicCompared = 0, topicCorrect = 0;
        var strictCorrect = new bool[suggestions.Count];
        var lenientCorrect = new bool[suggestions.Count];
        foreach (var claim in gold)
        {
            // The suggestion the claim is compared with: strict with the same topic, else strict, else lenient.
            Suggestion? best = null;
            int rank = 0;
            for (int i = 0; i < suggestions.Count; i++)
            {
                var suggestion = suggestions[i];
                if (!MatchesLeniently(claim, suggestion))
                {
                    continue;
                }

                lenientCorrect[i] = true;
                int r = 1;
                if (MatchesStrictly(claim, suggestion))
                {
                    strictCorrect[i] = true;
                    r = suggestion.TopicSlug == claim.Topic ? 3 : 2;
                }

                if (r > rank)
                {
                    (best, rank) = (suggestion, r);
                }
            }

            if (best is null)
            {
                continue;
            }

            lenientRecalled++;
            holderCompared++;
            holderCorrect += SameSet(claim.Holders, best.Holders) ? 1 : 0;
            if (rank >= 2)
            {
                strictRecalled++;
                topicCompared++;
                topicCorrect += rank == 3 ? 1 : 0;
            }
        }

        return new EvaluationScores(
            gold.Count,
            suggestions.Count,
            strictRecalled,
            strictCorrect.Count(c => c),
            lenientRecalled,
            lenientCorrect.Count(c => c),
            holderCompared,
            holderCorrect,
            topicCompared,
            topicCorrect);
    }

    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == b.Count && a.All(b.Contains);
}
