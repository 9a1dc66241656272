using Tracker.Domain.Claims;
using Tracker.Domain.Comparison;

namespace Tracker.Domain.Tests.Comparison;

public sealed class PositionChangesTests
{
    private static PositionClaim C(Stance stance, int intensity, bool negated = false) =>
        new(1, 1, new DateOnly(2025, 1, 1), 1, stance, intensity, negated);

    [Theory]
    [InlineData(Stance.Opposes, 2, Stance.Condemns, 3, PositionChange.Intensified)]
    [InlineData(Stance.Condemns, 3, Stance.Concerned, 1, PositionChange.Softened)]
    [InlineData(Stance.Supports, 2, Stance.Reaffirms, 2, PositionChange.Intensified)]
    [InlineData(Stance.Reaffirms, 2, Stance.Welcomes, 2, PositionChange.Softened)]
    [InlineData(Stance.Commits, 2, Stance.Reaffirms, 2, PositionChange.Reaffirmed)]
    [InlineData(Stance.Supports, 3, Stance.Opposes, 2, PositionChange.Reversed)]
    [InlineData(Stance.Opposes, 2, Stance.Welcomes, 1, PositionChange.Reversed)]
    public void Two_claims_differ_as_the_codebook_says(Stance before, int beforeIntensity, Stance after, int afterIntensity, PositionChange expected) =>
        Assert.Equal(expected, PositionChanges.Between(C(before, beforeIntensity), C(after, afterIntensity)));

    [Fact]
    public void Intensity_outweighs_the_ladder()
    {
        // "strongly support" (3) to a plain "reaffirm" (2) is softer, though reaffirms stands higher on the ladder.
        Assert.Equal(PositionChange.Softened, PositionChanges.Between(C(Stance.Supports, 3), C(Stance.Reaffirms, 2)));
    }

    [Fact]
    public void A_negated_call_against_an_opposition_is_the_same_polarity_not_a_reversal()
    {
        // "应摒弃冷战思维" (calls for, negated) after "反对冷战思维": both negative toward Cold War mentality.
        Assert.Equal(PositionChange.Reaffirmed, PositionChanges.Between(C(Stance.Opposes, 2), C(Stance.CallsFor, 2, negated: true)));
        Assert.Equal(PositionChange.Reversed, PositionChanges.Between(C(Stance.Supports, 2), C(Stance.CallsFor, 2, negated: true)));
    }

    [Fact]
    public void A_first_claim_is_new_and_a_missing_later_one_is_dropped()
    {
        Assert.Equal(PositionChange.New, PositionChanges.Between(null, C(Stance.Supports, 2)));
        Assert.Equal(PositionChange.Dropped, PositionChanges.Between(C(Stance.Supports, 2), null));
        Assert.Null(PositionChanges.Between(null, null));
    }
}
