using System.Runtime.CompilerServices;

namespace Tracker.Text.Suggesting;

/// <summary>One occurrence of a pattern, in UTF-16 indexes of the searched text.</summary>
public readonly record struct PatternMatch(int Start, int End, int Pattern)
{
    public int Length => End - Start;
}

/// <summary>
/// Aho–Corasick automaton over many patterns at once: one pass over the text finds every occurrence of every
/// pattern, whatever their number, so the whole lexicon and topic taxonomy cost the same as one pattern.
/// Matching folds case (Latin, Cyrillic) and ё/е, so lexicon entries are written once in lower case.
/// Patterns that begin or end with a letter of a script that writes spaces (Latin, Cyrillic) only match at
/// word boundaries, so "will" does not fire inside "goodwill"; Chinese has no word breaks and matches anywhere.
/// </summary>
public sealed class PatternMatcher
{
    // The root gets a dense table: most characters of a text start nothing, and this is the hot path.
    private readonly int[] _root;

    // Children of the other states in CSR form, keys sorted for a binary search.
    private readonly int[] _childStart;
    private readonly char[] _childKeys;
    private readonly int[] _childTargets;
    private readonly int[] _fail;

    // Full transition rows over ASCII for the states entered by an ASCII character: English text then moves
    // one array read per character, with no failure links to chase. Row 0 is the root's.
    private readonly int[] _asciiRow;
    private readonly int[] _ascii;

    // For each state: the pattern ending exactly there (or −1) and the nearest state on the fail chain that ends one.
    private readonly int[] _output;
    private readonly int[] _outputLink;
    private readonly int[] _patternLength;
    private readonly bool[] _boundedStart;
    private readonly bool[] _boundedEnd;

    public PatternMatcher(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        PatternCount = patterns.Count;
        var children = new List<Dictionary<char, int>> { new() };
        var output = new List<int> { -1 };
        _patternLength = new int[patterns.Count];
        _boundedStart = new bool[patterns.Count];
        _boundedEnd = new bool[patterns.Count];

        for (int p = 0; p < patterns.Count; p++)
        {
            var pattern = patterns[p];
            ArgumentException.ThrowIfNullOrEmpty(pattern, nameof(patterns));
            int state = 0;
            foreach (var c in pattern)
            {
                var key = Fold(c);
                if (!children[state].TryGetValue(key, out var next))
                {
                    next = children.Count;
                    children.Add([]);
                    output.Add(-1);
                    children[state][key] = next;
                }

                state = next;
            }

            // A duplicate pattern keeps the first id; callers merge payloads by text before building.
            if (output[state] < 0)
            {
                output[state] = p;
            }

            _patternLength[p] = pattern.Length;
            _boundedStart[p] = IsSpacedLetter(pattern[0]);
            _boundedEnd[p] = IsSpacedLetter(pattern[^1]);
        }

        int count = children.Count;
        _root = new int[char.MaxValue + 1];
        _childStart = new int[count + 1];
        var keys = new List<char>();
        var targets = new List<int>();
        for (int s = 0; s < count; s++)
        {
            _childStart[s] = keys.Count;
            if (s == 0)
            {
                continue;
            }

            foreach (var pair in children[s].OrderBy(p => p.Key))
            {
                keys.Add(pair.Key);
                targets.Add(pair.Value);
            }
        }

        _childStart[count] = keys.Count;
        _childKeys = [.. keys];
        _childTargets = [.. targets];
        foreach (var pair in children[0])
        {
            _root[pair.Key] = pair.Value;
        }

        _output = [.. output];
        _fail = new int[count];
        _outputLink = new int[count];
        Array.Fill(_outputLink, -1);

        // Breadth-first, so a state's fail target is final before its children need it.
        var queue = new Queue<int>();
        foreach (var child in children[0].Values)
        {
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            int state = queue.Dequeue();
            foreach (var (key, child) in children[state])
            {
                int f = _fail[state];
                int target;
                while ((target = Step(f, key)) < 0)
                {
                    f = _fail[f];
                }

                _fail[child] = target == child ? 0 : target;
                _outputLink[child] = _output[_fail[child]] >= 0 ? _fail[child] : _outputLink[_fail[child]];
                queue.Enqueue(child);
            }
        }

        (_asciiRow, _ascii) = BuildAsciiRows(count, children, _fail, _root);
    }

