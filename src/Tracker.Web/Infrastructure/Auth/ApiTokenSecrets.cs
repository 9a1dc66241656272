using System.Security.Cryptography;
using System.Text;

namespace Tracker.Web.Infrastructure.Auth;

/// <summary>Makes and hashes API token secrets.</summary>
public static class ApiTokenSecrets
{
    // A recognisable prefix lets secret scanners and people tell a Tracker token from other strings.
    private const string Marker = "trk_";

    public static string NewSecret() =>
        Marker + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string PrefixOf(string secret) => secret[..Math.Min(secret.Length, Marker.Length + 6)];
}
