using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Claims;
using Tracker.Domain.Documents;
using Tracker.Data.Seeding;
using Tracker.Text;
using Tracker.Text.Suggesting;

namespace Tracker.Web.Features.Suggestions;

/// <summary>
/// <c>dotnet run --project src/Tracker.Web -- evaluate [--seed DIR] [--dev] [--holdout] [--verbose] [--rules-only]</c>: loads the seed into a fresh
/// SQLite file (the same migrations and loader as a first start, so gold spans are anchored exactly as in the
/// app, lexicon from its table), runs the suggester over every document with curated claims and prints recall, precision, holder
/// and topic accuracy per language and overall. A throwaway database keeps the figures independent of local edits.
/// <c>--dev</c> (seed/dev: statements tuned on, kept for regression) and <c>--holdout</c> (seed/holdout: statements the lexicon was
/// not tuned on) each load their folder on top of the seed into a throwaway database of their own, with the same loader, and print
/// their figures as a separate table; the app never loads either folder as documents (it learns from seed/dev's claims). The suggester reads with the model learned from the curated
/// claims, as the app does (each seed and development statement with a model that never saw it), unless <c>--rules-only</c>.
/// <c>--agreement FOLDER</c> compares two curations of the same statements instead (<see cref="AgreementAsync"/>).
/// </summary>
public static class EvaluateCommand
{
    public const string DevFolder = "dev";
    public const string HoldoutFolder = "holdout";

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var seed = Option(args, "--seed") ?? Path.Combine(AppContext.BaseDirectory, "seed");
        if (Option(args, "--agreement") is { } other)
        {
            // A folder of the seed ("holdout/second-curation", copied beside the app like the rest of it) or any other path.
            var second = Directory.Exists(other) ? other : Path.Combine(seed, other);
            return await AgreementAsync(seed, Path.Combine(seed, args.Contains("--dev") ? DevFolder : HoldoutFolder), second, output, cancellationToken);
        }

        bool verbose = args.Contains("--verbose"), learn = !args.Contains("--rules-only");
        var seedSet = await PrepareAsync(seed, null, cancellationToken);
        var dev = Path.Combine(seed, DevFolder);
        bool hasDev = File.Exists(Path.Combine(dev, "documents.json"));
        var devSet = hasDev && (learn || args.Contains("--dev")) ? await PrepareAsync(seed, dev, cancellationToken) : null;

        // What the model learns from: every statement curated in the seed and the development set. Each of those is read by a model
        // that learned from all the others (leave one out); a held-out statement by the model of them all.
        var curated = seedSet.Documents.Concat(devSet?.Documents ?? []).ToList();
        StanceModel? LeavingOut(string key) => learn ? StanceModel.Train(curated.Where(d => d.Key != key).Select(d => d.Curated)) : null;

        var overall = Score(seedSet, LeavingOut, "seed", output, verbose, learn);
        if (args.Contains("--dev"))
        {
            if (devSet is null)
            {
                output.WriteLine($"No dev set: {dev} has no documents.json (nothing to score for --dev).");
            }
            else
            {
                WriteDifference(output, "Dev", Score(devSet, LeavingOut, "dev", output, verbose, learn), overall);
            }
        }

        if (args.Contains("--holdout"))
        {
            var holdout = Path.Combine(seed, HoldoutFolder);
            if (!File.Exists(Path.Combine(holdout, "documents.json")))
            {
                output.WriteLine($"No held-out set: {holdout} has no documents.json (nothing to score for --holdout).");
            }
            else
            {
                var holdoutSet = await PrepareAsync(seed, holdout, cancellationToken);
                var all = learn ? StanceModel.Train(curated.Select(d => d.Curated)) : null;
                WriteDifference(output, "Held-out", Score(holdoutSet, _ => all, "held-out", output, verbose, learn), overall);
            }
        }

