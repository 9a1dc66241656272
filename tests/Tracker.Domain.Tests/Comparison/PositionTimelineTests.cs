using Tracker.Domain.Claims;
using Tracker.Domain.Comparison;

namespace Tracker.Domain.Tests.Comparison;

public sealed class PositionTimelineTests
{
    private static readonly DateOnly Y2021 = new(2021, 6, 16);
    private static readonly DateOnly Y2022 = new(2022, 1, 3);
    private static readonly DateOnly Y2025 = new(2025, 5, 8);

    private static PositionClaim C(int id, int document, DateOnly date, Stance stance, int intensity, int start = 0) =>
        new(id, document, date, 1, stance, intensity, false, start);

    [Fact]
    public void Each_claim_is_labelled_against_the_position_before_its_document()
    {
        var steps = PositionTimeline.Build(
            [C(1, 1, Y2021, Stance.Opposes, 2), C(2, 2, Y2022, Stance.Opposes, 2), C(3, 3, Y2025, Stance.Condemns, 3)],
            [new(1, Y2021), new(2, Y2022), new(3, Y2025)]);

        Assert.Equal([PositionChange.New, PositionChange.Reaffirmed, PositionChange.Intensified], steps.Select(s => s.Change));
    }

    [Fact]
    public void A_later_signed_document_silent_on_the_topic_drops_it_once()
    {
        var steps = PositionTimeline.Build([C(1, 1, Y2021, Stance.Supports, 2)], [new(1, Y2021), new(2, Y2022), new(3, Y2025)]);

        Assert.Equal([PositionChange.New, PositionChange.Dropped], steps.Select(s => s.Change));
        Assert.Equal(2, steps[1].DocumentId);
        Assert.Null(steps[1].Claim);
    }

    [Fact]
    public void Documents_of_the_same_day_are_one_set_so_a_sibling_does_not_drop_the_topic()
    {
        var steps = PositionTimeline.Build([C(1, 1, Y2025, Stance.Opposes, 2)], [new(1, Y2025), new(2, Y2025)]);

        Assert.Equal([PositionChange.New], steps.Select(s => s.Change));
    }

    [Fact]
    public void Two_claims_in_one_document_are_both_new_and_the_stronger_is_carried_forward()
    {
        var steps = PositionTimeline.Build(
            [C(1, 1, Y2022, Stance.Opposes, 3, start: 10), C(2, 1, Y2022, Stance.Opposes, 2, start: 90), C(3, 2, Y2025, Stance.Opposes, 2)],
            [new(1, Y2022), new(2, Y2025)]);

        Assert.Equal([PositionChange.New, PositionChange.New, PositionChange.Softened], steps.Select(s => s.Change));
    }

    [Fact]
    public void A_topic_taken_up_again_after_silence_is_compared_with_what_was_said_before()
    {
        var steps = PositionTimeline.Build(
            [C(1, 1, Y2021, Stance.Supports, 2), C(3, 3, Y2025, Stance.Opposes, 2)],
            [new(1, Y2021), new(2, Y2022), new(3, Y2025)]);

        Assert.Equal([PositionChange.New, PositionChange.Dropped, PositionChange.Reversed], steps.Select(s => s.Change));
    }
}
