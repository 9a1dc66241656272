using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tracker.Data;
using Tracker.Data.Seeding;
using Tracker.Domain.Actors;
using Tracker.Domain.Claims;
using Tracker.Text;
using Tracker.Text.Suggesting;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Suggestions;

/// <summary>
/// Hands out a <see cref="ClaimSuggester"/> for the current topic taxonomy. Building one compiles every alias
/// into the matcher (milliseconds), so it is cached and rebuilt only when the aliases change: curators edit
/// topics and the lexicon rarely, documents are read often. The lexicon comes from its table (seeded from
/// seed/lexicon); a database started without the seed falls back to the files. Hands out the <see cref="StanceModel"/>
/// learned from the curated claims too, retrained when curators' decisions change.
/// </summary>
public sealed partial class SuggesterProvider(IOptions<TrackerOptions> options, ILogger<SuggesterProvider> logger) : IDisposable
{
    private readonly Lazy<Lexicon> _files = new(() => Lexicon.Load(Path.Combine(options.Value.ResolveSeedDirectory(), "lexicon")));
    private readonly Lazy<Task<List<CuratedDocument>>> _shipped = new(() => SeedLoader.ReadCuratedAsync(Path.Combine(options.Value.ResolveSeedDirectory(), "dev")));
    private readonly SemaphoreSlim _training = new(1, 1);

    /// <summary>
    /// Documents of this database the model learns from at most, besides the statements of seed/dev: the seeded ones first,
    /// then the latest curators decided on.
    /// </summary>
    public const int MaxLearnedDocuments = 500;
    private readonly Lock _lock = new();
    private (string Stamp, ClaimSuggester Suggester)? _cached;
    private (string Stamp, StanceModel? Model)? _learned;

    /// <summary>
    /// The model learned from the statements curated so far: the development set shipped in seed/dev, the seeded documents of
    /// this database, and, of the latest documents curators imported and decided on (<see cref="MaxLearnedDocuments"/> in all), what they
    /// decided (claims, and rejected suggestions as passages with none). Retrained on the first request after an audited write
    /// or a decision (a write that bypasses both, such as <c>synthesize</c>, is seen at the next one); null when there is
    /// nothing to learn from or when <see cref="TrackerOptions.LearnedSuggestions"/> is off.
    /// </summary>
    public async Task<StanceModel?> GetModelAsync(TrackerDbContext db, CancellationToken cancellationToken)
    {
        if (!options.Value.LearnedSuggestions)
        {
            return null;
        }

        // Every curator's write is audited (a claim made, changed or deleted, a document's kind edited) and every decision kept,
        // so their highest ids tell a change: two primary-key lookups on each request, where counting a million claims took
        // half a second.
        var audited = await db.AuditEntries.MaxAsync(a => (long?)a.Id, cancellationToken);
        var decided = await db.SuggestionDecisions.MaxAsync(d => (long?)d.Id, cancellationToken);
        var stamp = $"{audited}/{decided}";
        if (Learned(stamp) is { } current)
        {
            return current.Model;
        }

        // One training at a time: requests that arrive meanwhile wait for it and take its model.
        await _training.WaitAsync(cancellationToken);
        try
        {
            if (Learned(stamp) is { } trained)
            {
                return trained.Model;
            }

            var model = await TrainAsync(db, cancellationToken);
            lock (_lock)
            {
                _learned = (stamp, model);
            }

            return model;
        }
        finally
        {
            _training.Release();
        }
    }

    private (string Stamp, StanceModel? Model)? Learned(string stamp)
    {
        lock (_lock)
        {
            return _learned is { } learned && learned.Stamp == stamp ? learned : null;
        }
    }

