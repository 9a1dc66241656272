using Tracker.Domain.Claims;

namespace Tracker.Domain.Comparison;

/// <summary>How a position differs from the one before it (codebook, "Comparing two positions").</summary>
public enum PositionChange
{
    New,
    Reaffirmed,
    Intensified,
    Softened,
    Reversed,
    Dropped,
}

public static class PositionChanges
{
    /// <summary>
    /// Compares the position after a document with the one before it. Polarity (negation applied) decides
    /// reversal; with the same polarity, intensity decides, and at equal intensity the stance's ladder does
    /// ("supports" → "reaffirms" is intensified). A missing later position is silence: dropped.
    /// </summary>
    public static PositionChange? Between(PositionClaim? before, PositionClaim? after) => (before, after) switch
    {
        (null, null) => null,
        (null, _) => PositionChange.New,
        (_, null) => PositionChange.Dropped,
        _ when before.Polarity != after.Polarity => PositionChange.Reversed,
        _ => Compare(Strength(after), Strength(before)) switch
        {
            > 0 => PositionChange.Intensified,
            < 0 => PositionChange.Softened,
            _ => PositionChange.Reaffirmed,
        },
    };

    // Constants: a timeline writes one per step, thousands for a busy actor.
    public static string Code(this PositionChange change) => change switch
    {
        PositionChange.New => "new",
        PositionChange.Reaffirmed => "reaffirmed",
        PositionChange.Intensified => "intensified",
        PositionChange.Softened => "softened",
        PositionChange.Reversed => "reversed",
        PositionChange.Dropped => "dropped",
        _ => change.ToString().ToLowerInvariant(),
    };

    private static (int Intensity, int Rank) Strength(PositionClaim claim) => (claim.Intensity, claim.Stance.LadderRank());

    private static int Compare((int Intensity, int Rank) a, (int Intensity, int Rank) b) =>
        a.Intensity != b.Intensity ? a.Intensity.CompareTo(b.Intensity) : a.Rank.CompareTo(b.Rank);
}
