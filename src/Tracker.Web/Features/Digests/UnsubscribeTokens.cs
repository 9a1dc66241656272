using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Tracker.Web.Features.Digests;

/// <summary>
/// The token in a digest's unsubscribe link: the subscription id and an expiry, encrypted and signed by data
/// protection, so a link cannot be forged for someone else's subscription nor used forever. The expiry is
/// checked against the app's clock, the one that wrote it.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(60);

    private readonly IDataProtector _protector = provider.CreateProtector("Tracker.Digests.Unsubscribe.v1");

    public string Create(int subscriptionId) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{subscriptionId}|{(clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds()}"));

    /// <summary>The subscription id, or null for a token that is forged, damaged or expired.</summary>
    public int? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('|');
        return parts.Length == 2
            && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var id)
            && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var expires)
            && DateTimeOffset.FromUnixTimeSeconds(expires) > clock.GetUtcNow()
            ? id
            : null;
    }
}
