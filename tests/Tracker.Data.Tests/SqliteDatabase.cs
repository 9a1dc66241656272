using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Tracker.Data.Tests;

/// <summary>A real SQLite file in a temporary folder, migrated like the app does it.</summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tracker-data-tests-").FullName;

    public DatabaseSettings Settings => new() { DataDirectory = _directory };

    public TrackerDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<TrackerDbContext>();
        Settings.Configure(options);
        return new TrackerDbContext(options.Options);
    }

    public async Task<TrackerDbContext> MigratedAsync()
    {
        var db = CreateContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return db;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}

internal static class Repository
{
    /// <summary>The repository's seed folder, found by walking up from the test binaries to Tracker.sln.</summary>
    public static string SeedDirectory
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Tracker.sln")))
                {
                    return Path.Combine(directory.FullName, "seed");
                }
            }

            throw new InvalidOperationException("Tracker.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
