using Tracker.Domain.Claims;
using Tracker.Domain.Documents;

namespace Tracker.Text.Suggesting;

/// <summary>A curated claim as the learned model sees it: where it is (code points) and its stance.</summary>
public readonly record struct CuratedStance(TextSpan Span, Stance Stance);

/// <summary>
/// A document with curated claims, to learn from: the normalized body, its sentences and claims in code points. A document
/// curated to the end (a seed statement) teaches from every passage: one no claim covers holds none. A document still being
/// curated teaches only from its <see cref="Decided"/> spans (its claims, the suggestions rejected on it).
/// </summary>
public sealed record CuratedDocument(string Body, IReadOnlyList<TextSpan> Sentences, IReadOnlyList<CuratedStance> Claims)
{
    /// <summary>What kind of document it is: the model reads only the families of kind it has learned from.</summary>
    public DocumentKind Kind { get; init; } = DocumentKind.Other;

    /// <summary>The spans curators have decided on, or null when every passage is decided.</summary>
    public IReadOnlyList<TextSpan>? Decided { get; init; }
}

/// <summary>
/// What the model reads a passage as: a stance, the probability that the passage holds a claim at all, and the words that
/// weighed most for the stance, strongest first (UTF-16 ranges in the body; none when no feature of the passage was learned).
/// </summary>
public readonly record struct StanceReading(Stance Stance, double Probability, IReadOnlyList<(int Start, int End)> Words)
{
    /// <summary>The words in the order of the text, joined by an ellipsis: what a curator reads as the suggestion's cue.</summary>
    public string Cue(string body) => string.Join(" … ", Words.OrderBy(w => w.Start).Select(w => body[w.Start..w.End]));
}

/// <summary>
/// What the curators' own claims teach the suggester, for the passages its rules leave without a suggestion: a multinomial
/// logistic regression over the passages of curated documents (a clause of Chinese, a sentence of English or Russian), each
/// labelled with the stance of the claim that covers most of it, or with "no claim". A passage is read as its features:
/// Chinese characters and character pairs, lower-cased words of spaced scripts, each present or not.
/// Chinese and spaced scripts are learned apart, since how often a passage holds a claim differs between them. The rules
/// carry the codebook; the model carries wording they have no rule for, and learns more with every document curated.
/// Training is deterministic (a fixed shuffle); the trained model is immutable and safe to call from several threads.
/// </summary>
public sealed class StanceModel
{
    /// <summary>Class 0 is "no claim"; class <c>k</c> is <c>(Stance)(k − 1)</c>.</summary>
    private static readonly int Classes = Enum.GetValues<Stance>().Length + 1;

    private const int Epochs = 10;
    private const double LearningRate = 0.2;
    private const double L2 = 1e-4;

    /// <summary>Words a reading shows at most.</summary>
    private const int MaxWords = 3;

    /// <summary>Passages a feature must occur in to be learned.</summary>
    private const int MinOccurrences = 2;

    /// <summary>Curated documents of a family the model must have learned from before it reads that family.</summary>
    public const int DocumentsPerFamily = 3;

    private readonly Script?[] _scripts;
    private readonly HashSet<DocumentFamily> _families;

    private StanceModel(Script?[] scripts, HashSet<DocumentFamily> families)
    {
        _scripts = scripts;
        _families = families;
        Passages = scripts.Sum(s => s?.Passages ?? 0);
        ClaimPassages = scripts.Sum(s => s?.ClaimPassages ?? 0);
    }

    /// <summary>
    /// Whether the model reads documents of this kind: only those of a family it learned from <see cref="DocumentsPerFamily"/>
    /// documents of or more. A model of negotiated texts, where nearly every sentence is a position, would take half the
    /// sentences of a speech for positions.
    /// </summary>
    public bool Reads(DocumentKind kind) => _families.Contains(kind.Family());

    /// <summary>Passages learned from.</summary>
    public int Passages { get; }

    /// <summary>Of those, passages a curated claim covers.</summary>
    public int ClaimPassages { get; }

