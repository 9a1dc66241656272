using Tracker.Domain;

namespace Tracker.Data;

/// <summary>Builds the alias rows of an actor or topic from display names and aliases per language.</summary>
public static class Aliases
{
    public static List<TAlias> Build<TAlias>(
        IReadOnlyDictionary<string, string>? names,
        IReadOnlyDictionary<string, List<string>>? aliases,
        Func<string, string, string, bool, TAlias> create)
    {
        var result = new List<TAlias>();
        var seen = new HashSet<(string Language, string Key)>();

        void Add(string language, string text, bool isName)
        {
            var trimmed = text.Trim();
            var key = AliasKey.From(trimmed);
            if (key.Length > 0 && seen.Add((language, key)))
            {
                result.Add(create(language, trimmed, key, isName));
            }
        }

        foreach (var (language, name) in names ?? new Dictionary<string, string>())
        {
            Add(language, name, isName: true);
        }

        foreach (var (language, texts) in aliases ?? new Dictionary<string, List<string>>())
        {
            foreach (var text in texts)
            {
                Add(language, text, isName: false);
            }
        }

        return result;
    }
}
