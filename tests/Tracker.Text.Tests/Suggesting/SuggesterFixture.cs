using Tracker.Text.Suggesting;

namespace Tracker.Text.Tests.Suggesting;

/// <summary>The suggester built from the repository's seed/lexicon, seed/topics.json and seed/actors.json, once for all tests.</summary>
internal static class SuggesterFixture
{
    private static readonly Lazy<ClaimSuggester> Instance = new(() => new ClaimSuggester(
        Lexicon.Load(Path.Combine(SeedFolder, "lexicon")),
        SuggesterTopic.LoadSeedFile(Path.Combine(SeedFolder, "topics.json")),
        SuggesterActor.LoadSeedFile(Path.Combine(SeedFolder, "actors.json"))));

    public static string SeedFolder => Path.GetDirectoryName(Seed.DocumentsFolder)!;

    public static ClaimSuggester Suggester => Instance.Value;

    /// <summary>Suggestions for a text of one or more sentences, segmented like a stored document.</summary>
    public static List<Suggestion> Suggest(string text, params string[] signatories)
    {
        var body = Normalizer.Normalize(text).Body;
        return Suggester.Suggest(body, Segmenter.Segment(body).Sentences, signatories);
    }
}
