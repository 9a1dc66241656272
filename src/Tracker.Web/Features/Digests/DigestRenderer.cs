using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Tracker.Web.Features.Digests;

/// <summary>Renders a digest's HTML with the framework's component renderer, so every text is encoded by Razor.</summary>
public sealed class DigestRenderer(IServiceProvider services, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly HtmlRenderer _renderer = new(services, loggerFactory);

    public Task<string> RenderHtmlAsync(Digest digest) =>
        _renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(DigestEmail.Digest)] = digest,
                [nameof(DigestEmail.Subject)] = DigestText.Subject(digest),
            });
            var output = await _renderer.RenderComponentAsync<DigestEmail>(parameters);
            return output.ToHtmlString();
        });

    public ValueTask DisposeAsync() => _renderer.DisposeAsync();
}