        return 0;
    }

    private static void WriteDifference(TextWriter output, string set, EvaluationScores scores, EvaluationScores overall) =>
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{set} minus seed: strict R {scores.StrictRecall - overall.StrictRecall:+0.000;-0.000} P {scores.StrictPrecision - overall.StrictPrecision:+0.000;-0.000}  lenient R {scores.LenientRecall - overall.LenientRecall:+0.000;-0.000} P {scores.LenientPrecision - overall.LenientPrecision:+0.000;-0.000}  holders {scores.HolderAccuracy - overall.HolderAccuracy:+0.000;-0.000}  topic {scores.TopicAccuracy - overall.TopicAccuracy:+0.000;-0.000}"));

    /// <summary>The documents with curated claims of one set, and a suggester of the taxonomy and lexicon they were loaded with.</summary>
    private sealed record PreparedSet(List<EvaluatedDocument> Documents, ClaimSuggester Suggester);

    /// <summary>
    /// Loads the seed, and <paramref name="extra"/> on top when given, into a throwaway database, and takes from it the documents
    /// with curated claims of that folder (of the seed when there is none) and a suggester of its taxonomy and lexicon.
    /// </summary>
    private static Task<PreparedSet> PrepareAsync(string seed, string? extra, CancellationToken cancellationToken) =>
        WithSetAsync(seed, extra, async (db, documents) =>
        {
            var lexicon = await SuggesterProvider.LoadLexiconAsync(db, cancellationToken) ?? Lexicon.Load(Path.Combine(seed, "lexicon"));
            var suggester = new ClaimSuggester(
                lexicon, await SuggesterProvider.LoadTopicsAsync(db, cancellationToken), await SuggesterProvider.LoadActorsAsync(db, cancellationToken));
            return new PreparedSet(documents, suggester);
        }, cancellationToken);

    /// <summary>
    /// Seeds a throwaway database, loads <paramref name="extra"/> on top when given (the few actors and topics its statements need
    /// come with it, as a curator would add them) and hands <paramref name="use"/> the documents with curated claims of that
    /// folder, or of the seed when there is none.
    /// </summary>
    private static async Task<T> WithSetAsync<T>(
        string seed, string? extra, Func<TrackerDbContext, List<EvaluatedDocument>, Task<T>> use, CancellationToken cancellationToken)
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
            var keys = await db.Documents.Where(d => d.Key != null).Select(d => d.Key!).ToListAsync(cancellationToken);
            if (extra is not null)
            {
                var seedKeys = keys;
                await new SeedLoader(db, TimeProvider.System).LoadAsync(extra, cancellationToken);
                keys = await db.Documents.Where(d => d.Key != null && !seedKeys.Contains(d.Key)).Select(d => d.Key!).ToListAsync(cancellationToken);
            }

            return await use(db, await LoadDocumentsAsync(db, keys, cancellationToken));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// <c>evaluate --agreement FOLDER [--dev]</c>: how far two curators agree. FOLDER holds a second curation of the held-out (or,
    /// with <c>--dev</c>, the development) statements, in the same format, made without seeing the first. Its claims are scored
    /// against the first curation exactly as suggestions are, so the figures are the ceiling the suggester can be held to:
    /// recall is the share of the first curator's claims the second also made, precision the share of the second's the first made.
    /// </summary>
    private static async Task<int> AgreementAsync(string seed, string first, string second, TextWriter output, CancellationToken cancellationToken)
    {
        foreach (var folder in new[] { first, second })
        {
            if (!File.Exists(Path.Combine(folder, "documents.json")))
            {
                output.WriteLine($"No curation to compare: {folder} has no documents.json.");
                return 1;
            }
        }

        var gold = await WithSetAsync(seed, first, (_, documents) => Task.FromResult(documents), cancellationToken);
        var other = (await WithSetAsync(seed, second, (_, documents) => Task.FromResult(documents), cancellationToken))
            .ToDictionary(d => d.Key, StringComparer.Ordinal);
        var byLanguage = new SortedDictionary<string, EvaluationScores>(StringComparer.Ordinal);
        var overall = EvaluationScores.Zero;
        output.WriteLine($"Agreement of two curators on {gold.Count(d => other.ContainsKey(d.Key))} statements: {second} scored against {first}");
        foreach (var document in gold.Where(d => other.ContainsKey(d.Key)))
        {
            var claims = other[document.Key].Gold
                .Select(g => new Suggestion(g.Span.Start, g.Span.End, "", g.Holders, g.Stance, g.Stance.DefaultIntensity(), g.Topic, g.Topic, null, false, 1, "second curator"))
                .ToList();
            var scores = SuggestionEvaluator.Score(document.Gold, claims);
            output.WriteLine($"  {document.Key,-48} {document.Language,-7} {scores.Format()}");
            byLanguage[document.Language] = byLanguage.GetValueOrDefault(document.Language, EvaluationScores.Zero) + scores;
            overall += scores;
        }

        output.WriteLine("Per language (agreement):");
        foreach (var (language, scores) in byLanguage)
        {
            output.WriteLine($"  {language,-7} {scores.Format()}");
        }

        output.WriteLine($"Overall (agreement)   {overall.Format()}");
        output.WriteLine("recall: share of the first curation's claims the second also made; precision: share of the second's the first made; same matching as the suggester's evaluation.");
        return 0;
    }

    private sealed record EvaluatedDocument(
        string Key, string Language, DocumentKind Kind, string Body, IReadOnlyList<TextSpan> Sentences, IReadOnlyList<string> Signatories, List<GoldClaim> Gold)
    {
        public CuratedDocument Curated => new(Body, Sentences, Gold.Select(g => new CuratedStance(g.Span, g.Stance)).ToList()) { Kind = Kind };
    }

    private static async Task<List<EvaluatedDocument>> LoadDocumentsAsync(TrackerDbContext db, List<string> keys, CancellationToken cancellationToken)
    {
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.Claims.Any() && keys.Contains(d.Key!))
            .OrderBy(d => d.Language).ThenBy(d => d.Key)
            .Select(d => new
            {
                d.Key,
                d.Language,
                d.Kind,
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
        return documents.Select(d => new EvaluatedDocument(
            d.Key!,
            d.Language,
            d.Kind,
            d.Body,
            d.Sentences.Select(s => new TextSpan(s.Start, s.End)).ToList(),
            d.Signatories,
            d.Claims.Select(c => new GoldClaim(new TextSpan(c.Start, c.End), c.Stance, c.Topic, c.Holders)).ToList())).ToList();
    }

    private static EvaluationScores Score(
        PreparedSet prepared, Func<string, StanceModel?> modelFor, string set, TextWriter output, bool verbose, bool learn)
    {
        var (documents, suggester) = prepared;
        var byLanguage = new SortedDictionary<string, EvaluationScores>(StringComparer.Ordinal);
        var overall = EvaluationScores.Zero;
        output.WriteLine($"Suggester evaluation on {documents.Count} {set} documents with curated claims ({suggester.PatternCount} patterns{(learn ? ", with the learned model" : ", rules only")})");
        foreach (var document in documents)
        {
            var model = modelFor(document.Key) is { } learned && learned.Reads(document.Kind) ? learned : null;
            var suggestions = suggester.Suggest(document.Body, document.Sentences, document.Signatories, model);
            var scores = SuggestionEvaluator.Score(document.Gold, suggestions);
            output.WriteLine($"  {document.Key,-48} {document.Language,-7} {scores.Format()}");
            if (verbose)
            {
                WriteDetails(output, document.Body, document.Gold, suggestions);
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
