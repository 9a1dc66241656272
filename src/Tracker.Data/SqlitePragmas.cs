using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tracker.Data;

/// <summary>
/// Per-connection SQLite settings. In WAL mode, synchronous=NORMAL is safe against corruption and makes a commit
/// an append to the log instead of a flush to disk: writes that touch one row each (the digest outbox) go from
/// milliseconds to microseconds. A power cut may lose the last commits, never the database.
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
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
