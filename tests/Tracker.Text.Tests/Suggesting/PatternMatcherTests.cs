using Tracker.Text.Suggesting;

namespace Tracker.Text.Tests.Suggesting;

public class PatternMatcherTests
{
    [Fact]
    public void Matcher_finds_every_occurrence_of_overlapping_patterns_in_one_pass()
    {
        var matcher = new PatternMatcher(["谴责", "强烈谴责", "双方", "方对"]);

        var matches = matcher.FindAll("双方对此表示强烈谴责。");

        Assert.Equal(
            [(0, 2, 2), (1, 3, 3), (6, 10, 1), (8, 10, 0)],
            matches.Select(m => (m.Start, m.End, m.Pattern)).OrderBy(m => m.Start));
    }

    [Fact]
    public void Matcher_folds_case_and_respects_word_boundaries_in_spaced_scripts()
    {
        var matcher = new PatternMatcher(["will", "the two sides", "стороны"]);

        var matches = matcher.FindAll("The Two Sides will act in goodwill; СТОРОНЫ Willing.");

        Assert.Equal(["The Two Sides", "will", "СТОРОНЫ"], matches.Select(m => "The Two Sides will act in goodwill; СТОРОНЫ Willing."[m.Start..m.End]));
    }

    [Fact]
    public void Matcher_follows_failure_links_into_shorter_patterns()
    {
        var matcher = new PatternMatcher(["全球战略", "球战争", "战"]);

        var matches = matcher.FindAll("全球战争");

        Assert.Equal([(2, 3, 2), (1, 4, 1)], matches.Select(m => (m.Start, m.End, m.Pattern)));
    }
}
