namespace Tracker.Web.Infrastructure;

/// <summary>The <c>Tracker</c> section of the configuration (environment: <c>Tracker__Key</c>).</summary>
public sealed class TrackerOptions
{
    public const string Section = "Tracker";

    /// <summary>Where the SQLite file lives; relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>A bearer token with admin rights, for automation. There is no default: unset, no token works.</summary>
    public string? AdminToken { get; set; }

    /// <summary>With <see cref="AdminPassword"/>: the admin created on first start, when no such user exists.</summary>
    public string? AdminEmail { get; set; }

    /// <summary>The first admin's password; unset, the first start prints a one-time sign-in link instead.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>The seed folder loaded on first start; defaults to the copy beside the app.</summary>
    public string? SeedDirectory { get; set; }

    public bool Seed { get; set; } = true;

    /// <summary>Run the Hangfire server, its dashboard and the digest schedule in this process.</summary>
    public bool Jobs { get; set; } = true;

    /// <summary>
    /// Suggest, where no lexicon cue does, what the model learned from curated claims reads (at the lowest confidence). Off, the
    /// suggester runs its rules alone, about a tenth faster.
    /// </summary>
    public bool LearnedSuggestions { get; set; } = true;

    /// <summary>The longest document text accepted, in characters; longer gets 413.</summary>
    public int MaxDocumentLength { get; set; } = 1_000_000;

    /// <summary>The address readers reach the app at, for links in mail.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";

    public string ResolveSeedDirectory() =>
        string.IsNullOrWhiteSpace(SeedDirectory) ? Path.Combine(AppContext.BaseDirectory, "seed") : Path.GetFullPath(SeedDirectory);
}