    /// <summary>Learns from every passage of the documents; null when they hold no claim at all (nothing to learn).</summary>
    public static StanceModel? Train(IEnumerable<CuratedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var examples = new[] { new Examples(), new Examples() };
        var seen = new HashSet<ulong>();
        var passages = new List<(int Start, int End)>();
        var families = new Dictionary<DocumentFamily, int>();
        foreach (var document in documents)
        {
            bool taught = false;
            var index = new CodePointIndex(document.Body);
            foreach (var sentence in document.Sentences)
            {
                int start = index.ToUtf16(sentence.Start), end = index.ToUtf16(sentence.End);
                PassagesOf(document.Body.AsSpan(), start, end, passages);
                foreach (var (from, to) in passages)
                {
                    var passage = index.ToCodePoints(from, to);
                    if (document.Decided is { } decided && !decided.Any(d => d.Overlaps(passage)))
                    {
                        continue;
                    }

                    var text = document.Body.AsSpan(from, to - from);
                    seen.Clear();
                    var sink = new CollectingSink(seen);
                    ReadFeatures(text, ref sink);

                    int label = Label(passage, document.Claims);
                    examples[ScriptOf(text)].Add(seen, label);
                    taught |= label != 0;
                }
            }

            // A family counts the documents that taught a claim: a few rejections alone do not make the model read speeches.
            if (taught)
            {
                families[document.Kind.Family()] = families.GetValueOrDefault(document.Kind.Family()) + 1;
            }
        }

        var scripts = examples.Select(e => e.Fit()).ToArray();
        return scripts.All(s => s is null)
            ? null
            : new StanceModel(scripts, [.. families.Where(f => f.Value >= DocumentsPerFamily).Select(f => f.Key)]);
    }

    /// <summary>
    /// The passages of a sentence, into <paramref name="passages"/> (UTF-16 offsets into <paramref name="text"/>): the clauses
    /// of a Chinese sentence, the whole of one in a spaced script (its commas part list items more often than positions).
    /// White space and the closing mark are left out.
    /// </summary>
    public static void PassagesOf(ReadOnlySpan<char> text, int start, int end, List<(int Start, int End)> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        passages.Clear();
        bool han = CharClass.HasHan(text[start..end]);
        int from = start;
        for (int i = start; i <= end; i++)
        {
            if (i < end && !(han && i > from && text[i] is '，' or '；' or '：'))
            {
                continue;
            }

            int a = from, b = i;
            while (a < b && (char.IsWhiteSpace(text[a]) || char.IsPunctuation(text[a])))
            {
                a++;
            }

            while (b > a && (char.IsWhiteSpace(text[b - 1]) || char.IsPunctuation(text[b - 1])))
            {
                b--;
            }

            if (b - a >= 2)
            {
                passages.Add((a, b));
            }

            from = i + 1;
        }
    }

    /// <summary>
    /// What the passage most likely says: null when "no claim" is the likeliest class; else the probability that it holds a
    /// claim, the polarity with more weight and that polarity's likeliest stance. <paramref name="offset"/> is where the passage
    /// starts in the body, so the reading's words point into it; a reading less likely than <paramref name="minimum"/> to hold
    /// a claim is null as well, its words never looked for.
    /// </summary>
    public StanceReading? Read(ReadOnlySpan<char> passage, int offset = 0, double minimum = 0)
    {
        if (_scripts[ScriptOf(passage)] is not { } script)
        {
            return null;
        }

        // Read for every passage no rule covers, so the reading allocates nothing until it is sure enough to return: the features
        // go to a per-thread scratch, each counted once.
        var scratch = t_scratch ??= new Scratch();
        scratch.Begin(script.Weights.Length / Classes);
        Span<double> scores = stackalloc double[Classes];
        script.Bias.CopyTo(scores);
        var weights = script.Weights;
        var sink = new ScoringSink(script, scratch, scores);
        ReadFeatures(passage, ref sink);

        double top = double.NegativeInfinity;
        int likeliest = 0;
        for (int c = 0; c < Classes; c++)
        {
            if (scores[c] > top)
            {
                (top, likeliest) = (scores[c], c);
            }
        }

        if (likeliest == 0)
        {
            return null;
        }

        double sum = 0, positive = 0, negative = 0;
        for (int c = 0; c < Classes; c++)
        {
            scores[c] = Math.Exp(scores[c] - top);
            sum += scores[c];
            if (c > 0 && ((Stance)(c - 1)).Polarity() > 0)
            {
                positive += scores[c];
            }
            else if (c > 0)
            {
                negative += scores[c];
            }
        }

        int best = 0;
        for (int c = 1; c < Classes; c++)
        {
            if (((Stance)(c - 1)).Polarity() > 0 == positive >= negative && (best == 0 || scores[c] > scores[best]))
            {
                best = c;
            }
        }

        double probability = 1 - (scores[0] / sum);
        if (probability < minimum)
        {
            return null;
        }

        // The words shown to the curator: the features that speak most for this stance against no claim, up to three that do not
        // overlap, of two characters or more, or a single one when there is no longer (a lone Chinese character seldom says
        // anything); the strongest first, where the holder is looked for.
        var candidates = new List<(bool Short, double NegatedLift, int Start, int End)>(scratch.Count);
        for (int i = 0; i < scratch.Count; i++)
        {
            var (row, start, end) = scratch.Features[i];
            // Only words that speak for the stance: one that argues against it is no reason to show.
            double lift = weights[(row * Classes) + best] - weights[row * Classes];
            if (lift > 0)
            {
                candidates.Add((end - start < 2, -lift, start, end));
            }
        }

        candidates.Sort();
        var words = new List<(int Start, int End)>(MaxWords);
        foreach (var (isShort, _, start, end) in candidates)
        {
            if (isShort && words.Count > 0)
            {
                break;
            }

            if (words.Count < MaxWords && !words.Any(w => w.Start - offset < end && start < w.End - offset))
            {
                words.Add((offset + start, offset + end));
            }
        }

        return new StanceReading((Stance)(best - 1), probability, words);
    }

