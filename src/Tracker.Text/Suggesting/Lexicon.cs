using System.Text.Json;
using System.Text.Json.Serialization;
using Tracker.Domain;
using Tracker.Domain.Claims;

namespace Tracker.Text.Suggesting;

/// <summary>
/// The words of one language that signal a claim (CODEBOOK.md): cue words per stance, intensifiers and
/// softeners, negations, holder phrases and target phrases. Kept as data in seed/lexicon/&lt;language&gt;.json so
/// curators extend it without a code change.
/// </summary>
public sealed record LexiconLanguage
{
    /// <summary>Holder key meaning "every signatory of the document" ("双方", "the two Sides", "We").</summary>
    public const string Signatories = "signatories";

    /// <summary>Target key for an actor named only by implication ("某些核武器国家").</summary>
    public const string ImplicitTarget = "implicit";

    public required string Language { get; init; }
    public string? Note { get; init; }
    public Dictionary<string, List<string>> Cues { get; init; } = [];

    /// <summary>
    /// Cues that yield to a stronger cue after them in the same clause: modals and framing verbs ("将大力支持" is
    /// supports, "认为必须" calls for), while a stronger cue first keeps its object ("呼吁各国坚持…" calls for).
    /// </summary>
    public List<string> WeakCues { get; init; } = [];
    public List<string> Intensifiers { get; init; } = [];
    public List<string> Softeners { get; init; } = [];
    public List<string> Negations { get; init; } = [];

    /// <summary>Holder key (<see cref="Signatories"/>, or actor slugs joined by commas) → phrases.</summary>
    public Dictionary<string, List<string>> Holders { get; init; } = [];

    /// <summary>Target key (<see cref="ImplicitTarget"/> or an actor slug) → phrases.</summary>
    public Dictionary<string, List<string>> Targets { get; init; } = [];

    /// <summary>
    /// Words of danger ("威胁", "risk"): a sentence with topics but no cue that holds one describes a threat, which the
    /// codebook reads as <c>concerned</c> at intensity 1.
    /// </summary>
    public List<string> Threats { get; init; } = [];

    /// <summary>Words that refer back to the sentence before ("此种", "such"): a cue with no topic of its own takes that sentence's topics.</summary>
    public List<string> References { get; init; } = [];

    /// <summary>Words that contain a cue without being one ("应对" holds 应), so the cue inside them is ignored.</summary>
    public List<string> NotCues { get; init; } = [];

    /// <summary>
    /// Verbs of advancing something ("推动", "促进", "构建"): too common to be cues where a stance verb stands (they would take
    /// its list over, "重申将…加强合作…，共同打击…"), they carry the commitment of a sentence that has no cue.
    /// </summary>
    public List<string> Actions { get; init; } = [];
}

/// <summary>The lexicons of every language the suggester reads.</summary>
public sealed class Lexicon(IReadOnlyList<LexiconLanguage> languages)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public IReadOnlyList<LexiconLanguage> Languages { get; } = languages;

    /// <summary>Reads every *.json of <paramref name="directory"/> (seed/lexicon) and checks it.</summary>
    public static Lexicon Load(string directory)
    {
        var languages = new List<LexiconLanguage>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            languages.Add(Parse(File.ReadAllText(path), Path.GetFileName(path)));
        }

        if (languages.Count == 0)
        {
            throw new LexiconException($"No lexicon files (*.json) in {directory}.");
        }

        return new Lexicon(languages);
    }

    public static LexiconLanguage Parse(string json, string source)
    {
        LexiconLanguage? language;
        try
        {
            language = JsonSerializer.Deserialize<LexiconLanguage>(json, Json);
        }
        catch (JsonException e)
        {
            throw new LexiconException($"{source}: {e.Message}", e);
        }

        if (language is null || !Tracker.Domain.Languages.IsSupported(language.Language))
        {
            throw new LexiconException($"{source}: 'language' must be one of {string.Join(", ", Tracker.Domain.Languages.All)}.");
        }

        foreach (var code in language.Cues.Keys)
        {
            if (!StanceRules.TryParse(code, out _))
            {
                throw new LexiconException($"{source}: '{code}' is not a stance; use one of {string.Join(", ", StanceRules.Codes)}.");
            }
        }

        var cues = language.Cues.Values.SelectMany(v => v).ToHashSet(StringComparer.Ordinal);
        if (language.WeakCues.FirstOrDefault(w => !cues.Contains(w)) is { } stray)
        {
            throw new LexiconException($"{source}: weak cue '{stray}' is not among the cues.");
        }

        var empty = language.Cues.Values.SelectMany(v => v)
            .Concat(language.Intensifiers).Concat(language.Softeners).Concat(language.Negations)
            .Concat(language.Holders.Values.SelectMany(v => v)).Concat(language.Targets.Values.SelectMany(v => v))
            .Concat(language.NotCues).Concat(language.WeakCues).Concat(language.References).Concat(language.Threats)
            .Any(string.IsNullOrWhiteSpace);
        return empty ? throw new LexiconException($"{source}: an entry is empty.") : language;
    }
}

public sealed class LexiconException(string message, Exception? inner = null) : Exception(message, inner);
