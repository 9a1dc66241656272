using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Tracker.Web.Features.Digests;

/// <summary>Renders a digest's HTML with the framework's component renderer, so every text is encoded by Razor.</summary>
public sealed class DigestRenderer(IServiceProvider services, ILoggerFactory loggerFactory)
{
    public async Task<string> RenderHtmlAsync(Digest digest)
    {
        // A renderer keeps every root component it rendered until it is disposed: one per mail keeps a run over
        // ten thousand subscribers from holding ten thousand render trees.
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(DigestEmail.Digest)] = digest,
                [nameof(DigestEmail.Subject)] = DigestText.Subject(digest),
            });
            var output = await renderer.RenderComponentAsync<DigestEmail>(parameters);
            return output.ToHtmlString();
        });
    }
}
