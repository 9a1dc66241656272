using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tracker.Data.Seeding;

namespace Tracker.Data;

/// <summary>Brings the database to the current model and loads the seed on first start.</summary>
public sealed partial class DatabaseInitializer(TrackerDbContext db, SeedLoader seedLoader, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(string? seedDirectory, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a curator saves; the mode is stored in the file, so once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (seedDirectory is null)
        {
            LogNoSeed(logger);
        }
        else
        {
            var result = await seedLoader.LoadAsync(seedDirectory, cancellationToken);
            LogSeeded(logger, seedDirectory, result.Actors, result.Topics, result.Documents, result.Claims, result.LexiconEntries);
        }

        if (db.Database.IsSqlite())
        {
            // Without statistics SQLite starts a position query from the actor's holder rows (every claim it
            // ever held) instead of the topic's covering index; ANALYZE takes well under a second on a million claims.
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No seed directory configured; skipping seed")]
    private static partial void LogNoSeed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed from {Directory}: {Actors} actors, {Topics} topics, {Documents} documents, {Claims} claims, {LexiconEntries} lexicon entries added")]
    private static partial void LogSeeded(ILogger logger, string directory, int actors, int topics, int documents, int claims, int lexiconEntries);
}
