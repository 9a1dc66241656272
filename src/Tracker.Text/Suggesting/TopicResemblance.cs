namespace Tracker.Text.Suggesting;

/// <summary>
/// Finds the topic an object phrase is about when none of the topic's aliases occurs in it word for word: the phrase
/// and every name and alias of every topic, in every language, are reduced to content features (character bigrams of
/// Chinese, either script; lower-cased words of spaced scripts without function words, a plural "s" or a Russian ending
/// dropped), each weighted by how few topics use it (inverse document frequency). An alias resembles the phrase when
/// the phrase holds at least <see cref="Threshold"/> of the alias's weight; the best alias wins, and of equally
/// covered aliases the one sharing more weight (the more specific), then the longer. Built once per taxonomy; safe
/// to call from several threads.
/// </summary>
public sealed class TopicResemblance
{
    /// <summary>Share of an alias's feature weight the phrase must hold.</summary>
    public const double Threshold = 0.6;

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "from", "into", "onto", "upon", "its", "their", "our", "your", "his", "her", "this",
        "that", "these", "those", "such", "all", "any", "each", "every", "other", "both", "will", "shall", "would", "should",
        "can", "could", "may", "might", "must", "are", "was", "were", "been", "being", "has", "have", "had", "not", "nor",
        "but", "which", "who", "whom", "whose", "what", "also", "more", "most", "further", "well", "between", "among",
        "against", "through", "over", "under", "within", "without", "about", "including", "new", "two", "one", "own",
        "для", "что", "как", "это", "его", "или", "при", "над", "под", "без", "так", "также", "всех", "между",
    };

    private readonly Dictionary<string, int> _featureIds = new(StringComparer.Ordinal);
    private readonly List<double> _weights = [];
    private readonly List<List<int>> _aliasesOf = [];
    private readonly Alias[] _aliases;

    public TopicResemblance(IReadOnlyList<SuggesterTopic> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var aliases = new List<(int Topic, int[] Features, int Length)>();
        var topicsOf = new List<HashSet<int>>();
        var features = new List<string>();
        for (int t = 0; t < topics.Count; t++)
        {
            foreach (var alias in topics[t].Aliases.Append(topics[t].Label).Distinct(StringComparer.Ordinal))
            {
                features.Clear();
                Features(alias, features);
                var ids = features.Select(f => Id(f, topicsOf)).Distinct().ToArray();
                if (ids.Length == 0)
                {
                    continue;
                }

                Array.ForEach(ids, id => topicsOf[id].Add(t));
                aliases.Add((t, ids, alias.Length));
            }
        }

        double count = Math.Max(1, topics.Count);
        foreach (var set in topicsOf)
        {
            _weights.Add(Math.Log(1 + (count / set.Count)));
        }

        _aliases = new Alias[aliases.Count];
        for (int a = 0; a < aliases.Count; a++)
        {
            var (topic, ids, length) = aliases[a];
            _aliases[a] = new Alias(topic, ids.Sum(id => _weights[id]), length);
            foreach (var id in ids)
            {
                _aliasesOf[id].Add(a);
            }
        }
    }

    /// <summary>The index of the topic <paramref name="phrase"/> resembles most, or −1 when none comes close enough.</summary>
    public int Match(ReadOnlySpan<char> phrase)
    {
        var features = new List<string>();
        Features(phrase, features);
        var shared = new Dictionary<int, double>();
        var seen = new HashSet<int>();
        foreach (var feature in features)
        {
            if (!_featureIds.TryGetValue(feature, out var id) || !seen.Add(id))
            {
                continue;
            }

            foreach (var a in _aliasesOf[id])
            {
                shared[a] = shared.GetValueOrDefault(a) + _weights[id];
            }
        }

        int best = -1;
        double bestCover = 0, bestShared = 0;
        foreach (var (a, weight) in shared)
        {
            var alias = _aliases[a];
            double cover = weight / alias.Weight;
            if (cover < Threshold - 1e-9)
            {
                continue;
            }

            bool better = best < 0
                || cover > bestCover + 1e-9
                || (Math.Abs(cover - bestCover) <= 1e-9 && (weight > bestShared + 1e-9
                    || (Math.Abs(weight - bestShared) <= 1e-9 && alias.Length > _aliases[best].Length)));
            if (better)
            {
                (best, bestCover, bestShared) = (a, cover, weight);
            }
        }

        return best < 0 ? -1 : _aliases[best].Topic;
    }

    /// <summary>The content features of a text: Chinese character bigrams and content words of spaced scripts.</summary>
    internal static void Features(ReadOnlySpan<char> text, List<string> into)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (IsHan(text[i]))
            {
                int start = i;
                while (i < text.Length && IsHan(text[i]))
                {
                    i++;
                }

                for (int k = start; k + 1 < i; k++)
                {
                    into.Add(new string(text.Slice(k, 2)));
                }
            }
            else if (char.IsLetter(text[i]))
            {
                int start = i;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }

                if (Word(text[start..i]) is { } word)
                {
                    into.Add(word);
                }
            }
            else
            {
                i++;
            }
        }
    }

    private static string? Word(ReadOnlySpan<char> letters)
    {
        if (letters.Length < 3)
        {
            return null;
        }

        var word = letters.ToString().ToLowerInvariant().Replace('ё', 'е');
        if (FunctionWords.Contains(word))
        {
            return null;
        }

        if (word[0] is >= 'а' and <= 'я')
        {
            // Russian inflects by its endings: the first six letters stand for the word ("ядерного", "ядерное").
            return word.Length > 6 ? word[..6] : word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 5)
        {
            return word[..^3] + "y";
        }

        return word.Length > 4 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i') ? word[..^1] : word;
    }

    private static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');

    private int Id(string feature, List<HashSet<int>> topicsOf)
    {
        if (!_featureIds.TryGetValue(feature, out var id))
        {
            id = _featureIds.Count;
            _featureIds[feature] = id;
            topicsOf.Add([]);
            _aliasesOf.Add([]);
        }

        return id;
    }

    private readonly record struct Alias(int Topic, double Weight, int Length);
}