    public int PatternCount { get; }

    /// <summary>Fills <see cref="_ascii"/> in breadth-first order, so a state's failure row exists before its own.</summary>
    private static (int[] Rows, int[] Table) BuildAsciiRows(int count, List<Dictionary<char, int>> children, int[] fail, int[] root)
    {
        var rows = new int[count];
        Array.Fill(rows, -1);
        var order = new List<int> { 0 };
        rows[0] = 0;
        for (int i = 0; i < order.Count; i++)
        {
            foreach (var (key, child) in children[order[i]])
            {
                if (key < 0x80)
                {
                    rows[child] = order.Count;
                    order.Add(child);
                }
            }
        }

        var table = new int[order.Count * 0x80];
        for (int c = 0; c < 0x80; c++)
        {
            table[c] = root[c];
        }

        for (int i = 1; i < order.Count; i++)
        {
            int state = order[i];
            int failRow = rows[fail[state]];
            for (int c = 0; c < 0x80; c++)
            {
                table[(i * 0x80) + c] = children[state].TryGetValue((char)c, out var next) ? next : table[(failRow * 0x80) + c];
            }
        }

        return (rows, table);
    }

    /// <summary>Appends every occurrence of every pattern in <paramref name="text"/> to <paramref name="matches"/>, ordered by end.</summary>
    public void FindAll(ReadOnlySpan<char> text, List<PatternMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        int state = 0;
        for (int i = 0; i < text.Length; i++)
        {
            var c = Fold(text[i]);
            int row;
            if (c < 0x80 && (row = _asciiRow[state]) >= 0)
            {
                state = _ascii[(row * 0x80) + c];
            }
            else
            {
                int next;
                while ((next = Step(state, c)) < 0)
                {
                    state = _fail[state];
                }

                state = next;
            }

            if (state == 0)
            {
                continue;
            }

            for (int s = _output[state] >= 0 ? state : _outputLink[state]; s >= 0; s = _outputLink[s])
            {
                int pattern = _output[s];
                int start = i + 1 - _patternLength[pattern];
                if ((!_boundedStart[pattern] || start == 0 || !IsSpacedLetter(text[start - 1]))
                    && (!_boundedEnd[pattern] || i + 1 == text.Length || !IsSpacedLetter(text[i + 1])))
                {
                    matches.Add(new PatternMatch(start, i + 1, pattern));
                }
            }
        }
    }

    public List<PatternMatch> FindAll(ReadOnlySpan<char> text)
    {
        var matches = new List<PatternMatch>();
        FindAll(text, matches);
        return matches;
    }

    /// <summary>The next state on <paramref name="c"/>, or −1 when the state has no such edge (the root never fails).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Step(int state, char c)
    {
        if (state == 0)
        {
            return _root[c];
        }

        int lo = _childStart[state], hi = _childStart[state + 1] - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var key = _childKeys[mid];
            if (key == c)
            {
                return _childTargets[mid];
            }

            if (key < c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>Case and the few spelling variants that carry no meaning (curly apostrophes, hyphens, 臺/台), folded to one form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c)
    {
        if (c < 'A')
        {
            return c;
        }

        if (c <= 'Z')
        {
            return (char)(c | 0x20);
        }

        if (c < 0x80)
        {
            return c;
        }

        return c switch
        {
            >= 'А' and <= 'Я' => (char)(c + 0x20),
            'Ё' or 'ё' => 'е',
            >= 'Ѐ' and <= 'Џ' => (char)(c + 0x50),
            '\u2019' or '\u2018' => '\'',
            '\u2010' or '\u2011' => '-',
            // The two spellings of Taiwan's "tai" in traditional script (臺灣, 台灣; 對臺, 對台) are one word.
            '臺' => '台',
            _ => c < 0x100 || (c >= 0x100 && c < 0x250) ? char.ToLowerInvariant(c) : c,
        };
    }

    /// <summary>A letter or digit of a script that separates words by spaces; CJK characters are not.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpacedLetter(char c) =>
        c < 0x80 ? char.IsAsciiLetterOrDigit(c) : (c < 0x530 && char.IsLetterOrDigit(c));
}
