using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Data;
using Tracker.Data.Claims;
using Tracker.Domain.Claims;

namespace Tracker.Web.Tests.Features.Positions;

/// <summary>
/// The held-position rows the position reads use are derived data: after every write path they must equal what
/// the claims, holders and documents say, or the matrix would show positions that were edited, merged or deleted.
/// </summary>
public sealed class HeldPositionsTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private sealed record Row(int ClaimId, int ActorId, int TopicId, int DocumentId, DateOnly IssuedOn, Stance Stance, int Intensity, bool Negated, int Start);

    /// <summary>Rows the table lacks and rows it has too many, read in one snapshot of the shared database.</summary>
    private async Task<(List<Row> Missing, List<Row> Stale)> DriftAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        await using var snapshot = await db.Database.BeginTransactionAsync(_ct);
        var expected = (await HeldPositions.Derive(db).ToListAsync(_ct)).Select(ToRow).ToHashSet();
        var actual = (await db.HeldPositions.AsNoTracking().ToListAsync(_ct)).Select(ToRow).ToHashSet();
        return (expected.Except(actual).ToList(), actual.Except(expected).ToList());
    }

    private async Task<List<Row>> RowsOfAsync(int claimId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        return (await db.HeldPositions.AsNoTracking().Where(p => p.ClaimId == claimId).ToListAsync(_ct)).Select(ToRow).OrderBy(r => r.ActorId).ToList();
    }

    private async Task<int> IdOfAsync(string what, string slug)
    {
        using var admin = app.Admin();
        return (int)(await admin.GetFromJsonAsync<JsonNode>($"/api/{what}/{slug}", _ct))!["id"]!;
    }

    private async Task<string> NewTopicAsync(HttpClient admin)
    {
        using var response = await admin.PostAsJsonAsync("/api/topics", new { names = new Dictionary<string, string> { ["en"] = $"Held positions {Guid.NewGuid():N}" } }, _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadNodeAsync())["slug"]!;
    }

    private static Row ToRow(HeldPosition p) => new(p.ClaimId, p.ActorId, p.TopicId, p.DocumentId, p.IssuedOn, p.Stance, p.Intensity, p.Negated, p.Start);

    private async Task AssertInStepAsync(string after)
    {
        var (missing, stale) = await DriftAsync();
        Assert.True(missing.Count == 0 && stale.Count == 0, $"After {after}: missing {string.Join("; ", missing.Take(5))}, stale {string.Join("; ", stale.Take(5))}");
    }

    /// <summary>Signatures whose date is not their document's, in one snapshot of the shared database.</summary>
    private async Task<List<string>> SignatureDriftAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        await using var snapshot = await db.Database.BeginTransactionAsync(_ct);
        var drift = await db.DocumentSignatories.AsNoTracking()
            .Join(db.Documents, s => s.DocumentId, d => d.Id, (s, d) => new { s.DocumentId, s.ActorId, Signed = s.IssuedOn, d.IssuedOn })
            .Where(x => x.Signed != x.IssuedOn)
            .Take(5)
            .ToListAsync(_ct);
        return drift.Select(x => $"document {x.DocumentId}, actor {x.ActorId}: {x.Signed:yyyy-MM-dd} instead of {x.IssuedOn:yyyy-MM-dd}").ToList();
    }

    [Fact]
    public async Task Signatures_carry_their_documents_date_through_the_seed_imports_and_merges()
    {
        Assert.Empty(await SignatureDriftAsync());

        using var admin = app.Admin();
        var statements = new Statements(admin);
        var (a, b) = (await statements.NewActorAsync(), await statements.NewActorAsync());
        await statements.DocumentAsync("2019-04-02", [a, b], "The Sides support strategic stability.", "en");
        await statements.DocumentAsync("2020-11-30", [b], "The Side opposes an arms race in outer space.", "en");
        Assert.Empty(await SignatureDriftAsync());

        using (var merged = await admin.PostAsJsonAsync($"/api/actors/{a}/merge", new { duplicate = b }, _ct))
        {
            Assert.True(merged.IsSuccessStatusCode);
        }

        Assert.Empty(await SignatureDriftAsync());
    }

    [Fact]
    public async Task The_seeded_claims_have_their_rows()
    {
        await AssertInStepAsync("the seed");
        using var admin = app.Admin();
        var seeded = (await admin.GetFromJsonAsync<JsonNode>("/api/claims?actor=china&limit=1", _ct))!["items"]![0]!["claim"]!;
        var holder = await IdOfAsync("actors", (string)seeded["holders"]![0]!["slug"]!);
        Assert.Contains(await RowsOfAsync((int)seeded["id"]!), r => r.ActorId == holder);
    }

    [Fact]
    public async Task Rows_follow_claims_through_create_edit_reject_delete_and_merges()
    {
        using var admin = app.Admin();
        var statements = new Statements(admin);
        var (a, b, c) = (await statements.NewActorAsync(), await statements.NewActorAsync(), await statements.NewActorAsync());
        var document = await statements.DocumentAsync("2025-08-01", [a, b, c], "The Sides support strategic stability and oppose an arms race in outer space.", "en");

        var claim = await statements.ClaimAsync(document, "support strategic stability", [a, b], "supports", "strategic-stability");
        var id = (int)claim["id"]!;
        Assert.Equal(2, (await RowsOfAsync(id)).Count);
        await AssertInStepAsync("creating a claim");

        // New holders, topic, stance, negation: the rows are re-derived.
        using (var edited = await admin.PutAsJsonAsync($"/api/claims/{id}", new
        {
            start = (int)claim["start"]!, end = (int)claim["end"]!, holders = new[] { c }, stance = "opposes", intensity = 3,
            topic = "missile-defense", negated = true, version = (int)claim["version"]!,
        }, _ct))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
            claim = await edited.ReadNodeAsync();
        }

        var row = Assert.Single(await RowsOfAsync(id));
        Assert.Equal((await IdOfAsync("actors", c), await IdOfAsync("topics", "missile-defense"), Stance.Opposes, 3, true), (row.ActorId, row.TopicId, row.Stance, row.Intensity, row.Negated));
        await AssertInStepAsync("editing a claim");

        // A claim that is no longer accepted is no position.
        using (var rejected = await admin.PutAsJsonAsync($"/api/claims/{id}", new
        {
            start = (int)claim["start"]!, end = (int)claim["end"]!, holders = new[] { c }, stance = "opposes", topic = "missile-defense",
            status = "rejected", version = (int)claim["version"]!,
        }, _ct))
        {
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
            claim = await rejected.ReadNodeAsync();
        }

        Assert.Empty(await RowsOfAsync(id));
        await AssertInStepAsync("rejecting a claim");

        using (var deleted = await admin.DeleteAsync($"/api/claims/{id}?version={(int)claim["version"]!}", _ct))
        {
            Assert.True(deleted.IsSuccessStatusCode);
        }

        var second = await statements.ClaimAsync(document, "oppose an arms race in outer space", [a, b], "opposes", "strategic-stability");
        await AssertInStepAsync("deleting a claim");

        // b merges into a: the claim both held is held once, by a.
        using (var merged = await admin.PostAsJsonAsync($"/api/actors/{a}/merge", new { duplicate = b }, _ct))
        {
            Assert.True(merged.IsSuccessStatusCode);
        }

        Assert.Equal([await IdOfAsync("actors", a)], (await RowsOfAsync((int)second["id"]!)).Select(r => r.ActorId));
        await AssertInStepAsync("merging actors");

        var duplicate = await NewTopicAsync(admin);
        var survivor = await NewTopicAsync(admin);
        var third = await statements.ClaimAsync(document, "arms race", [a], "opposes", duplicate);
        using (var merged = await admin.PostAsJsonAsync($"/api/topics/{survivor}/merge", new { duplicate }, _ct))
        {
            Assert.True(merged.IsSuccessStatusCode);
        }

        Assert.Equal(await IdOfAsync("topics", survivor), Assert.Single(await RowsOfAsync((int)third["id"]!)).TopicId);
        await AssertInStepAsync("merging topics");
    }
}
