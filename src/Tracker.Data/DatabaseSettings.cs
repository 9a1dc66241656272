using Microsoft.EntityFrameworkCore;

namespace Tracker.Data;

/// <summary>Where the data lives. SQLite is the embedded default; PostgreSQL is the scale-out path.</summary>
public sealed class DatabaseSettings
{
    public const string SqliteMigrationsAssembly = "Tracker.Migrations.Sqlite";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Full connection string; when empty, SQLite uses <c>tracker.db</c> under the data directory.</summary>
    public string? ConnectionString { get; set; }

    public string DataDirectory { get; set; } = "data";

    public string ResolveSqliteConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        var directory = Path.GetFullPath(DataDirectory);
        Directory.CreateDirectory(directory);
        return $"Data Source={Path.Combine(directory, "tracker.db")};Foreign Keys=True;Pooling=True";
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(ResolveSqliteConnectionString(), sqlite =>
                {
                    sqlite.MigrationsAssembly(SqliteMigrationsAssembly);
                    sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery);
                });
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
            default:
                throw new NotSupportedException($"Database provider '{Provider}' is not available in this build.");
        }
    }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
