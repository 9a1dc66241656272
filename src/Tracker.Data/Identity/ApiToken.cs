namespace Tracker.Data.Identity;

/// <summary>
/// A bearer token for scripts, issued by an admin to a user and acting with that user's role. Only a hash
/// of the secret is stored: the secret is shown once, when it is issued.
/// </summary>
public class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public TrackerUser? User { get; set; }
    public required string Name { get; set; }

    /// <summary>SHA-256 of the secret, hex. The secret has 256 random bits, so a plain hash is enough (no salt or stretching needed).</summary>
    public required string Hash { get; set; }

    /// <summary>The first characters of the secret, so an admin can tell tokens apart without seeing them.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
