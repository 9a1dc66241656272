using Microsoft.EntityFrameworkCore;
using Tracker.Data.Seeding;
using Tracker.Domain.Lexicon;
using Tracker.Text.Suggesting;

namespace Tracker.Data.Tests.Seeding;

public sealed class LexiconSeedTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_lexicon_files_land_in_their_table_and_read_back_as_the_same_lexicon()
    {
        await using var database = new SqliteDatabase();
        await using var db = await database.MigratedAsync();

        var result = await new SeedLoader(db, TimeProvider.System).LoadAsync(Repository.SeedDirectory, _ct);
        var entries = await db.LexiconEntries.AsNoTracking().ToListAsync(_ct);
        var files = Lexicon.Load(Path.Combine(Repository.SeedDirectory, "lexicon"));

        Assert.Equal(result.LexiconEntries, entries.Count);
        Assert.Contains(entries, e => e is { Language: "zh-Hant", Kind: LexiconKinds.Cue, Key: "condemns", Text: "譴責" });
        Assert.Contains(entries, e => e is { Language: "zh-Hans", Kind: LexiconKinds.Holder, Key: "russia", Text: "俄方" });
        Assert.Contains(entries, e => e is { Language: "zh-Hant", Kind: LexiconKinds.Action, Text: "推動" });
        var stored = LexiconRows.ToLexicon(entries);
        foreach (var file in files.Languages)
        {
            var language = stored.Languages.Single(l => l.Language == file.Language);
            Assert.Equal(file.Cues.Keys.Order(), language.Cues.Keys.Order());
            Assert.All(file.Cues, pair => Assert.Equal(pair.Value.Distinct().Order(), language.Cues[pair.Key].Order()));
            Assert.Equal(file.WeakCues.Order(), language.WeakCues.Order());
            Assert.Equal(file.Negations.Distinct().Order(), language.Negations.Order());
            Assert.Equal(file.Holders.Keys.Order(), language.Holders.Keys.Order());
            Assert.Equal(file.Actions.Order(), language.Actions.Order());
        }
    }

    [Fact]
    public async Task A_second_seed_adds_no_lexicon_entry_and_keeps_a_curators_addition()
    {
        await using var database = new SqliteDatabase();
        await using var db = await database.MigratedAsync();
        await new SeedLoader(db, TimeProvider.System).LoadAsync(Repository.SeedDirectory, _ct);
        db.LexiconEntries.Add(new LexiconEntry { Language = "en", Kind = LexiconKinds.Cue, Key = "condemns", Text = "castigate" });
        await db.SaveChangesAsync(_ct);

        var second = await new SeedLoader(db, TimeProvider.System).LoadAsync(Repository.SeedDirectory, _ct);

        Assert.Equal(0, second.LexiconEntries);
        Assert.True(await db.LexiconEntries.AnyAsync(e => e.Text == "castigate", _ct));
    }
}
