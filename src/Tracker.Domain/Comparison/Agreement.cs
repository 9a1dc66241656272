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

    /// <summary>
    /// The positions of two actors per topic, latest claim each, and their agreement over the topics both
    /// address. A topic only one side addresses does not enter the score: "silent" here means "never spoke",
    /// which says nothing about agreement (the UN convention leaves absent members out likewise).
    /// </summary>
    public static AgreementScore Between(IEnumerable<PositionClaim> a, IEnumerable<PositionClaim> b)
    {
        var positionsA = LatestByTopic(a);
        var positionsB = LatestByTopic(b);
        return Score(positionsA.Keys.Intersect(positionsB.Keys).Select(topic => ((int?)positionsA[topic].Polarity, (int?)positionsB[topic].Polarity)));
    }

    /// <summary>The score as it stood at each date given: positions from the claims on or before it.</summary>
    public static IReadOnlyList<(DateOnly Date, AgreementScore Score)> Over(IEnumerable<PositionClaim> a, IEnumerable<PositionClaim> b, IEnumerable<DateOnly> dates)
    {
        var claims = a.Select(c => (Side: 0, Claim: c)).Concat(b.Select(c => (Side: 1, Claim: c))).OrderBy(x => x.Claim.IssuedOn).ToList();
        var positions = new[] { new Dictionary<int, PositionClaim>(), new Dictionary<int, PositionClaim>() };
        var series = new List<(DateOnly, AgreementScore)>();
        var next = 0;
        foreach (var date in dates.Distinct().Order())
        {
            for (; next < claims.Count && claims[next].Claim.IssuedOn <= date; next++)
            {
                var (side, claim) = claims[next];
                if (!positions[side].TryGetValue(claim.TopicId, out var current) || PositionRules.Order(claim, current) > 0)
                {
                    positions[side][claim.TopicId] = claim;
                }
            }

            var shared = positions[0].Keys.Where(positions[1].ContainsKey);
            series.Add((date, Score(shared.Select(topic => ((int?)positions[0][topic].Polarity, (int?)positions[1][topic].Polarity)))));
        }

        return series;
    }

    public static Dictionary<int, PositionClaim> LatestByTopic(IEnumerable<PositionClaim> claims) =>
        claims.GroupBy(c => c.TopicId).ToDictionary(g => g.Key, g => PositionRules.Latest(g)!);
}

/// <summary>A score between 0 and 1 and the number of topics it rests on, which should be shown beside it.</summary>
public sealed record AgreementScore(double? Score, int SharedTopics);
