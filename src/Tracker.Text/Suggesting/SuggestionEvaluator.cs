using System.Globalization;
using Tracker.Domain.Claims;

namespace Tracker.Text.Suggesting;

/// <summary>A curated claim as the evaluation compares it.</summary>
public sealed record GoldClaim(TextSpan Span, Stance Stance, string Topic, IReadOnlyList<string> Holders);

/// <summary>
/// Counts of one evaluation. A gold claim is recalled when at least one suggestion matches it, and a
/// suggestion is correct when it matches at least one gold claim; one sentence may hold several claims on one
/// span, so the matching is not one-to-one. Strict: same stance, same topic, overlapping span. Lenient: same
/// polarity, overlapping span. Holders are scored on the lenient-recalled gold claims, with the suggestion
/// that matches strictly when there is one: exact equality of the holder sets.
/// </summary>
public sealed record EvaluationScores(
    int Gold,
    int Suggested,
    int StrictRecalled,
    int StrictCorrect,
    int LenientRecalled,
    int LenientCorrect,
    int HolderCompared,
    int HolderCorrect)
{
    public static EvaluationScores Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public double StrictRecall => Ratio(StrictRecalled, Gold);
    public double StrictPrecision => Ratio(StrictCorrect, Suggested);
    public double LenientRecall => Ratio(LenientRecalled, Gold);
    public double LenientPrecision => Ratio(LenientCorrect, Suggested);
    public double HolderAccuracy => Ratio(HolderCorrect, HolderCompared);

    public static EvaluationScores operator +(EvaluationScores a, EvaluationScores b) => new(
        a.Gold + b.Gold,
        a.Suggested + b.Suggested,
        a.StrictRecalled + b.StrictRecalled,
        a.StrictCorrect + b.StrictCorrect,
        a.LenientRecalled + b.LenientRecalled,
        a.LenientCorrect + b.LenientCorrect,
        a.HolderCompared + b.HolderCompared,
        a.HolderCorrect + b.HolderCorrect);

    public string Format() => string.Create(
        CultureInfo.InvariantCulture,
        $"gold {Gold,4}  suggested {Suggested,4}  strict R {StrictRecall:0.000} P {StrictPrecision:0.000}  lenient R {LenientRecall:0.000} P {LenientPrecision:0.000}  holders {HolderAccuracy:0.000} ({HolderCorrect}/{HolderCompared})");

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

public static class SuggestionEvaluator
{
    public static bool MatchesStrictly(GoldClaim gold, Suggestion suggestion) =>
        suggestion.Stance == gold.Stance && suggestion.TopicSlug == gold.Topic && suggestion.Span.Overlaps(gold.Span);

    public static bool MatchesLeniently(GoldClaim gold, Suggestion suggestion) =>
        suggestion.Stance.Polarity() == gold.Stance.Polarity() && suggestion.Span.Overlaps(gold.Span);

    /// <summary>Scores the suggestions of one document against its curated claims.</summary>
    public static EvaluationScores Score(IReadOnlyList<GoldClaim> gold, IReadOnlyList<Suggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(suggestions);
        int strictRecalled = 0, lenientRecalled = 0, holderCompared = 0, holderCorrect = 0;
        var strictCorrect = new bool[suggestions.Count];
        var lenientCorrect = new bool[suggestions.Count];
        foreach (var claim in gold)
        {
            Suggestion? best = null;
            bool strict = false, lenient = false;
            for (int i = 0; i < suggestions.Count; i++)
            {
                var suggestion = suggestions[i];
                if (MatchesStrictly(claim, suggestion))
                {
                    strictCorrect[i] = true;
                    if (!strict)
                    {
                        best = suggestion;
                    }

                    strict = true;
                }

                if (MatchesLeniently(claim, suggestion))
                {
                    lenientCorrect[i] = true;
                    best ??= suggestion;
                    lenient = true;
                }
            }

            strictRecalled += strict ? 1 : 0;
            if (lenient)
            {
                lenientRecalled++;
                holderCompared++;
                holderCorrect += SameSet(claim.Holders, best!.Holders) ? 1 : 0;
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
            holderCorrect);
    }

    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == b.Count && a.All(b.Contains);
}
