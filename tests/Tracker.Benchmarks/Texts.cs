using System.Text;
using Tracker.Domain.Documents;
using Tracker.Text;
using Tracker.Text.Suggesting;
using Tracker.Web.Features.Documents;

namespace Tracker.Benchmarks;

/// <summary>The texts measured: the seed documents of the repository and, when it is there, shared/corpus beside it.</summary>
public static class Texts
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string SeedFolder => Path.Combine(Root.Value, "seed");

    /// <summary>TRACKER_CORPUS, or the shared/ folder next to the work tree (where CI and developers have it).</summary>
    public static string? CorpusFolder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("TRACKER_CORPUS") ?? Path.Combine(Root.Value, "..", "shared", "corpus");
            return Directory.Exists(folder) ? Path.GetFullPath(folder) : null;
        }
    }

    public static IReadOnlyList<string> Sets => CorpusFolder is null ? ["seed-zh", "seed-en"] : ["seed-zh", "seed-en", "corpus-en"];

    public static string[] Load(string set) => set switch
    {
        "seed-zh" => Read(Path.Combine(SeedFolder, "documents"), "*_zh.txt"),
        "seed-en" => Read(Path.Combine(SeedFolder, "documents"), "*_en.txt"),
        "corpus-en" => Read(CorpusFolder ?? throw new InvalidOperationException("No corpus folder."), "*.txt"),
        _ => throw new ArgumentOutOfRangeException(nameof(set), set, null),
    };

    /// <summary>Size of the raw texts in UTF-8, the unit of the MB/s figures.</summary>
    public static long Utf8Bytes(IEnumerable<string> texts) => texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));

    public static ClaimSuggester Suggester() => new(
        Lexicon.Load(Path.Combine(SeedFolder, "lexicon")),
        SuggesterTopic.LoadSeedFile(Path.Combine(SeedFolder, "topics.json")),
        SuggesterActor.LoadSeedFile(Path.Combine(SeedFolder, "actors.json")));

    /// <summary>
    /// The kind of each text as an import proposes it from the title of its header (the seed page has none: other). The model
    /// reads only the kinds it learned from, here as in the app.
    /// </summary>
    public static DocumentKind[] Kinds(string[] texts) =>
        [.. texts.Select(t => DocumentKinds.TryParse(ImportDraft.DetectKind(CorpusHeader.Parse(t)["title"]), out var kind) ? kind : DocumentKind.Other)];

    /// <summary>The model the app learns from the curated statements it ships (the seed's and seed/dev's).</summary>
    public static StanceModel? Model() => StanceModel.Train(
        [.. Tracker.Data.Seeding.SeedLoader.ReadCuratedAsync(SeedFolder).GetAwaiter().GetResult(),
         .. Tracker.Data.Seeding.SeedLoader.ReadCuratedAsync(Path.Combine(SeedFolder, "dev")).GetAwaiter().GetResult()]);

    private static string[] Read(string folder, string pattern) =>
        [.. Directory.EnumerateFiles(folder, pattern).Order(StringComparer.Ordinal).Select(File.ReadAllText)];

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
