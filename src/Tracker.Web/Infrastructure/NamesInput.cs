using Tracker.Domain;

namespace Tracker.Web.Infrastructure;

/// <summary>
/// The names-and-aliases part of the actor and topic forms: one name and a box of aliases (one a line) per
/// language, turned into the dictionaries the save requests take.
/// </summary>
public sealed class NamesInput
{
    public Dictionary<string, string?> Names { get; set; } = [];
    public Dictionary<string, string?> Aliases { get; set; } = [];

    public static NamesInput From(IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, string[]> aliases) => new()
    {
        Names = Languages.All.ToDictionary(l => l, l => names.GetValueOrDefault(l)),
        Aliases = Languages.All.ToDictionary(l => l, l => aliases.TryGetValue(l, out var list) ? string.Join('\n', list) : null),
    };

    public Dictionary<string, string> ToNames() => Names
        .Where(n => !string.IsNullOrWhiteSpace(n.Value))
        .ToDictionary(n => n.Key, n => n.Value!.Trim());

    public Dictionary<string, List<string>> ToAliases() => Aliases
        .Where(a => !string.IsNullOrWhiteSpace(a.Value))
        .ToDictionary(a => a.Key, a => a.Value!.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).Distinct().ToList());

    public static string LanguageName(string language) => language switch
    {
        Languages.ChineseSimplified => "Chinese (simplified)",
        Languages.ChineseTraditional => "Chinese (traditional)",
        Languages.English => "English",
        Languages.Russian => "Russian",
        _ => language,
    };
}
