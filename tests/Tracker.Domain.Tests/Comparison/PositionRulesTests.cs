using Tracker.Domain.Claims;
using Tracker.Domain.Comparison;

namespace Tracker.Domain.Tests.Comparison;

public sealed class PositionRulesTests
{
    private static PositionClaim C(int id, string date, Stance stance, int intensity, int document = 1, bool negated = false, int start = 0) =>
        new(id, document, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), 1, stance, intensity, negated, start);

    [Fact]
    public void The_position_is_the_latest_claim_by_issued_on_date()
    {
        var position = PositionRules.Latest([C(1, "2025-05-08", Stance.Opposes, 2, document: 1), C(2, "2022-01-03", Stance.Supports, 2, document: 9)]);

        Assert.Equal(1, position!.ClaimId);
    }

    [Fact]
    public void On_the_same_date_the_later_document_wins()
    {
        var position = PositionRules.Latest([C(1, "2025-05-08", Stance.Condemns, 3, document: 4), C(2, "2025-05-08", Stance.Welcomes, 1, document: 5)]);

        Assert.Equal(2, position!.ClaimId);
    }

    [Fact]
    public void Within_one_document_the_strongest_claim_speaks_then_the_higher_rung_then_the_first_in_the_text()
    {
        Assert.Equal(2, PositionRules.Latest([C(1, "2025-05-08", Stance.Opposes, 2), C(2, "2025-05-08", Stance.Opposes, 3, start: 50)])!.ClaimId);
        Assert.Equal(2, PositionRules.Latest([C(1, "2025-05-08", Stance.Supports, 2), C(2, "2025-05-08", Stance.Commits, 2, start: 50)])!.ClaimId);
        Assert.Equal(1, PositionRules.Latest([C(1, "2025-05-08", Stance.Commits, 2, start: 10), C(2, "2025-05-08", Stance.Commits, 2, start: 50)])!.ClaimId);
    }

    [Fact]
    public void As_of_a_date_later_claims_are_not_yet_known()
    {
        var claims = new[] { C(1, "2021-06-16", Stance.Supports, 2), C(2, "2025-05-08", Stance.Opposes, 2, document: 2) };

        Assert.Equal(1, PositionRules.AsOf(claims, new DateOnly(2024, 12, 31))!.ClaimId);
        Assert.Null(PositionRules.AsOf(claims, new DateOnly(2020, 1, 1)));
    }

    [Fact]
    public void A_negated_stance_takes_the_opposite_polarity_toward_its_topic()
    {
        Assert.Equal(-1, C(1, "2025-05-08", Stance.CallsFor, 2, negated: true).Polarity);
        Assert.Equal(1, C(1, "2025-05-08", Stance.Opposes, 2, negated: true).Polarity);
        Assert.Equal(1, Stance.Commits.Polarity(negated: false));
    }
}
