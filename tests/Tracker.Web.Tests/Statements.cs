namespace Tracker.Web.Tests;

/// <summary>
/// Builds real documents and claims through the API for one test: fresh actors of its own, so that what other
/// tests write to the shared database never reaches its positions.
/// </summary>
internal sealed class Statements(HttpClient client)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public async Task<string> NewActorAsync(string prefix = "Testland")
    {
        using var response = await client.PostAsJsonAsync("/api/actors", new
        {
            kind = "state",
            names = new Dictionary<string, string> { ["en"] = $"{prefix} {Guid.NewGuid():N}" },
        }, _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadNodeAsync())["slug"]!;
    }

    /// <summary>Imports a document; the text gets a unique tail so that re-runs never collide on its hash.</summary>
    public async Task<(int Id, string Body)> DocumentAsync(string issuedOn, string[] signatories, string text, string language = "zh-Hans")
    {
        using var response = await client.PostAsJsonAsync("/api/documents", new
        {
            title = $"Comparison test {Guid.NewGuid():N}",
            issuedOn,
            language,
            kind = "joint_statement",
            signatories,
            text = $"{text}\n\n{Guid.NewGuid():N}",
        }, _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = await response.ReadNodeAsync();
        return ((int)document["id"]!, (string)document["body"]!);
    }

    /// <summary>Adds an accepted claim anchored to the first occurrence of <paramref name="quote"/>.</summary>
    public async Task<JsonNode> ClaimAsync((int Id, string Body) document, string quote, string[] holders, string stance, string topic, bool negated = false)
    {
        var utf16 = document.Body.IndexOf(quote, StringComparison.Ordinal);
        Assert.True(utf16 >= 0, $"'{quote}' is not in the body.");
        var start = document.Body[..utf16].CodePointLength();
        using var response = await client.PostAsJsonAsync($"/api/documents/{document.Id}/claims", new
        {
            start,
            end = start + quote.CodePointLength(),
            quote,
            holders,
            stance,
            topic,
            @implicit = false,
            negated,
        }, _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadNodeAsync();
    }
}
