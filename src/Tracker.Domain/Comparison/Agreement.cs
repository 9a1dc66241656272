namespace Tracker.Domain.Comparison;

/// <summary>Agreement between two actors: 1 − mean distance over the topics both address.</summary>
public static class Agreement
{
    /// <summary>
    /// The UN General Assembly voting-agreement convention: same polarity 0, opposite 1, and 0.5 when one side
    /// is silent or neutral (polarity 0 or none), the analogue of an abstention.
    /// </summary>
    public static double Distance(int? polarityA, int? polarityB)
    {
        var a = Math.Sign(polarityA ?? 0);
        var b = Math.Sign(polarityB ?? 0);
        if (a == 0 && b == 0)
        {
            return 0;
        }

        return a == 0 || b == 0 ? 0.5 : a == b ? 0 : 1;
    }

    /// <summary>
    /// Scores the pairs of polarities given, one pair per topic. The score is null when there are none: no
    /// shared topic means no evidence, which is not the same as disagreement.
    /// </summary>
    public static AgreementScore Score(IEnumerable<(int? A, int? B)> topics)
    {
        var distances = topics.Select(t => Distance(t.A, t.B)).ToList();
        return new AgreementScore(distances.Count == 0 ? null : Math.Round(1 - distances.Average(), 4), distances.Count);
    }
}

/// <summary>A score between 0 and 1 and the number of topics it rests on, which should be shown beside it.</summary>
public sealed record AgreementScore(double? Score, int SharedTopics);
