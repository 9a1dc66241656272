using Tracker.Domain;
using Tracker.Text.Suggesting;

namespace Tracker.Text.Tests.Suggesting;

public class LexiconTests
{
    [Fact]
    public void Seed_lexicon_covers_every_language_and_every_stance()
    {
        var lexicon = Lexicon.Load(Path.Combine(SuggesterFixture.SeedFolder, "lexicon"));

        Assert.Equal(Languages.All.Order(StringComparer.Ordinal), lexicon.Languages.Select(l => l.Language).Order(StringComparer.Ordinal));
        Assert.All(lexicon.Languages, l => Assert.Equal(8, l.Cues.Count));
        Assert.All(lexicon.Languages, l => Assert.Contains(LexiconLanguage.Signatories, l.Holders.Keys));
    }

    [Fact]
    public void Unknown_stance_is_refused_with_the_file_named()
    {
        var error = Assert.Throws<LexiconException>(() =>
            Lexicon.Parse("""{ "language": "en", "cues": { "praises": ["laud"] } }""", "en.json"));

        Assert.Contains("en.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("praises", error.Message, StringComparison.Ordinal);
    }
}
