using Tracker.Domain.Lexicon;
using Tracker.Text.Suggesting;

namespace Tracker.Data.Seeding;

/// <summary>Converts between the lexicon files' shape and the rows curators edit.</summary>
public static class LexiconRows
{
    public static IEnumerable<LexiconEntry> ToEntries(LexiconLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var weak = language.WeakCues.ToHashSet(StringComparer.Ordinal);
        foreach (var (stance, cues) in language.Cues)
        {
            foreach (var cue in cues)
            {
                yield return Entry(language, weak.Contains(cue) ? LexiconKinds.WeakCue : LexiconKinds.Cue, stance, cue);
            }
        }

        foreach (var (kind, words) in Lists(language))
        {
            foreach (var word in words)
            {
                yield return Entry(language, kind, "", word);
            }
        }

        foreach (var (key, phrases) in language.Holders)
        {
            foreach (var phrase in phrases)
            {
                yield return Entry(language, LexiconKinds.Holder, key, phrase);
            }
        }

        foreach (var (key, phrases) in language.Targets)
        {
            foreach (var phrase in phrases)
            {
                yield return Entry(language, LexiconKinds.Target, key, phrase);
            }
        }
    }

    public static Lexicon ToLexicon(IEnumerable<LexiconEntry> entries)
    {
        var languages = new List<LexiconLanguage>();
        foreach (var group in entries.GroupBy(e => e.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var language = new LexiconLanguage { Language = group.Key };
            foreach (var entry in group.OrderBy(e => e.Id))
            {
                switch (entry.Kind)
                {
                    case LexiconKinds.Cue or LexiconKinds.WeakCue:
                        Add(language.Cues, entry.Key, entry.Text);
                        if (entry.Kind == LexiconKinds.WeakCue)
                        {
                            language.WeakCues.Add(entry.Text);
                        }

                        break;
                    case LexiconKinds.Holder:
                        Add(language.Holders, entry.Key, entry.Text);
                        break;
                    case LexiconKinds.Target:
                        Add(language.Targets, entry.Key, entry.Text);
                        break;
                    default:
                        Lists(language).FirstOrDefault(l => l.Kind == entry.Kind).Words?.Add(entry.Text);
                        break;
                }
            }

            languages.Add(language);
        }

        return new Lexicon(languages);
    }

    private static (string Kind, List<string> Words)[] Lists(LexiconLanguage language) =>
    [
        (LexiconKinds.Intensifier, language.Intensifiers),
        (LexiconKinds.Softener, language.Softeners),
        (LexiconKinds.Negation, language.Negations),
        (LexiconKinds.NotCue, language.NotCues),
        (LexiconKinds.Reference, language.References),
        (LexiconKinds.Threat, language.Threats),
        (LexiconKinds.Action, language.Actions),
    ];

    private static void Add(Dictionary<string, List<string>> map, string key, string text)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(text);
    }

    private static LexiconEntry Entry(LexiconLanguage language, string kind, string key, string text) =>
        new() { Language = language.Language, Kind = kind, Key = key, Text = text.Trim() };
}