    private async Task<StanceModel?> TrainAsync(TrackerDbContext db, CancellationToken cancellationToken)
    {
        // The seeded documents and the latest curated ones, so that a retraining after a decision stays quick in a large database.
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.Claims.Any(c => c.Status == ClaimStatus.Accepted) || db.SuggestionDecisions.Any(x => x.DocumentId == d.Id && !x.Accepted))
            .OrderByDescending(d => d.Key != null).ThenByDescending(d => d.Id)
            .Take(MaxLearnedDocuments)
            .Select(d => new
            {
                Seeded = d.Key != null,
                d.Kind,
                d.Body,
                Sentences = d.Sentences.OrderBy(s => s.Ordinal).Select(s => new TextSpan(s.Start, s.End)).ToList(),
                Claims = d.Claims.Select(c => new { c.Start, c.End, c.Stance, c.Status }).ToList(),
                Rejected = db.SuggestionDecisions.Where(x => x.DocumentId == d.Id && !x.Accepted).Select(x => new TextSpan(x.Start, x.End)).ToList(),
            })
            .ToListAsync(cancellationToken);
        var curated = documents.Select(d => new CuratedDocument(
            d.Body,
            d.Sentences,
            d.Claims.Where(c => c.Status == ClaimStatus.Accepted).Select(c => new CuratedStance(new TextSpan(c.Start, c.End), c.Stance)).ToList())
        {
            Kind = d.Kind,
            // A pending claim is a question still open, not a decision: its passage teaches nothing yet.
            Decided = d.Seeded ? null : [.. d.Claims.Where(c => c.Status != ClaimStatus.Suggested).Select(c => new TextSpan(c.Start, c.End)), .. d.Rejected],
        });
        return StanceModel.Train([.. await ShippedAsync(), .. curated]);
    }

    /// <summary>The curated statements of seed/dev; none, with the reason logged, when the folder cannot be read.</summary>
    private async Task<List<CuratedDocument>> ShippedAsync()
    {
        try
        {
            return await _shipped.Value;
        }
        catch (Exception e) when (e is SeedException or IOException or System.Text.Json.JsonException)
        {
            ShippedUnreadable(logger, e);
            return [];
        }
    }

    public void Dispose() => _training.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "The curated statements of seed/dev could not be read; the model learns from this database alone")]
    private static partial void ShippedUnreadable(ILogger logger, Exception exception);

    public async Task<ClaimSuggester> GetAsync(TrackerDbContext db, CancellationToken cancellationToken)
    {
        // Alias rows are replaced, not edited in place, when a topic is saved, so count and highest id change with every edit.
        var stats = await db.TopicAliases.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), MaxId = g.Max(a => a.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        var topicCount = await db.Topics.CountAsync(cancellationToken);
        var lexiconStats = await db.LexiconEntries.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), MaxId = g.Max(e => e.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        var actorStats = await db.ActorAliases.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), MaxId = g.Max(a => a.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        var stamp = $"{topicCount}/{stats?.Count}/{stats?.MaxId}/{lexiconStats?.Count}/{lexiconStats?.MaxId}/{actorStats?.Count}/{actorStats?.MaxId}";
        lock (_lock)
        {
            if (_cached is { } cached && cached.Stamp == stamp)
            {
                return cached.Suggester;
            }
        }

        var suggester = new ClaimSuggester(
            await LoadLexiconAsync(db, cancellationToken) ?? _files.Value, await LoadTopicsAsync(db, cancellationToken), await LoadActorsAsync(db, cancellationToken));
        lock (_lock)
        {
            _cached = (stamp, suggester);
        }

        return suggester;
    }

    /// <returns>The lexicon of the database, or null when its table is empty.</returns>
    public static async Task<Lexicon?> LoadLexiconAsync(TrackerDbContext db, CancellationToken cancellationToken)
    {
        var entries = await db.LexiconEntries.AsNoTracking().ToListAsync(cancellationToken);
        return entries.Count == 0 ? null : LexiconRows.ToLexicon(entries);
    }

    public static async Task<List<SuggesterActor>> LoadActorsAsync(TrackerDbContext db, CancellationToken cancellationToken)
    {
        var actors = await db.Actors.AsNoTracking().Include(a => a.Aliases).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return actors.Select(a => SuggesterActor.Of(
            a.Slug,
            a.Aliases.Select(alias => alias.Text),
            a.Kind == ActorKind.State,
            a.Aliases.Where(alias => alias.IsName && alias.Language.StartsWith("zh", StringComparison.Ordinal)).Select(alias => alias.Text))).ToList();
    }

    public static async Task<List<SuggesterTopic>> LoadTopicsAsync(TrackerDbContext db, CancellationToken cancellationToken)
    {
        var topics = await db.Topics.AsNoTracking().Include(t => t.Aliases).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        return topics.Select(t => new SuggesterTopic(t.Slug, t.DisplayName(), t.Aliases.Select(a => a.Text).ToList())).ToList();
    }
}
