using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Data.Seeding;
using Tracker.Text;
using Tracker.Text.Suggesting;

namespace Tracker.Web.Features.Suggestions;

/// <summary>
/// <c>dotnet run --project src/Tracker.Web -- evaluate [--seed DIR] [--dev] [--holdout] [--verbose]</c>: loads the seed into a fresh
/// SQLite file (the same migrations and loader as a first start, so gold spans are anchored exactly as in the
/// app, lexicon from its table), runs the suggester over every document with curated claims and prints recall, precision, holder
/// and topic accuracy per language and overall. A throwaway database keeps the figures independent of local edits.
/// <c>--dev</c> (seed/dev: statements tuned on, kept for regression) and <c>--holdout</c> (seed/holdout: statements the lexicon was
/// not tuned on) each load their folder on top of the seed into a throwaway database of their own, with the same loader, and print
/// their figures as a separate table; the app never loads either folder.
/// </summary>
public static class EvaluateCommand
{
    public const string DevFolder = "dev";
    public const string HoldoutFolder = "holdout";

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var seed = Option(args, "--seed") ?? Path.Combine(AppContext.BaseDirectory, "seed");
        bool verbose = args.Contains("--verbose");
        var overall = await EvaluateAsync(seed, null, "seed", output, verbose, cancellationToken);
        foreach (var (flag, folder, set) in new[] { ("--dev", DevFolder, "dev"), ("--holdout", HoldoutFolder, "held-out") })
        {
            if (!args.Contains(flag))
            {
                continue;
            }

            var path = Path.Combine(seed, folder);
            if (!File.Exists(Path.Combine(path, "documents.json")))
            {
                output.WriteLine($"No {set} set: {path} has no documents.json (nothing to score for {flag}).");
                continue;
            }

            var scores = await EvaluateAsync(seed, path, set, output, verbose, cancellationToken);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{char.ToUpperInvariant(set[0])}{set[1..]} minus seed: strict R {scores.StrictRecall - overall.StrictRecall:+0.000;-0.000} P {scores.StrictPrecision - overall.StrictPrecision:+0.000;-0.000}  lenient R {scores.LenientRecall - overall.LenientRecall:+0.000;-0.000} P {scores.LenientPrecision - overall.LenientPrecision:+0.000;-0.000}  holders {scores.HolderAccuracy - overall.HolderAccuracy:+0.000;-0.000}  topic {scores.TopicAccuracy - overall.TopicAccuracy:+0.000;-0.000}"));
        }

