using Tracker.Domain.Claims;

namespace Tracker.Domain.Comparison;

/// <summary>
/// What comparison needs to know about one accepted claim: where and when it was made and how strongly. Kept
/// free of quotes and names so that millions of them can be read and compared cheaply.
/// </summary>
public sealed record PositionClaim(
    int ClaimId,
    int DocumentId,
    DateOnly IssuedOn,
    int TopicId,
    Stance Stance,
    int Intensity,
    bool Negated,
    int Start = 0)
{
    /// <summary>+1 or −1 toward the topic, negation applied.</summary>
    public int Polarity => Stance.Polarity(Negated);
}

/// <summary>The position of a (holder, topic) is its latest accepted claim.</summary>
public static class PositionRules
{
    /// <summary>
    /// The latest claim: by issued-on date, then the later document (higher id: imported later, the best
    /// proxy for "published later" when two documents share a date), then within one document the strongest
    /// claim (<see cref="Strongest"/>).
    /// </summary>
    public static PositionClaim? Latest(IEnumerable<PositionClaim> claims)
    {
        PositionClaim? latest = null;
        foreach (var claim in claims)
        {
            if (latest is null || Order(claim, latest) > 0)
            {
                latest = claim;
            }
        }

        return latest;
    }

    /// <summary>The latest claim on or before <paramref name="asOf"/>.</summary>
    public static PositionClaim? AsOf(IEnumerable<PositionClaim> claims, DateOnly asOf) =>
        Latest(claims.Where(c => c.IssuedOn <= asOf));

    /// <summary>
    /// The claim that speaks for a document that says several things on one topic: highest intensity, then
    /// highest on its ladder (condemns over opposes), then the first in the text, so the answer is stable.
    /// </summary>
    public static PositionClaim Strongest(IEnumerable<PositionClaim> claims) =>
        Latest(claims) ?? throw new ArgumentException("No claims to choose from.", nameof(claims));

    /// <summary>Positive when <paramref name="a"/> wins over <paramref name="b"/> as the position.</summary>
    public static int Order(PositionClaim a, PositionClaim b)
    {
        var byDate = a.IssuedOn.CompareTo(b.IssuedOn);
        if (byDate != 0)
        {
            return byDate;
        }

        var byDocument = a.DocumentId.CompareTo(b.DocumentId);
        if (byDocument != 0)
        {
            return byDocument;
        }

        var byStrength = Strength(a).CompareTo(Strength(b));
        if (byStrength != 0)
        {
            return byStrength;
        }

        // Earlier in the text, then the older claim, wins: reversed comparisons.
        var byStart = b.Start.CompareTo(a.Start);
        return byStart != 0 ? byStart : b.ClaimId.CompareTo(a.ClaimId);
    }

    private static (int Intensity, int Rank) Strength(PositionClaim claim) => (claim.Intensity, claim.Stance.LadderRank());
}
