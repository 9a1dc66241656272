using Microsoft.EntityFrameworkCore;

namespace Tracker.Data.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task The_sqlite_migrations_cover_every_change_to_the_model()
    {
        await using var database = new SqliteDatabase();
        await using var db = await database.MigratedAsync();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration covers: run migrations/add-migration.sh NAME.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }
}
