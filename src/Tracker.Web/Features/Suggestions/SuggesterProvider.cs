using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tracker.Data;
using Tracker.Data.Seeding;
using Tracker.Domain.Actors;
using Tracker.Text.Suggesting;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Suggestions;

/// <summary>
/// Hands out a <see cref="ClaimSuggester"/> for the current topic taxonomy. Building one compiles every alias
/// into the matcher (milliseconds), so it is cached and rebuilt only when the aliases change: curators edit
/// topics and the lexicon rarely, documents are read often. The lexicon comes from its table (seeded from
/// seed/lexicon); a database started without the seed falls back to the files.
/// </summary>
public sealed class SuggesterProvider(IOptions<TrackerOptions> options)
{
    private readonly Lazy<Lexicon> _files = new(() => Lexicon.Load(Path.Combine(options.Value.ResolveSeedDirectory(), "lexicon")));
    private readonly Lock _lock = new();
    private (string Stamp, ClaimSuggester Suggester)? _cached;

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
