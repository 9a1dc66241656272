namespace Tracker.Text.Tests;

/// <summary>The seed documents of the repository, found from the test binaries by walking up to Tracker.sln.</summary>
internal static class Seed
{
    public const string PeoplesDailyPageFile = "2025-05-09_peoples-daily-page_zh.txt";
    public const string StrategicStabilityFile = "2021-06-16_us-russia-joint-statement-strategic-stability_en.txt";
    public const string IronDomeFile = "2025-01-27_us-executive-order-iron-dome-for-america_en.txt";

    private static readonly Lazy<string> Root = new(FindRoot);
    private static readonly Lazy<string> Page = new(() => Read(PeoplesDailyPageFile));
    private static readonly Lazy<NormalizedText> NormalizedPage = new(() => Normalizer.Normalize(Page.Value));

    public static string DocumentsFolder => Path.Combine(Root.Value, "seed", "documents");

    /// <summary>The raw People's Daily page of 9 May 2025.</summary>
    public static string PeoplesDailyPage => Page.Value;

    public static NormalizedText PeoplesDailyPageNormalized => NormalizedPage.Value;

    public static string Read(string file) => File.ReadAllText(Path.Combine(DocumentsFolder, file));

    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(DocumentsFolder, "*.txt").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>The body of the n-th document (1-based) the splitter finds on the page, normalized.</summary>
    public static NormalizedText PageDocument(int part)
    {
        var document = DocumentSplitter.Split(PeoplesDailyPage)[part - 1];
        return Normalizer.Normalize(PeoplesDailyPage, document.BodySpan);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Tracker.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Tracker.sln above {AppContext.BaseDirectory}.");
    }
}
