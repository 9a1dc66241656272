namespace Tracker.Web.Tests.Features.Actors;

/// <summary>Actors and topics are found by slug or by any alias in any language.</summary>
public sealed class DirectoryTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("china")]
    [InlineData("中方")]
    [InlineData("中华人民共和国")]
    [InlineData("People's Republic of China")]
    public async Task An_actor_is_found_by_slug_or_any_alias(string name)
    {
        using var client = app.Admin();
        var actor = (await client.GetFromJsonAsync<JsonNode>($"/api/actors/{Uri.EscapeDataString(name)}", _ct))!;

        Assert.Equal("china", (string)actor["slug"]!);
        Assert.Equal("state", (string)actor["kind"]!);
    }

    [Fact]
    public async Task Searching_actors_matches_aliases_in_russian()
    {
        using var client = app.Admin();
        var actors = (await client.GetFromJsonAsync<JsonArray>($"/api/actors?q={Uri.EscapeDataString("Российская")}", _ct))!;

        Assert.Contains(actors, a => (string)a!["slug"]! == "russia");
    }

    [Fact]
    public async Task Topics_form_a_tree_with_golden_dome_under_missile_defence()
    {
        using var client = app.Admin();
        var topic = (await client.GetFromJsonAsync<JsonNode>($"/api/topics/{Uri.EscapeDataString("金穹")}", _ct))!;
        var parent = (await client.GetFromJsonAsync<JsonNode>($"/api/topics/{(string)topic["parent"]!}", _ct))!;

        Assert.Equal("golden-dome", (string)topic["slug"]!);
        Assert.Equal("missile-defense", (string)parent["slug"]!);
    }

    [Fact]
    public async Task A_new_actor_can_be_created_updated_and_found_by_its_alias()
    {
        using var client = app.Admin();
        using var created = await client.PostAsJsonAsync("/api/actors", new
        {
            kind = "organisation",
            names = new Dictionary<string, string> { ["en"] = "Test Forum Alpha", ["zh-Hans"] = "阿尔法测试论坛" },
            aliases = new Dictionary<string, string[]> { ["en"] = ["TFA"] },
        }, _ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("test-forum-alpha", (string)(await created.ReadNodeAsync())["slug"]!);

        using var updated = await client.PutAsJsonAsync("/api/actors/test-forum-alpha", new
        {
            kind = "group",
            names = new Dictionary<string, string> { ["en"] = "Test Forum Alpha" },
            aliases = new Dictionary<string, string[]> { ["en"] = ["TF-Alpha"] },
        }, _ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var found = (await client.GetFromJsonAsync<JsonNode>("/api/actors/TF-Alpha", _ct))!;
        Assert.Equal("group", (string)found["kind"]!);
        using var old = await client.GetAsync("/api/actors/TFA", _ct);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Fact]
    public async Task Creating_an_actor_with_a_taken_slug_is_a_conflict()
    {
        using var client = app.Admin();
        using var response = await client.PostAsJsonAsync("/api/actors", new
        {
            slug = "china",
            kind = "state",
            names = new Dictionary<string, string> { ["en"] = "China again" },
        }, _ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task An_actor_without_names_or_with_an_unknown_language_is_refused_with_the_field()
    {
        using var client = app.Admin();
        using var response = await client.PostAsJsonAsync("/api/actors", new
        {
            kind = "planet",
            names = new Dictionary<string, string> { ["fr"] = "Chine" },
        }, _ct);
        var problem = await response.ReadNodeAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem["errors"]!["kind"]);
        Assert.NotNull(problem["errors"]!["names"]);
    }
}