        return 0;
    }

    /// <summary>
    /// Seeds a throwaway database, loads <paramref name="extra"/> on top when given (the few actors and topics its statements need
    /// come with it, as a curator would add them) and scores the documents of that folder, or of the seed when there is none.
    /// </summary>
    private static async Task<EvaluationScores> EvaluateAsync(
        string seed, string? extra, string set, TextWriter output, bool verbose, CancellationToken cancellationToken)
    {
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
            var keys = await db.Documents.Where(d => d.Key != null).Select(d => d.Key!).ToListAsync(cancellationToken);
            if (extra is not null)
            {
                var seedKeys = keys;
                await new SeedLoader(db, TimeProvider.System).LoadAsync(extra, cancellationToken);
                keys = await db.Documents.Where(d => d.Key != null && !seedKeys.Contains(d.Key)).Select(d => d.Key!).ToListAsync(cancellationToken);
            }

            var suggester = new ClaimSuggester(
                lexicon, await SuggesterProvider.LoadTopicsAsync(db, cancellationToken), await SuggesterProvider.LoadActorsAsync(db, cancellationToken));
            return await ScoreAsync(db, suggester, keys, set, output, verbose, cancellationToken);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<EvaluationScores> ScoreAsync(
        TrackerDbContext db, ClaimSuggester suggester, List<string> keys, string set, TextWriter output, bool verbose, CancellationToken cancellationToken)
    {
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.Claims.Any() && keys.Contains(d.Key!))
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
        output.WriteLine($"Suggester evaluation on {documents.Count} {set} documents with curated claims ({suggester.PatternCount} patterns)");
        foreach (var document in documents)
        {
            var gold = document.Claims.Select(c => new GoldClaim(new TextSpan(c.Start, c.End), c.Stance, c.Topic, c.Holders)).ToList();
            var sentences = document.Sentences.Select(s => new TextSpan(s.Start, s.End)).ToList();
            var suggestions = suggester.Suggest(document.Body, sentences, document.Signatories);
            var scores = SuggestionEvaluator.Score(gold, suggestions);
            output.WriteLine($"  {document.Key,-48} {document.Language,-7} {scores.Format()}");
            if (verbose)
            {
                WriteDetails(output, document.Body, gold, suggestions);
            }

            byLanguage[document.Language] = byLanguage.GetValueOrDefault(document.Language, EvaluationScores.Zero) + scores;
            overall += scores;
        }

        output.WriteLine($"Per language ({set}):");
        foreach (var (language, scores) in byLanguage)
        {
            output.WriteLine($"  {language,-7} {scores.Format()}");
        }

        output.WriteLine($"Overall ({set})   {overall.Format()}");
        output.WriteLine("strict: same stance and overlapping span; lenient: same polarity and overlapping span; holders: exact set on lenient matches; topic: same topic on strict matches.");
        return overall;
    }

    private static void WriteDetails(TextWriter output, string body, List<GoldClaim> gold, List<Suggestion> suggestions)
    {
        foreach (var claim in gold.Where(g => !suggestions.Any(s => SuggestionEvaluator.MatchesStrictly(g, s))))
        {
            var near = suggestions.Where(s => s.Span.Overlaps(claim.Span)).Select(s => $"{s.Stance}/{s.TopicSlug ?? "+" + s.TopicLabel}[{s.Cue}]");
            output.WriteLine($"    MISS {claim.Stance,-9} {claim.Topic,-32} {claim.Span} got: {string.Join("; ", near)}");
            output.WriteLine($"         \"{Excerpt(body, claim.Span)}\"");
        }

        foreach (var claim in gold.Where(g => suggestions.Any(s => SuggestionEvaluator.MatchesStrictly(g, s)) && !suggestions.Any(s => SuggestionEvaluator.MatchesWithTopic(g, s))))
        {
            var near = suggestions.Where(s => SuggestionEvaluator.MatchesStrictly(claim, s)).Select(s => $"{s.TopicSlug ?? "+" + s.TopicLabel}[{s.Cue}]");
            output.WriteLine($"    TOPIC {claim.Stance,-9} {claim.Topic,-32} {claim.Span} got: {string.Join("; ", near)}");
            output.WriteLine($"         \"{Excerpt(body, claim.Span)}\"");
        }

        foreach (var claim in gold)
        {
            if (SuggestionEvaluator.BestMatch(claim, suggestions) is { } best && !SuggestionEvaluator.SameHolders(claim, best))
            {
                output.WriteLine($"    HOLDERS {claim.Stance,-9} {claim.Topic,-30} {claim.Span} want {string.Join(",", claim.Holders)} got {string.Join(",", best.Holders)} [{best.Cue}]");
                output.WriteLine($"         \"{Excerpt(body, claim.Span)}\"");
            }
        }

        foreach (var s in suggestions.Where(s => !gold.Any(g => SuggestionEvaluator.MatchesStrictly(g, s))))
        {
            var lenient = gold.Any(g => SuggestionEvaluator.MatchesLeniently(g, s)) ? "~" : "X";
            output.WriteLine($"    FP{lenient}  {s.Stance,-9} {s.TopicSlug ?? "+" + s.TopicLabel,-32} [{s.Cue}] {s.Quote[..Math.Min(60, s.Quote.Length)]}");
        }
    }

    /// <summary>The first 70 code points of a span of the body.</summary>
    private static string Excerpt(string body, TextSpan span)
    {
        var index = new CodePointIndex(body);
        int start = index.ToUtf16(span.Start), end = index.ToUtf16(Math.Min(span.End, span.Start + 70));
        return body[start..end];
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
