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

    /// <summary>
    /// The suggestion <paramref name="claim"/> is compared with: strict with the same topic, else strict, else lenient (the
    /// first of each in the list); null when none matches even leniently.
    /// </summary>
    public static Suggestion? BestMatch(GoldClaim claim, IReadOnlyList<Suggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(suggestions);
        Suggestion? best = null;
        int rank = 0;
        foreach (var suggestion in suggestions)
        {
            int r = MatchesWithTopic(claim, suggestion) ? 3 : MatchesStrictly(claim, suggestion) ? 2 : MatchesLeniently(claim, suggestion) ? 1 : 0;
            if (r > rank)
            {
                (best, rank) = (suggestion, r);
            }
        }

        return best;
    }

    /// <summary>Whether the suggestion names exactly the claim's holders.</summary>
    public static bool SameHolders(GoldClaim claim, Suggestion suggestion) => SameSet(claim.Holders, suggestion.Holders);

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
            for (int i = 0; i < suggestions.Count; i++)
            {
                lenientCorrect[i] |= MatchesLeniently(claim, suggestions[i]);
                strictCorrect[i] |= MatchesStrictly(claim, suggestions[i]);
            }

            if (BestMatch(claim, suggestions) is not { } best)
            {
                continue;
            }

            lenientRecalled++;
            holderCompared++;
            holderCorrect += SameHolders(claim, best) ? 1 : 0;
            if (MatchesStrictly(claim, best))
            {
                strictRecalled++;
                topicCompared++;
                topicCorrect += best.TopicSlug == claim.Topic ? 1 : 0;
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
