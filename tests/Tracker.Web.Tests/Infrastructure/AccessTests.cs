namespace Tracker.Web.Tests.Infrastructure;

/// <summary>Every API call needs a bearer token; health and the OpenAPI description do not.</summary>
public sealed class AccessTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "/api/documents")]
    [InlineData("GET", "/api/claims")]
    [InlineData("GET", "/api/actors")]
    [InlineData("GET", "/api/topics")]
    [InlineData("POST", "/api/documents")]
    [InlineData("POST", "/api/documents/split")]
    [InlineData("POST", "/api/actors")]
    [InlineData("PUT", "/api/topics/strategic-stability")]
    [InlineData("DELETE", "/api/claims/1")]
    public async Task Without_a_token_every_api_call_is_401_with_a_problem(string method, string path)
    {
        using var client = app.Anonymous();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
        using var response = await client.SendAsync(request, _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_token_is_401_and_nothing_is_written()
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TrackerApp.AdminToken + "x");
        using var response = await client.PostAsJsonAsync("/api/actors", new { kind = "state", names = new { en = "Wrong Token Land" } }, _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var admin = app.Admin();
        using var lookup = await admin.GetAsync("/api/actors/wrong-token-land", _ct);
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task Health_and_the_openapi_description_are_open()
    {
        using var client = app.Anonymous();
        using var health = await client.GetAsync("/healthz", _ct);
        var openApi = (await client.GetFromJsonAsync<JsonNode>("/openapi/v1.json", _ct))!;

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(_ct));
        var paths = openApi["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/documents", paths);
        Assert.Contains("/api/documents/{documentId}/claims", paths);
        Assert.Contains("/api/claims/{id}", paths);
    }
}
