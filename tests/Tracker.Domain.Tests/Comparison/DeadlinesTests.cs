using Tracker.Domain.Commitments;
using Tracker.Domain.Comparison;

namespace Tracker.Domain.Tests.Comparison;

public sealed class DeadlinesTests
{
    private static readonly DateOnly Issued = new(2025, 1, 27);

    [Theory]
    [InlineData("双方计划于2025年完成协定升级谈判", "2025-12-31")]
    [InlineData("双方将于 2026 年 3 月 完成磋商", "2026-03-31")]
    [InlineData("力争2030年前实现这一目标", "2030-12-31")]
    [InlineData("The Parties will complete the review by 2030", "2030-12-31")]
    [InlineData("we will finish the work by the end of March 2026", "2026-03-31")]
    [InlineData("submit a plan within 60 days of the date of this order", "2025-03-28")]
    [InlineData("submit a plan within sixty days", "2025-03-28")]
    [InlineData("Стороны завершат работу до 2030 года", "2030-12-31")]
    [InlineData("к 2027 году создать систему", "2027-12-31")]
    public void A_promised_date_becomes_the_due_date(string quote, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), Deadlines.Find(quote, Issued));

    [Theory]
    [InlineData("加快落实联合国 2030 年可持续发展议程")]
    [InlineData("双方将继续推动落实 2018 年 5 月 17日签署的《中华人民共和国与欧亚经济联盟经贸合作协定》")]
    [InlineData("The United States will provide for the common defense by deploying a shield")]
    [InlineData("The Parties will complete the review by 2020")]
    public void A_date_that_is_a_mention_or_already_past_is_no_deadline(string quote) =>
        Assert.Null(Deadlines.Find(quote, Issued));

    [Fact]
    public void A_curators_verdict_stands_and_otherwise_a_later_repetition_makes_it_reaffirmed()
    {
        Assert.Equal(CommitmentStatus.Reaffirmed, CommitmentLifecycle.Status(CommitmentStatus.Made, reaffirmedLater: true));
        Assert.Equal(CommitmentStatus.Made, CommitmentLifecycle.Status(CommitmentStatus.Made, reaffirmedLater: false));
        Assert.Equal(CommitmentStatus.Broken, CommitmentLifecycle.Status(CommitmentStatus.Broken, reaffirmedLater: true));
    }

    [Fact]
    public void Only_a_past_due_commitment_not_kept_is_overdue()
    {
        var today = new DateOnly(2031, 1, 1);
        Assert.True(CommitmentLifecycle.IsOverdue(CommitmentStatus.Made, new DateOnly(2030, 12, 31), today));
        Assert.False(CommitmentLifecycle.IsOverdue(CommitmentStatus.Kept, new DateOnly(2030, 12, 31), today));
        Assert.False(CommitmentLifecycle.IsOverdue(CommitmentStatus.Made, null, today));
        Assert.False(CommitmentLifecycle.IsOverdue(CommitmentStatus.Made, new DateOnly(2031, 1, 1), today));
    }
}
