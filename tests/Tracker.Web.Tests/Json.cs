namespace Tracker.Web.Tests;

internal static class Json
{
    public static async Task<JsonNode> ReadNodeAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
        ?? throw new InvalidOperationException("The response has no JSON body.");

    /// <summary>Substring by Unicode code points, the unit of every offset in the API.</summary>
    public static string CodePoints(this string text, int start, int end)
    {
        var runes = text.EnumerateRunes().ToArray();
        return string.Concat(runes[start..end].Select(r => r.ToString()));
    }

    public static int CodePointLength(this string text) => text.EnumerateRunes().Count();
}
