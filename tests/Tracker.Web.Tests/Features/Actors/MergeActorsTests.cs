using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Data;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Actors;

public sealed class MergeActorsTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<string> NewActorAsync(string en, string zh)
    {
        using var admin = app.Admin();
        using var response = await admin.PostAsJsonAsync("/api/actors", new { kind = "state", names = new Dictionary<string, string> { ["en"] = en, ["zh-Hans"] = zh } }, _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadNodeAsync())["slug"]!;
    }

    /// <summary>A document signed by both, a claim held by the duplicate alone, one held by both and aimed at the duplicate.</summary>
    private async Task<(int Document, int HeldByDuplicate, int HeldByBoth)> DocumentAsync(string survivor, string duplicate)
    {
        using var admin = app.Admin();
        var marker = Guid.NewGuid().ToString("N");
        var text = $"The two Sides oppose unilateral sanctions {marker}. The Sides condemn the blockade {marker}.";
        using var created = await admin.PostAsJsonAsync("/api/documents", new
        {
            title = $"Merge test {marker}", issuedOn = "2025-07-01", language = "en", kind = "joint_statement",
            signatories = new[] { survivor, duplicate }, text,
        }, _ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var document = await created.ReadNodeAsync();
        var body = (string)document["body"]!;
        var id = (int)document["id"]!;

        async Task<int> ClaimAsync(string quote, string[] holders, string? target)
        {
            var start = body[..body.IndexOf(quote, StringComparison.Ordinal)].CodePointLength();
            using var response = await admin.PostAsJsonAsync($"/api/documents/{id}/claims", new
            {
                start, end = start + quote.CodePointLength(), quote, holders, stance = "opposes", topic = "unilateral-sanctions", target,
            }, _ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (int)(await response.ReadNodeAsync())["id"]!;
        }

        return (id, await ClaimAsync("oppose unilateral sanctions", [duplicate], null), await ClaimAsync("condemn the blockade", [survivor, duplicate], duplicate));
    }

    [Fact]
    public async Task Merging_moves_claims_targets_signatures_and_aliases_and_deletes_the_duplicate()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var survivor = await NewActorAsync($"Mergeland {tag}", $"合并国{tag}");
        var duplicate = await NewActorAsync($"Dupland {tag}", $"重复国{tag}");
        var (document, heldByDuplicate, heldByBoth) = await DocumentAsync(survivor, duplicate);
        using var curator = await app.SignInAsNewAsync(Roles.Curator);

        using var response = await curator.SubmitAsync($"/actors/{survivor}", new() { ["Duplicate"] = duplicate }, handler: "Merge");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await curator.GetDocumentAsync($"/actors/{survivor}");
        Assert.Contains("Merged", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);

        using var admin = app.Admin();
        using var gone = await admin.GetAsync($"/api/actors/{duplicate}", _ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var first = (await admin.GetFromJsonAsync<JsonNode>($"/api/claims/{heldByDuplicate}", _ct))!;
        var second = (await admin.GetFromJsonAsync<JsonNode>($"/api/claims/{heldByBoth}", _ct))!;
        Assert.Equal([survivor], first["holders"]!.AsArray().Select(h => (string)h!["slug"]!));
        Assert.Equal([survivor], second["holders"]!.AsArray().Select(h => (string)h!["slug"]!));
        Assert.Equal(survivor, (string)second["target"]!["slug"]!);
        var signatories = (await admin.GetFromJsonAsync<JsonNode>($"/api/documents/{document}", _ct))!["signatories"]!.AsArray();
        Assert.Equal([survivor], signatories.Select(s => (string)s!["slug"]!));

        // The duplicate's names live on as aliases: anything that named it still finds the survivor.
        var actor = (await admin.GetFromJsonAsync<JsonNode>($"/api/actors/{Uri.EscapeDataString($"重复国{tag}")}", _ct))!;
        Assert.Equal(survivor, (string)actor["slug"]!);
        Assert.Contains($"Dupland {tag}", actor["aliases"]!["en"]!.AsArray().Select(a => (string)a!));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        var id = ((int)actor["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "actor" && a.EntityId == id && a.Action == "merged", _ct));
    }

    [Fact]
    public async Task An_actor_cannot_be_merged_into_one_that_belongs_to_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var state = await NewActorAsync($"Stateland {tag}", $"国家{tag}");
        using var admin = app.Admin();
        using var ministry = await admin.PostAsJsonAsync("/api/actors", new { kind = "organisation", parent = state, names = new { en = $"Ministry {tag}" } }, _ct);
        var ministrySlug = (string)(await ministry.ReadNodeAsync())["slug"]!;
        using var curator = await app.SignInAsNewAsync(Roles.Curator);

        using var response = await curator.SubmitAsync($"/actors/{ministrySlug}", new() { ["Duplicate"] = state }, handler: "Merge");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("merge the other way round", (await Browser.ParseAsync(response)).QuerySelector("[data-valmsg-for=Duplicate]")!.TextContent, StringComparison.Ordinal);
        using var still = await admin.GetAsync($"/api/actors/{state}", _ct);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task Viewers_cannot_merge_by_page_or_api()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var survivor = await NewActorAsync($"Keepland {tag}", $"保留{tag}");
        var duplicate = await NewActorAsync($"Dropland {tag}", $"删除{tag}");
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync($"/actors/{survivor}");
        Assert.Null(page.QuerySelector(".merge"));
        using var posted = await viewer.PostAsync($"/actors/{survivor}?handler=Merge", new()
        {
            ["__RequestVerificationToken"] = await viewer.AntiforgeryTokenAsync($"/actors/{survivor}"),
            ["Duplicate"] = duplicate,
        });
        using var api = await viewer.Client.PostAsJsonAsync($"/api/actors/{survivor}/merge", new { duplicate }, _ct);

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        using var admin = app.Admin();
        using var still = await admin.GetAsync($"/api/actors/{duplicate}", _ct);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }
}
