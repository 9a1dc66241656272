using Microsoft.Extensions.Options;

namespace Tracker.Web.Infrastructure;

/// <summary>Absolute links into the app, for places a request URL is not at hand (mail).</summary>
public sealed class AppLinks(IOptions<TrackerOptions> options)
{
    private string Base => options.Value.PublicUrl.TrimEnd('/');

    public string Document(int documentId) => $"{Base}/documents/{documentId}";

    public string Claim(int documentId, int claimId) => $"{Base}/documents/{documentId}#claim-{claimId}";

    public string Unsubscribe(string token) => $"{Base}/unsubscribe?token={Uri.EscapeDataString(token)}";
}
