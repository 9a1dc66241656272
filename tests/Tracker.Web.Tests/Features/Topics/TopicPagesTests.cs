using AngleSharp.Dom;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Topics;

public sealed class TopicPagesTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<string> NewTopicAsync(string? parent = null)
    {
        var name = $"Test topic {Guid.NewGuid():N}"[..22];
        using var admin = app.Admin();
        using var response = await admin.PostAsJsonAsync("/api/topics", new { parent, names = new Dictionary<string, string> { ["en"] = name } }, _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadNodeAsync())["slug"]!;
    }

    private async Task<string?> ParentOfAsync(string slug)
    {
        using var admin = app.Admin();
        return (string?)(await admin.GetFromJsonAsync<JsonNode>($"/api/topics/{slug}", _ct))!["parent"];
    }

    [Fact]
    public async Task The_tree_indents_subtopics_and_a_search_shows_where_a_match_sits()
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var tree = await viewer.GetDocumentAsync("/topics");
        var dome = tree.QuerySelectorAll("#topic-rows tr").Single(r => r.QuerySelector("a")!.GetAttribute("href") == "/topics/golden-dome");
        Assert.DoesNotContain("padding-left: 0.75rem", dome.QuerySelector("th")!.GetAttribute("style"), StringComparison.Ordinal);

        var found = await viewer.GetDocumentAsync("/topics?q=golden");
        var row = found.QuerySelectorAll("#topic-rows tr").Single(r => r.QuerySelector("a")!.GetAttribute("href") == "/topics/golden-dome");
        Assert.Contains("›", row.QuerySelector(".path")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_curator_moves_a_topic_under_another()
    {
        var parent = await NewTopicAsync();
        var topic = await NewTopicAsync();
        using var curator = await app.SignInAsNewAsync(Roles.Curator);

        using var response = await curator.SubmitAsync($"/topics/{topic}", new() { ["Parent"] = parent });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(parent, await ParentOfAsync(topic));
    }

    [Fact]
    public async Task A_topic_cannot_move_under_its_own_subtopic()
    {
        var parent = await NewTopicAsync();
        var child = await NewTopicAsync(parent);
        using var curator = await app.SignInAsNewAsync(Roles.Curator);

        var page = await curator.GetDocumentAsync($"/topics/{parent}");
        Assert.DoesNotContain(page.QuerySelectorAll("#Parent option"), o => o.GetAttribute("value") == child);
        using var response = await curator.SubmitAsync($"/topics/{parent}", new() { ["Parent"] = child });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A topic cannot be moved under itself or one of its subtopics.",
            (await Browser.ParseAsync(response)).QuerySelector("[data-valmsg-for=Parent]")!.TextContent);
        Assert.Null(await ParentOfAsync(parent));
    }

    [Fact]
    public async Task Viewers_see_a_read_only_form_and_their_posts_are_refused()
    {
        var parent = await NewTopicAsync();
        var topic = await NewTopicAsync();
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync($"/topics/{topic}");
        Assert.True(page.QuerySelector("form.edit fieldset")!.HasAttribute("disabled"));
        Assert.Null(page.QuerySelector("form.edit button[type=submit]"));

        using var response = await viewer.PostAsync($"/topics/{topic}", new()
        {
            ["__RequestVerificationToken"] = await viewer.AntiforgeryTokenAsync($"/topics/{topic}"),
            ["Parent"] = parent,
            ["Names.Names[en]"] = "Viewer was here",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await ParentOfAsync(topic));
    }

    [Theory]
    [InlineData("GET", "/topics")]
    [InlineData("GET", "/topics/golden-dome")]
    [InlineData("POST", "/topics/golden-dome")]
    public async Task Visitors_are_sent_to_sign_in(string method, string path)
    {
        using var browser = app.Browser();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new FormUrlEncodedContent([]) };
        using var response = await browser.Client.SendAsync(request, _ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(AuthSetup.SignInPath, response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
