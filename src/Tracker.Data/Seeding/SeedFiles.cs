using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tracker.Data.Seeding;

// The shapes of the files under seed/ (seed/README.md describes them for curators).

internal sealed record SeedActor(
    string Slug,
    string? Kind,
    string? Iso,
    string? Parent,
    Dictionary<string, string>? Names,
    Dictionary<string, List<string>>? Aliases);

internal sealed record SeedTopic(
    string Slug,
    string? Parent,
    Dictionary<string, string>? Names,
    Dictionary<string, List<string>>? Aliases,
    string? Description);

internal sealed record SeedDocument(
    string Key,
    string File,
    int Part,
    string Title,
    string Kind,
    DateOnly IssuedOn,
    string? Place,
    string Language,
    List<string> Signatories,
    string? SourceUrl,
    string? Note);

internal sealed record SeedClaimFile(string Document, List<SeedClaim> Claims);

internal sealed record SeedClaim(
    string Quote,
    int? Occurrence,
    List<string> Holders,
    string Stance,
    int? Intensity,
    string Topic,
    string? Target,
    bool Implicit,
    bool Negated,
    string? Note);

internal static class SeedJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static async Task<T> ReadAsync<T>(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(stream, Options, cancellationToken)
                ?? throw new SeedException([$"{path}: the file is empty."]);
        }
        catch (JsonException e)
        {
            throw new SeedException([$"{path}: {e.Message}"]);
        }
    }
}

/// <summary>The seed cannot be loaded; every problem found is listed, with its file and entry.</summary>
public sealed class SeedException(IReadOnlyList<string> problems)
    : Exception("The seed data is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

public sealed record SeedResult(int Actors, int Topics, int Documents, int Claims, int LexiconEntries = 0);
