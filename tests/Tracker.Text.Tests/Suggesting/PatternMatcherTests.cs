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
    public void Matcher_reads_both_spellings_of_tai_in_traditional_script_as_one()
    {
        // Taipei writes 臺灣 and 台灣, 對臺 and 對台, often in one statement (Mainland Affairs Council, seed/dev).
        var matcher = new PatternMatcher(["台灣問題", "對臺"]);

        var matches = matcher.FindAll("臺灣問題；對台");

        Assert.Equal([(0, 4, 0), (5, 7, 1)], matches.Select(m => (m.Start, m.End, m.Pattern)));
    }

    [Fact]
    public void Matcher_follows_failure_links_into_shorter_patterns()
    {
        var matcher = new PatternMatcher(["全球战略", "球战争", "战"]);

        var matches = matcher.FindAll("全球战争");

        Assert.Equal([(2, 3, 2), (1, 4, 1)], matches.Select(m => (m.Start, m.End, m.Pattern)));
    }

    [Fact]
    public void Matcher_finds_exactly_what_a_naive_search_finds_on_a_seed_statement()
    {
        string[] patterns = ["nuclear", "nuclear war", "war", "we", "weapons", "arms race", "arms", "race", "strategic stability", "stability", "ar", "the", "theirs", "他", "核战争", "战争", "arms control", "control"];
        var text = Seed.Read("2022-01-03_p5-statement-preventing-nuclear-war_en.txt") + " 防止核战争与军备竞赛 arms-race ARMS RACE";
        var matcher = new PatternMatcher(patterns);

        var found = matcher.FindAll(text).Select(m => (m.Start, m.End, m.Pattern)).Order().ToList();

        var expected = new List<(int, int, int)>();
        for (int p = 0; p < patterns.Length; p++)
        {
            for (int i = text.IndexOf(patterns[p], StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(patterns[p], i + 1, StringComparison.OrdinalIgnoreCase))
            {
                int end = i + patterns[p].Length;
                bool bounded = PatternMatcher.IsSpacedLetter(patterns[p][0]);
                if (!bounded || ((i == 0 || !PatternMatcher.IsSpacedLetter(text[i - 1])) && (end == text.Length || !PatternMatcher.IsSpacedLetter(text[end]))))
                {
                    expected.Add((i, end, p));
                }
            }
        }

        Assert.Equal(expected.Order(), found);
        Assert.Contains(found, m => patterns[m.Pattern] == "nuclear war");
    }
}