    /// <summary>The class of a passage: the stance of the claim that covers most of it, or 0 when none does.</summary>
    private static int Label(TextSpan passage, IReadOnlyList<CuratedStance> claims)
    {
        int label = 0, most = 0;
        foreach (var claim in claims)
        {
            int overlap = Math.Min(passage.End, claim.Span.End) - Math.Max(passage.Start, claim.Span.Start);
            if (overlap > most)
            {
                (label, most) = ((int)claim.Stance + 1, overlap);
            }
        }

        return label;
    }

    /// <summary>0 for a passage with Chinese characters, 1 for one of a spaced script.</summary>
    private static int ScriptOf(ReadOnlySpan<char> passage) => CharClass.HasHan(passage) ? 0 : 1;

    /// <summary>
    /// What was learned from the passages of one script: a bias per class and, for each feature, its row of <see cref="Weights"/>
    /// (one weight per class).
    /// </summary>
    private sealed record Script(FeatureTable Rows, float[] Weights, double[] Bias, int Passages, int ClaimPassages);

    /// <summary>
    /// Feature hash to row, open-addressed with linear probing at most half full: looked up for every word of every passage
    /// read, where a general dictionary's comparer and buckets cost more than the rest of the reading.
    /// </summary>
    private sealed class FeatureTable
    {
        private readonly ulong[] _keys;
        private readonly int[] _rows;
        private readonly int _mask;

