using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Topics;

public sealed class MergeTopicsTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<string> NewTopicAsync(string en, string? parent = null)
    {
        using var admin = app.Admin();
        using var response = await admin.PostAsJsonAsync("/api/topics", new { parent, names = new Dictionary<string, string> { ["en"] = en } }, _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadNodeAsync())["slug"]!;
    }

    private async Task<int> ClaimOnAsync(string topic)
    {
        using var admin = app.Admin();
        var marker = Guid.NewGuid().ToString("N");
        using var created = await admin.PostAsJsonAsync("/api/documents", new
        {
            title = $"Topic merge {marker}", issuedOn = "2025-07-02", language = "en", kind = "joint_statement",
            signatories = new[] { "china" }, text = $"China supports the initiative {marker}.",
        }, _ct);
        var id = (int)(await created.ReadNodeAsync())["id"]!;
        using var claim = await admin.PostAsJsonAsync($"/api/documents/{id}/claims", new
        {
            start = 6, end = 29, quote = "supports the initiative", holders = new[] { "china" }, stance = "supports", topic,
        }, _ct);
        Assert.Equal(HttpStatusCode.Created, claim.StatusCode);
        return (int)(await claim.ReadNodeAsync())["id"]!;
    }

    [Fact]
    public async Task Merging_moves_claims_subtopics_and_aliases_and_deletes_the_duplicate()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var survivor = await NewTopicAsync($"Keep topic {tag}");
        var duplicate = await NewTopicAsync($"Duplicate topic {tag}");
        var child = await NewTopicAsync($"Child topic {tag}", duplicate);
        var claim = await ClaimOnAsync(duplicate);
        using var curator = await app.SignInAsNewAsync(Roles.Curator);

        using var response = await curator.SubmitAsync($"/topics/{survivor}", new() { ["Duplicate"] = duplicate }, handler: "Merge");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var admin = app.Admin();
        using var gone = await admin.GetAsync($"/api/topics/{duplicate}", _ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(survivor, (string)(await admin.GetFromJsonAsync<JsonNode>($"/api/claims/{claim}", _ct))!["topic"]!["slug"]!);
        Assert.Equal(survivor, (string)(await admin.GetFromJsonAsync<JsonNode>($"/api/topics/{child}", _ct))!["parent"]!);
        var byOldName = (await admin.GetFromJsonAsync<JsonNode>($"/api/topics/{Uri.EscapeDataString($"Duplicate topic {tag}")}", _ct))!;
        Assert.Equal(survivor, (string)byOldName["slug"]!);
    }

    [Fact]
    public async Task A_topic_cannot_absorb_a_topic_it_lies_under()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var parent = await NewTopicAsync($"Parent topic {tag}");
        var child = await NewTopicAsync($"Nested topic {tag}", parent);
        using var admin = app.Admin();

        using var response = await admin.PostAsJsonAsync($"/api/topics/{child}/merge", new { duplicate = parent }, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadNodeAsync())["errors"]!["duplicate"]);
    }

    [Fact]
    public async Task Viewers_cannot_merge_topics()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var survivor = await NewTopicAsync($"Viewer keep {tag}");
        var duplicate = await NewTopicAsync($"Viewer drop {tag}");
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        using var posted = await viewer.PostAsync($"/topics/{survivor}?handler=Merge", new()
        {
            ["__RequestVerificationToken"] = await viewer.AntiforgeryTokenAsync($"/topics/{survivor}"),
            ["Duplicate"] = duplicate,
        });

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        using var admin = app.Admin();
        using var still = await admin.GetAsync($"/api/topics/{duplicate}", _ct);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }
}
