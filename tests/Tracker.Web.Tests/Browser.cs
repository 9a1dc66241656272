using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Tracker.Web.Tests;

/// <summary>
/// Drives pages the way a browser does: reads the form from the HTML, keeps its hidden fields (the
/// antiforgery token among them) and posts it back with the values a person would type.
/// </summary>
public sealed class Browser(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<IHtmlDocument> GetDocumentAsync(string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(Ct));

    /// <summary>
    /// Fills and submits a form in the main content of the page at <paramref name="path"/>: the first POST form,
    /// or the one whose action has every query part of <paramref name="handler"/> ("Disable&amp;id=…").
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, Dictionary<string, string> values, string? handler = null)
    {
        var page = await GetDocumentAsync(path);
        var parts = handler is null ? [] : ("handler=" + handler).Split('&');
        var form = page.QuerySelectorAll<IHtmlFormElement>("main form").FirstOrDefault(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)
                && parts.All(part => (f.GetAttribute("action") ?? "").Contains(part, StringComparison.OrdinalIgnoreCase)))
            ?? throw new InvalidOperationException($"{path} has no POST form for handler '{handler}'.");
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type is not "checkbox" and not "submit")
            .Select(i => (i.Name!, i.Value))
            .Concat(form.Elements.OfType<IHtmlSelectElement>().Where(s => !string.IsNullOrEmpty(s.Name)).Select(s => (s.Name!, s.Value ?? "")))
            .Concat(form.Elements.OfType<IHtmlTextAreaElement>().Where(t => !string.IsNullOrEmpty(t.Name)).Select(t => (t.Name!, t.Value)))
            .GroupBy(f => f.Item1).ToDictionary(g => g.Key, g => g.First().Item2);
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        var action = form.GetAttribute("action");
        return await PostAsync(string.IsNullOrEmpty(action) ? path : action, fields);
    }

    /// <summary>
    /// The fields <paramref name="form"/> sends as htmx would (named inputs, checked boxes only, selects; the first value of a
    /// repeated name), with <paramref name="values"/> replacing or adding some.
    /// </summary>
    public static Dictionary<string, string> Fields(IHtmlFormElement form, Dictionary<string, string> values)
    {
        var fields = new Dictionary<string, string>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name)))
        {
            if (input.Type != "checkbox" || input.IsChecked)
            {
                fields.TryAdd(input.Name!, input.Value);
            }
        }

        foreach (var select in form.Elements.OfType<IHtmlSelectElement>().Where(s => !string.IsNullOrEmpty(s.Name)))
        {
            fields[select.Name!] = select.Value ?? "";
        }

        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        return fields;
    }

    /// <summary>Posts <paramref name="fields"/> as a form, expects 200 and parses the page or fragment that comes back.</summary>
    public async Task<IHtmlDocument> PostPageAsync(string path, Dictionary<string, string> fields)
    {
        using var response = await PostAsync(path, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content, Ct);
    }

    /// <summary>
    /// Calls the API with this session's cookie as the pages' htmx does: with the antiforgery token in the
    /// RequestVerificationToken header, without which a session's change to the API is refused.
    /// </summary>
    public async Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", await AntiforgeryTokenAsync());
        return await client.SendAsync(request, Ct);
    }

    /// <summary>The antiforgery token of this session, as a page renders it into its forms.</summary>
    public async Task<string> AntiforgeryTokenAsync(string path = "/account")
    {
        var page = await GetDocumentAsync(path);
        return page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"{path} renders no antiforgery token.");
    }

    public void Dispose() => client.Dispose();
}
