using Microsoft.EntityFrameworkCore;
using Tracker.Data.Seeding;
using Tracker.Domain.Claims;
using Tracker.Text;
using Tracker.Text.Suggesting;

namespace Tracker.Data.Tests.Seeding;

public sealed class SeedLoaderTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_seed_loads_every_document_with_its_claims_and_a_second_load_adds_nothing()
    {
        await using var database = new SqliteDatabase();
        await using (var db = await database.MigratedAsync())
        {
            var first = await new SeedLoader(db, TimeProvider.System).LoadAsync(Repository.SeedDirectory, _ct);

            Assert.Equal(6, first.Documents);
            Assert.True(first.Claims > 150, $"only {first.Claims} claims were loaded");
            Assert.True(first.Actors > 30, $"only {first.Actors} actors were loaded");
            Assert.True(first.Topics > 50, $"only {first.Topics} topics were loaded");
        }

        await using (var db = database.CreateContext())
        {
            var counts = (await db.Actors.CountAsync(_ct), await db.Topics.CountAsync(_ct), await db.Documents.CountAsync(_ct), await db.Claims.CountAsync(_ct));

            var second = await new SeedLoader(db, TimeProvider.System).LoadAsync(Repository.SeedDirectory, _ct);

            Assert.Equal(new SeedResult(0, 0, 0, 0), second);
            Assert.Equal(counts, (await db.Actors.CountAsync(_ct), await db.Topics.CountAsync(_ct), await db.Documents.CountAsync(_ct), await db.Claims.CountAsync(_ct)));
        }
    }

    private static readonly Comparer<CuratedStance> ByPlace = Comparer<CuratedStance>.Create((a, b) =>
        (a.Span.Start, a.Span.End, a.Stance).CompareTo((b.Span.Start, b.Span.End, b.Stance)));

    [Fact]
    public async Task Reading_a_seed_folder_for_the_learned_model_gives_the_bodies_sentences_and_claims_a_load_stores()
    {
        await using var database = new SqliteDatabase();
        await using var db = await database.MigratedAsync();
        await new SeedLoader(db, TimeProvider.System).LoadAsync(Repository.SeedDirectory, _ct);
        var loaded = await db.Documents.OrderBy(d => d.Id)
            .Select(d => new
            {
                d.Body,
                d.Kind,
                Sentences = d.Sentences.OrderBy(s => s.Ordinal).Select(s => new { s.Start, s.End }).ToList(),
                Claims = d.Claims.Select(c => new { c.Start, c.End, c.Stance }).ToList(),
            })
            .ToListAsync(_ct);

        var read = await SeedLoader.ReadCuratedAsync(Repository.SeedDirectory, _ct);

        Assert.Equal(loaded.Count, read.Count);
        foreach (var (stored, curated) in loaded.Zip(read))
        {
            Assert.Equal(stored.Body, curated.Body);
            Assert.Equal(stored.Kind, curated.Kind);
            Assert.Equal(stored.Sentences.Select(s => new TextSpan(s.Start, s.End)), curated.Sentences);
            Assert.Equal(
                stored.Claims.Select(c => new CuratedStance(new TextSpan(c.Start, c.End), c.Stance)).Order(ByPlace),
                curated.Claims.Order(ByPlace));
            Assert.Null(curated.Decided);
        }

        Assert.Empty(await SeedLoader.ReadCuratedAsync(Path.Combine(Repository.SeedDirectory, "no-such-folder"), _ct));
    }

    [Fact]
    public async Task Every_accepted_commits_claim_of_the_seed_is_followed_as_a_commitment()
    {
        await using var database = new SqliteDatabase();
        await using var db = await database.MigratedAsync();
        await new SeedLoader(db, TimeProvider.System).LoadAsync(Repository.SeedDirectory, _ct);

        var commits = await db.Claims.CountAsync(c => c.Stance == Stance.Commits, _ct);

        Assert.True(commits > 0);
        Assert.Equal(commits, await db.Commitments.CountAsync(_ct));
    }

    [Fact]
    public async Task A_seed_with_a_quote_not_in_its_document_is_refused_with_the_file_and_nothing_is_loaded()
    {
        var seed = Directory.CreateTempSubdirectory("tracker-seed-").FullName;
        try
        {
            Repository.CopyDirectory(Repository.SeedDirectory, seed);
            var path = Path.Combine(seed, "claims", "2022-01-03-p5-preventing-nuclear-war.json");
            var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(path, _ct))!;
            json["claims"]![0]!["quote"] = "a sentence that appears nowhere in the statement";
            await File.WriteAllTextAsync(path, json.ToJsonString(), _ct);

            await using var database = new SqliteDatabase();
            await using var db = await database.MigratedAsync();
            var error = await Assert.ThrowsAsync<SeedException>(() => new SeedLoader(db, TimeProvider.System).LoadAsync(seed, _ct));

            var problem = Assert.Single(error.Problems);
            Assert.Contains("claims/2022-01-03-p5-preventing-nuclear-war.json: claim 1", problem);
            Assert.Contains("not in the document", problem);
            await using var fresh = database.CreateContext();
            Assert.Equal(0, await fresh.Actors.CountAsync(_ct));
            Assert.Equal(0, await fresh.Documents.CountAsync(_ct));
        }
        finally
        {
            Directory.Delete(seed, recursive: true);
        }
    }
}
