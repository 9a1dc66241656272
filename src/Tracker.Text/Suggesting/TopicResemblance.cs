namespace Tracker.Text.Suggesting;

/// <summary>
/// Finds the topic an object phrase is about when none of the topic's aliases occurs in it word for word: the phrase
/// and every name and alias of every topic, in every language, are reduced to content features (character bigrams of
/// Chinese, either script; lower-cased words of spaced scripts without function words, a plural "s" or a Russian ending
/// dropped), each weighted by how few topics use it (inverse document frequency). An alias resembles the phrase when
/// the phrase holds at least <see cref="Threshold"/> of the alias's weight and two of its features (an alias of one feature
/// resembles nothing it does not already match word for word); the best alias wins, and of equally
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
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<double> _weights = [];
    private readonly List<List<int>> _aliasesOf = [];
    private readonly Alias[] _aliases;

    [ThreadStatic]
    private static Scratch? t_scratch;

    public TopicResemblance(IReadOnlyList<SuggesterTopic> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        _lookup = _featureIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var aliases = new List<(int Topic, int[] Features, int Length)>();
        var topicsOf = new List<HashSet<int>>();
        Span<char> buffer = stackalloc char[MaxWord];
        for (int t = 0; t < topics.Count; t++)
        {
            foreach (var alias in topics[t].Aliases.Append(topics[t].Label).Distinct(StringComparer.Ordinal))
            {
                var ids = new List<int>();
                var reader = new FeatureReader(alias, buffer);
                while (reader.Next(out var feature))
                {
                    int id = Id(feature.ToString(), topicsOf);
                    if (!ids.Contains(id))
                    {
                        ids.Add(id);
                    }
                }

                // An alias of one word or one bigram resembles nothing it does not already match word for word.
                if (ids.Count < 2)
                {
                    continue;
                }

                ids.ForEach(id => topicsOf[id].Add(t));
                aliases.Add((t, [.. ids], alias.Length));
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
            _aliases[a] = new Alias(topic, ids.Sum(id => _weights[id]), ids.Length, length);
            foreach (var id in ids)
            {
                _aliasesOf[id].Add(a);
            }
        }
    }

    /// <summary>The index of the topic <paramref name="phrase"/> resembles most, or −1 when none comes close enough.</summary>
    public int Match(ReadOnlySpan<char> phrase)
    {
        var scratch = t_scratch ??= new Scratch();
        scratch.Reset(_aliases.Length, _weights.Count);
        Span<char> buffer = stackalloc char[MaxWord];
        var reader = new FeatureReader(phrase, buffer);
        while (reader.Next(out var feature))
        {
            if (!_lookup.TryGetValue(feature, out var id) || !scratch.FirstTime(id))
            {
                continue;
            }

            foreach (var a in _aliasesOf[id])
            {
                scratch.Add(a, _weights[id]);
            }
        }

        int best = -1;
        double bestCover = 0, bestShared = 0;
        foreach (var a in scratch.Touched)
        {
            var alias = _aliases[a];
            double weight = scratch.Shared[a];
            double cover = weight / alias.Weight;
            if (cover < Threshold - 1e-9 || scratch.Count[a] < 2)
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
    internal static List<string> Features(string text)
    {
        var features = new List<string>();
        var reader = new FeatureReader(text, new char[MaxWord]);
        while (reader.Next(out var feature))
        {
            features.Add(feature.ToString());
        }

        return features;
    }

    private const int MaxWord = 64;

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

    private readonly record struct Alias(int Topic, double Weight, int Features, int Length);

    /// <summary>Per-thread sums of one match, cleared by what was touched, so a match allocates nothing.</summary>
    private sealed class Scratch
    {
        public double[] Shared { get; private set; } = [];
        public int[] Count { get; private set; } = [];
        public List<int> Touched { get; } = [];
        private bool[] _seen = [];
        private readonly List<int> _seenIds = [];

        public void Reset(int aliases, int features)
        {
            if (Shared.Length < aliases)
            {
                Shared = new double[aliases];
                Count = new int[aliases];
            }

            if (_seen.Length < features)
            {
                _seen = new bool[features];
            }

            foreach (var a in Touched)
            {
                Shared[a] = 0;
                Count[a] = 0;
            }

            foreach (var f in _seenIds)
            {
                _seen[f] = false;
            }

            Touched.Clear();
            _seenIds.Clear();
        }

        public bool FirstTime(int feature)
        {
            if (_seen[feature])
            {
                return false;
            }

            _seen[feature] = true;
            _seenIds.Add(feature);
            return true;
        }

        public void Add(int alias, double weight)
        {
            if (Shared[alias] == 0)
            {
                Touched.Add(alias);
            }

            Shared[alias] += weight;
            Count[alias]++;
        }
    }

    /// <summary>
    /// Reads the features of a text one by one without allocating: each bigram of a run of Chinese characters, and each
    /// word of three letters or more of a spaced script, lower-cased, not a function word, with a plural "s" or a Russian
    /// ending dropped (written into the buffer).
    /// </summary>
    private ref struct FeatureReader(ReadOnlySpan<char> text, Span<char> buffer)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private readonly Span<char> _buffer = buffer;
        private int _position;

        public bool Next(out ReadOnlySpan<char> feature)
        {
            while (_position < _text.Length)
            {
                char c = _text[_position];
                if (CharClass.IsHan(c))
                {
                    if (_position + 1 < _text.Length && CharClass.IsHan(_text[_position + 1]))
                    {
                        feature = _text.Slice(_position, 2);
                        _position++;
                        return true;
                    }

                    _position++;
                }
                else if (char.IsLetter(c))
                {
                    int start = _position;
                    while (_position < _text.Length && char.IsLetter(_text[_position]) && !CharClass.IsHan(_text[_position]))
                    {
                        _position++;
                    }

                    if (Word(_text[start.._position], _buffer, out feature))
                    {
                        return true;
                    }
                }
                else
                {
                    _position++;
                }
            }

            feature = default;
            return false;
        }

        private static bool Word(ReadOnlySpan<char> letters, Span<char> buffer, out ReadOnlySpan<char> word)
        {
            word = default;
            if (letters.Length < 3 || letters.Length > buffer.Length)
            {
                return false;
            }

            var lower = buffer[..letters.Length];
            letters.ToLowerInvariant(lower);
            lower.Replace('ё', 'е');
            if (FunctionWordLookup.Contains(lower))
            {
                return false;
            }

            if (lower[0] is >= 'а' and <= 'я')
            {
                // Russian inflects by its endings: the first six letters stand for the word ("ядерного", "ядерное").
                word = lower.Length > 6 ? lower[..6] : lower;
                return true;
            }

            if (lower.Length > 5 && lower.EndsWith("ies"))
            {
                lower[^3] = 'y';
                word = lower[..^2];
                return true;
            }

            word = lower.Length > 4 && lower[^1] == 's' && lower[^2] is not ('s' or 'u' or 'i') ? lower[..^1] : lower;
            return true;
        }
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWordLookup = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();
}