        public FeatureTable(Dictionary<ulong, int> rows)
        {
            int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, rows.Count * 2));
            (_keys, _rows, _mask) = (new ulong[size], new int[size], size - 1);
            foreach (var (feature, row) in rows)
            {
                int slot = Slot(feature);
                while (_keys[slot] != 0)
                {
                    slot = (slot + 1) & _mask;
                }

                (_keys[slot], _rows[slot]) = (Key(feature), row);
            }
        }

        public bool TryGetValue(ulong feature, out int row)
        {
            ulong key = Key(feature);
            for (int slot = Slot(feature); _keys[slot] != 0; slot = (slot + 1) & _mask)
            {
                if (_keys[slot] == key)
                {
                    row = _rows[slot];
                    return true;
                }
            }

            row = -1;
            return false;
        }

        /// <summary>0 marks a free slot, so a feature hashed to 0 is kept as 1 (a collision the model can afford).</summary>
        private static ulong Key(ulong feature) => feature == 0 ? 1 : feature;

        private int Slot(ulong feature) => (int)(Key(feature) >> 32) & _mask;
    }

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>
    /// The features of the passage being read: each known one once, with its row and where it stands. A row is a feature, so
    /// "seen in this reading" is the row's mark equal to the reading's number: nothing to clear between readings.
    /// </summary>
    private sealed class Scratch
    {
        private int[] _marks = [];
        private int _reading;

        public (int Row, int Start, int End)[] Features { get; private set; } = new (int, int, int)[128];

        public int Count { get; private set; }

        /// <summary>Starts a reading by a script of <paramref name="rows"/> features.</summary>
        public void Begin(int rows)
        {
            if (_marks.Length < rows || _reading == int.MaxValue)
            {
                _marks = new int[Math.Max(rows, _marks.Length)];
                _reading = 0;
            }

            _reading++;
            Count = 0;
        }

        /// <summary>Adds the feature of this row unless the reading has it already.</summary>
        public bool Add(int row, int start, int end)
        {
            if (_marks[row] == _reading)
            {
                return false;
            }

            _marks[row] = _reading;
            if (Count == Features.Length)
            {
                var features = Features;
                Array.Resize(ref features, Count * 2);
                Features = features;
            }

            Features[Count++] = (row, start, end);
            return true;
        }
    }

    /// <summary>The passages of one script, as feature sets with their class, until fitted.</summary>
    private sealed class Examples
    {
        private readonly Dictionary<ulong, int> _ids = [];
        private readonly List<(int[] Features, int Label)> _passages = [];

        public void Add(HashSet<ulong> features, int label)
        {
            var ids = new int[features.Count];
            int i = 0;
            foreach (var feature in features)
            {
                if (!_ids.TryGetValue(feature, out int id))
                {
                    _ids[feature] = id = _ids.Count;
                }

                ids[i++] = id;
            }

            _passages.Add((ids, label));
        }

        /// <summary>
        /// Fits the weights by stochastic gradient descent on the cross-entropy, with AdaGrad steps and a little L2; null when no
        /// passage of the script holds a claim.
        /// </summary>
        public Script? Fit()
        {
            int claims = _passages.Count(p => p.Label != 0);
            if (claims == 0)
            {
                return null;
            }

            // A feature of one passage teaches nothing that generalises, and every row kept is memory each reading walks through.
            var occurrences = new int[_ids.Count];
            foreach (var (features, _) in _passages)
            {
                foreach (int f in features)
                {
                    occurrences[f]++;
                }
            }

            var kept = new Dictionary<ulong, int>();
            var row = new int[_ids.Count];
            foreach (var (feature, id) in _ids)
            {
                row[id] = -1;
                if (occurrences[id] >= MinOccurrences)
                {
                    row[id] = kept.Count;
                    kept.Add(feature, row[id]);
                }
            }

            var order = _passages.Select(p => (Features: p.Features.Select(f => row[f]).Where(r => r >= 0).ToArray(), p.Label)).ToArray();
            int bias = kept.Count * Classes;
            var weights = new double[bias + Classes];
            var squares = new double[weights.Length];
            var random = new Random(17);
            Span<double> p = stackalloc double[Classes];
            for (int epoch = 0; epoch < Epochs; epoch++)
            {
                random.Shuffle(order);
                foreach (var (features, label) in order)
                {
                    double top = double.NegativeInfinity;
                    for (int c = 0; c < Classes; c++)
                    {
                        double score = weights[bias + c];
                        foreach (int f in features)
                        {
                            score += weights[(f * Classes) + c];
                        }

                        p[c] = score;
                        top = Math.Max(top, score);
                    }

                    double sum = 0;
                    for (int c = 0; c < Classes; c++)
                    {
                        p[c] = Math.Exp(p[c] - top);
                        sum += p[c];
                    }

                    for (int c = 0; c < Classes; c++)
                    {
                        double gradient = (p[c] / sum) - (c == label ? 1 : 0);
                        Step(weights, squares, bias + c, gradient);
                        foreach (int f in features)
                        {
                            int w = (f * Classes) + c;
                            Step(weights, squares, w, gradient + (L2 * weights[w]));
                        }
                    }
                }
            }

            var rows = new FeatureTable(kept);
            var packed = new float[bias];
            for (int i = 0; i < packed.Length; i++)
            {
                packed[i] = (float)weights[i];
            }

            return new Script(rows, packed, weights[bias..], _passages.Count, claims);
        }

        private static void Step(double[] weights, double[] squares, int w, double gradient)
        {
            squares[w] += gradient * gradient;
            weights[w] -= LearningRate * gradient / (Math.Sqrt(squares[w]) + 1e-8);
        }
    }

    /// <summary>Takes the features of a passage as they are read: a feature's hash and where it stands (UTF-16, in the passage).</summary>
    private interface IFeatureSink
    {
        void Add(ulong feature, int start, int end);
    }

    /// <summary>Collects the features of a passage to learn from, each once.</summary>
    private readonly struct CollectingSink(HashSet<ulong> seen) : IFeatureSink
    {
        public void Add(ulong feature, int start, int end) => seen.Add(feature);
    }

    /// <summary>Adds the weights of each known feature, once, to the scores of the classes, and keeps it for the cue.</summary>
    private ref struct ScoringSink(Script script, Scratch scratch, Span<double> scores) : IFeatureSink
    {
        private readonly Span<double> _scores = scores;

        public readonly void Add(ulong feature, int start, int end)
        {
            if (!script.Rows.TryGetValue(feature, out int row) || !scratch.Add(row, start, end))
            {
                return;
            }

            var weights = script.Weights.AsSpan(row * Classes, Classes);
            for (int c = 0; c < Classes; c++)
            {
                _scores[c] += weights[c];
            }
        }
    }

    /// <summary>
    /// Reads a passage's features in order: each Chinese character and each pair of adjacent ones; each lower-cased word of
    /// letters or digits (pairs of words added nothing on the development set and cost a third of the reading). Features are
    /// 64-bit FNV-style hashes. Generic over the sink, so that each use is compiled with its sink inlined: this runs over every
    /// passage no rule covers.
    /// </summary>
    private static void ReadFeatures<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : IFeatureSink, allows ref struct
    {
        ulong previous = 0;
        int previousStart = -1;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c < 128 ? AsciiKinds[c] == AsciiWord : IsWordCharacter(c))
            {
                int start = i;
                bool ascii = c < 128;
                while (++i < text.Length)
                {
                    c = text[i];
                    if (c < 128 ? AsciiKinds[c] < AsciiJoiner : !(c == '’' || IsWordCharacter(c)))
                    {
                        break;
                    }

                    ascii &= c < 128;
                }

                sink.Add(ascii ? HashAscii(text[start..i]) : Hash(text[start..i]), start, i);
                previousStart = -1;
                continue;
            }

            if (CharClass.IsHan(c))
            {
                ulong single = Mix(Offset, c);
                sink.Add(single, i, i + 1);
                if (previousStart >= 0)
                {
                    sink.Add((previous * Prime) ^ System.Numerics.BitOperations.RotateLeft(single, 17), previousStart, i + 1);
                }

                (previous, previousStart) = (single, i);
            }
            else if (c < 128 ? AsciiKinds[c] != AsciiSpace : !char.IsWhiteSpace(c))
            {
                // Punctuation parts pairs; white space between words does not.
                previousStart = -1;
            }

            i++;
        }
    }

    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>
    /// An ASCII word, lower-cased as it is hashed four characters at a time: OR 0x20 lowers a letter and leaves digits, ' and -
    /// as they are; the rotation carries each step's high bits into the next multiplication.
    /// </summary>
    private static ulong HashAscii(ReadOnlySpan<char> word)
    {
        ulong hash = Offset;
        var chunks = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ulong>(word);
        foreach (ulong chunk in chunks)
        {
            hash = System.Numerics.BitOperations.RotateLeft((hash ^ (chunk | 0x0020_0020_0020_0020)) * Prime, 29);
        }

        foreach (char c in word[(chunks.Length * 4)..])
        {
            hash = System.Numerics.BitOperations.RotateLeft((hash ^ (uint)(c | 0x20)) * Prime, 29);
        }

        return hash;
    }

    /// <summary>Any other word, lower-cased character by character.</summary>
    private static ulong Hash(ReadOnlySpan<char> word)
    {
        ulong hash = Offset;
        foreach (char c in word)
        {
            hash = Mix(hash, c < 128 ? (char)(c | 0x20) : char.ToLowerInvariant(c));
        }

        return hash;
    }

    private const byte AsciiSpace = 0;
    private const byte AsciiJoiner = 2;
    private const byte AsciiWord = 3;

    /// <summary>Per ASCII character: 0 white space, 1 punctuation, 2 a joiner inside a word (' and -), 3 a letter or digit.</summary>
    private static ReadOnlySpan<byte> AsciiKinds =>
    [
        1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        0, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 2, 1, 1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1,
        1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1, 1, 1, 1,
        1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1, 1, 1, 1,
    ];

    /// <summary>A letter or digit of a spaced script outside ASCII: anything but a Chinese character, by its category.</summary>
    private static bool IsWordCharacter(char c) =>
        char.IsLetterOrDigit(c) && !CharClass.IsHan(c);

    private static ulong Mix(ulong hash, char c) => (hash ^ c) * Prime;
}
