using AngleSharp.Dom;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Actors;

public sealed class ActorPagesTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>A fresh actor through the API, so that no test edits what another one reads.</summary>
    private async Task<string> NewActorAsync()
    {
        var name = $"Testland {Guid.NewGuid():N}"[..20];
        using var admin = app.Admin();
        using var response = await admin.PostAsJsonAsync("/api/actors", new { kind = "state", names = new Dictionary<string, string> { ["en"] = name, ["zh-Hans"] = "测试国" + Guid.NewGuid().ToString("N")[..4] } }, _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadNodeAsync())["slug"]!;
    }

    private static Dictionary<string, string> Form(string kind, string enName, string? ruAliases = null) => new()
    {
        ["Kind"] = kind,
        ["Names.Names[en]"] = enName,
        ["Names.Aliases[ru]"] = ruAliases ?? "",
    };

    [Fact]
    public async Task The_search_matches_any_alias_in_any_language()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync("/actors?q=%E4%B8%AD%E6%96%B9"); // 中方

        var rows = page.QuerySelectorAll("#actor-rows tr");
        Assert.Contains(rows, row => row.QuerySelector("a")?.GetAttribute("href") == "/actors/china");
        Assert.Contains(page.QuerySelectorAll(".alias"), alias => alias.GetAttribute("lang") == "zh-Hans" && alias.TextContent == "中方");
    }

    [Fact]
    public async Task A_curator_edits_names_and_aliases_per_language_and_search_finds_the_new_alias()
    {
        var slug = await NewActorAsync();
        using var curator = await app.SignInAsNewAsync(Roles.Curator);
        var alias = "Тестовая " + Guid.NewGuid().ToString("N")[..6];

        using var saved = await curator.SubmitAsync($"/actors/{slug}", Form("organisation", "Renamed Testland", alias));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var found = await curator.GetDocumentAsync($"/actors?q={Uri.EscapeDataString(alias)}");
        var row = Assert.Single(found.QuerySelectorAll("#actor-rows tr"));
        Assert.Equal("Renamed Testland", row.QuerySelector("a")!.TextContent);
        Assert.Equal("organisation", row.QuerySelectorAll("td")[0].TextContent);
        using var admin = app.Admin();
        var actor = (await admin.GetFromJsonAsync<JsonNode>($"/api/actors/{slug}", _ct))!;
        Assert.Equal(alias, (string)actor["aliases"]!["ru"]![0]!);
        Assert.StartsWith("测试国", (string)actor["names"]!["zh-Hans"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_actor_without_any_name_is_refused_with_the_message_next_to_the_names()
    {
        var slug = await NewActorAsync();
        using var curator = await app.SignInAsNewAsync(Roles.Curator);

        using var response = await curator.SubmitAsync($"/actors/{slug}", new() { ["Names.Names[en]"] = "", ["Names.Names[zh-Hans]"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.NotEmpty(page.QuerySelector("[data-valmsg-for='Names.Names']")!.TextContent);
    }

    [Fact]
    public async Task Viewers_see_a_read_only_form_and_their_posts_are_refused()
    {
        var slug = await NewActorAsync();
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync($"/actors/{slug}");
        Assert.True(page.QuerySelector("form.edit fieldset")!.HasAttribute("disabled"));
        Assert.Null(page.QuerySelector("form.edit button[type=submit]"));

        var fields = Form("person", "Viewer was here");
        fields["__RequestVerificationToken"] = await viewer.AntiforgeryTokenAsync($"/actors/{slug}");
        using var response = await viewer.PostAsync($"/actors/{slug}", fields);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var admin = app.Admin();
        var actor = (await admin.GetFromJsonAsync<JsonNode>($"/api/actors/{slug}", _ct))!;
        Assert.StartsWith("Testland", (string)actor["name"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/actors")]
    [InlineData("GET", "/actors/china")]
    [InlineData("POST", "/actors/china")]
    public async Task Visitors_are_sent_to_sign_in(string method, string path)
    {
        using var browser = app.Browser();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new FormUrlEncodedContent([]) };
        using var response = await browser.Client.SendAsync(request, _ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(AuthSetup.SignInPath, response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_actor_is_a_friendly_404()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);
        using var response = await viewer.Client.GetAsync("/actors/no-such-actor", _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", (await Browser.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }
}
