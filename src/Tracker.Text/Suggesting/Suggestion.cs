using System.Text.Json;
using Tracker.Domain.Claims;

namespace Tracker.Text.Suggesting;

/// <summary>
/// A claim the suggester proposes for a curator to accept, edit or reject. Offsets are code points into the
/// normalized body, like a claim's. <see cref="TopicSlug"/> is null for a proposed new topic, whose text is
/// then <see cref="TopicLabel"/>. <see cref="TopicGuessed"/> marks a known topic that no alias named: the object
/// only resembles it, so a curator should check it. <see cref="Learned"/> marks a suggestion of the model learned from curated
/// claims (<see cref="StanceModel"/>) rather than of a rule: its <see cref="Cue"/> is the words that weighed most, not a lexicon entry.
/// </summary>
public sealed record Suggestion(
    int Start,
    int End,
    string Quote,
    IReadOnlyList<string> Holders,
    Stance Stance,
    int Intensity,
    string? TopicSlug,
    string TopicLabel,
    string? Target,
    bool Negated,
    double Confidence,
    string Cue,
    bool TopicGuessed = false,
    bool Learned = false)
{
    public TextSpan Span => new(Start, End);

    public bool ProposesTopic => TopicSlug is null;
}

/// <summary>A topic as the suggester sees it: its slug, a label and every alias in every language.</summary>
public sealed record SuggesterTopic(string Slug, string Label, IReadOnlyList<string> Aliases)
{
    /// <summary>Reads seed/topics.json (names and aliases of every language are all aliases here).</summary>
    public static IReadOnlyList<SuggesterTopic> LoadSeedFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var topics = new List<SuggesterTopic>();
        foreach (var topic in document.RootElement.EnumerateArray())
        {
            var slug = topic.GetProperty("slug").GetString()!;
            var aliases = new List<string>();
            string? label = null;
            if (topic.TryGetProperty("names", out var names))
            {
                foreach (var name in names.EnumerateObject())
                {
                    aliases.Add(name.Value.GetString()!);
                    if (name.Name == Domain.Languages.English)
                    {
                        label = name.Value.GetString();
                    }
                }
            }

            if (topic.TryGetProperty("aliases", out var more))
            {
                foreach (var language in more.EnumerateObject())
                {
                    aliases.AddRange(language.Value.EnumerateArray().Select(a => a.GetString()!));
                }
            }

            topics.Add(new SuggesterTopic(slug, label ?? slug, aliases));
        }

        return topics;
    }
}

/// <summary>
/// An actor as the suggester sees it: its slug and its Chinese names and aliases ("密方", "陸委會", "特區政府"), which
/// name a holder when the actor signed the document.
/// </summary>
public sealed record SuggesterActor(string Slug, IReadOnlyList<string> Aliases)
{
    private static readonly string[] ChineseScripts = ["zh-Hans", "zh-Hant"];

    /// <summary>An actor with its names and aliases, and for a state the short forms of its Chinese names (<see cref="ShortForm"/>).</summary>
    public static SuggesterActor Of(string slug, IEnumerable<string> aliases, bool state, IEnumerable<string> chineseNames) =>
        new(slug, [.. aliases, .. state ? chineseNames.Select(ShortForm).OfType<string>() : []]);

    /// <summary>
    /// How Chinese statements name a state as a party: the first character of its short name and 方 (巴基斯坦 → 巴方, 柬埔寨 → 柬方,
    /// 越南 → 越方), as 中方 and 俄方 are written; null for a name that does not start with a Chinese character.
    /// </summary>
    public static string? ShortForm(string? name) =>
        name is { Length: >= 2 } && char.GetUnicodeCategory(name[0]) == System.Globalization.UnicodeCategory.OtherLetter && name[0] >= '\u4E00'
            ? string.Concat(name.AsSpan(0, 1), "方")
            : null;

    /// <summary>Reads seed/actors.json (names and aliases of every language).</summary>
    public static IReadOnlyList<SuggesterActor> LoadSeedFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var actors = new List<SuggesterActor>();
        foreach (var actor in document.RootElement.EnumerateArray())
        {
            var aliases = new List<string>();
            foreach (var property in new[] { "names", "aliases" })
            {
                if (!actor.TryGetProperty(property, out var byLanguage) || byLanguage.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var language in byLanguage.EnumerateObject())
                {
                    if (language.Value.ValueKind == JsonValueKind.String)
                    {
                        aliases.Add(language.Value.GetString()!);
                    }
                    else if (language.Value.ValueKind == JsonValueKind.Array)
                    {
                        aliases.AddRange(language.Value.EnumerateArray().Select(a => a.GetString()!));
                    }
                }
            }

            var chineseNames = actor.TryGetProperty("names", out var names)
                ? ChineseScripts.Select(l => names.TryGetProperty(l, out var name) ? name.GetString() : null).OfType<string>()
                : [];
            bool state = actor.TryGetProperty("kind", out var kind) && kind.GetString() == "state";
            actors.Add(Of(actor.GetProperty("slug").GetString()!, aliases, state, chineseNames));
        }

        return actors;
    }
}
