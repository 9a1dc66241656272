using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tracker.Data;

/// <summary>
/// Per-connection SQLite settings. In WAL mode, synchronous=NORMAL is safe against corruption and makes a commit
/// an append to the log instead of a flush to disk: writes that touch one row each (the digest outbox) go from
/// milliseconds to microseconds. A power cut may lose the last commits, never the database.
/// Reads go through a memory map (up to 1 GiB of the file) and a 64 MB page cache per connection: a matrix or a
/// timeline seeks thousands of index entries and claim rows, and without the map every page is a read() call
/// copying it out of the OS cache, which at a million claims was most of a long timeline's time.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA mmap_size=1073741824; PRAGMA cache_size=-65536;";
        command.ExecuteNonQuery();
    }
}
