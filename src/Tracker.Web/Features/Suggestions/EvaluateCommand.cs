using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Data.Seeding;
using Tracker.Text;
using Tracker.Text.Suggesting;

namespace Tracker.Web.Features.Suggestions;

/// <summary>
/// <c>dotnet run --project src/Tracker.Web -- evaluate [--seed DIR] [--verbose]</c>: loads the seed into a fresh
/// SQLite file (the same migrations and loader as a first start, so gold spans are anchored exactly as in the
/// app, lexicon from its table), runs the suggester over every document with curated claims and prints recall, precision and holder
/// accuracy per language and overall. A throwaway database keeps the figures independent of local edits.
/// </summary>
public static class EvaluateCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var seed = Option(args, "--seed") ?? Path.Combine(AppContext.BaseDirectory, "seed");
        bool verbose = args.Contains("--verbose");
        var directory = Directory.CreateTempSubdirectory("tracker-evaluate-").FullName;
        try
        {
            var settings = new DatabaseSettings { ConnectionString = $"Data Source={Path.Combine(directory, "evaluate.db")};Pooling=False" };
            var options = new DbContextOptionsBuilder<TrackerDbContext>();
            settings.Configure(options);
            await using var db = new TrackerDbContext(options.Options);
            await db.Database.MigrateAsync(cancellationToken);
            await new SeedLoader(db, TimeProvider.System).LoadAsync(seed, cancellationToken);

            var lexicon = await SuggesterProvider.LoadLexiconAsync(db, cancellationToken) ?? Lexicon.Load(Path.Combine(seed, "lexicon"));
            var suggester = new ClaimSuggester(lexicon, await SuggesterProvider.LoadTopicsAsync(db, cancellationToken));
            var documents = await db.Documents.AsNoTracking()
                .Where(d => d.Claims.Any())
                .OrderBy(d => d.Language).ThenBy(d => d.Key)
                .Select(d => new
                {
                    d.Key,
                    d.Language,
                    d.Body,
                    Sentences = d.Sentences.OrderBy(s => s.Ordinal).Select(s => new { s.Start, s.End }).ToList(),
                    Signatories = d.Signatories.OrderBy(s => s.Position).Select(s => s.Actor!.Slug).ToList(),
                    Claims = d.Claims.Select(c => new
                    {
                        c.Start,
                        c.End,
                        c.Stance,
                        Topic = c.Topic!.Slug,
                        Holders = c.Holders.Select(h => h.Actor!.Slug).ToList(),
                    }).ToList(),
                })
                .ToListAsync(cancellationToken);

            var byLanguage = new SortedDictionary<string, EvaluationScores>(StringComparer.Ordinal);
            var overall = EvaluationScores.Zero;
            output.WriteLine($"Suggester evaluation on {documents.Count} documents with curated claims ({suggester.PatternCount} patterns)");
            foreach (var document in documents)
            {
                var gold = document.Claims.Select(c => new GoldClaim(new TextSpan(c.Start, c.End), c.Stance, c.Topic, c.Holders)).ToList();
                var sentences = document.Sentences.Select(s => new TextSpan(s.Start, s.End)).ToList();
                var suggestions = suggester.Suggest(document.Body, sentences, document.Signatories);
                var scores = SuggestionEvaluator.Score(gold, suggestions);
                output.WriteLine($"  {document.Key,-48} {document.Language,-7} {scores.Format()}");
                if (verbose)
                {
                    WriteDetails(output, gold, suggestions);
                }

                byLanguage[document.Language] = byLanguage.GetValueOrDefault(document.Language, EvaluationScores.Zero) + scores;
                overall += scores;
            }

            output.WriteLine("Per language:");
            foreach (var (language, scores) in byLanguage)
            {
                output.WriteLine($"  {language,-7} {scores.Format()}");
            }

            output.WriteLine($"Overall   {overall.Format()}");
            output.WriteLine("strict: same stance, topic and overlapping span; lenient: same polarity and overlapping span; holders: exact set on lenient matches.");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void WriteDetails(TextWriter output, List<GoldClaim> gold, List<Suggestion> suggestions)
    {
        foreach (var claim in gold.Where(g => !suggestions.Any(s => SuggestionEvaluator.MatchesStrictly(g, s))))
        {
            var near = suggestions.Where(s => s.Span.Overlaps(claim.Span)).Select(s => $"{s.Stance}/{s.TopicSlug ?? "+" + s.TopicLabel}[{s.Cue}]");
            output.WriteLine($"    MISS {claim.Stance,-9} {claim.Topic,-32} {claim.Span} got: {string.Join("; ", near)}");
        }

        foreach (var s in suggestions.Where(s => !gold.Any(g => SuggestionEvaluator.MatchesStrictly(g, s))))
        {
            var lenient = gold.Any(g => SuggestionEvaluator.MatchesLeniently(g, s)) ? "~" : "X";
            output.WriteLine($"    FP{lenient}  {s.Stance,-9} {s.TopicSlug ?? "+" + s.TopicLabel,-32} [{s.Cue}] {s.Quote[..Math.Min(60, s.Quote.Length)]}");
        }
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
