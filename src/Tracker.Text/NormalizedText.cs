namespace Tracker.Text;

/// <summary>
/// The normalized body of a raw text and, for every code point of it, the raw code point it came from. Joins
/// and paragraph breaks the normalizer wrote map to the raw line break they replace.
/// </summary>
public sealed class NormalizedText
{
    // map[i] is the raw offset of body code point i; map[Length] is the raw end of the last content.
    private readonly int[] _map;
    private CodePointIndex? _index;

    internal NormalizedText(string body, int[] map, int length)
    {
        Body = body;
        _map = map;
        Length = length;
    }

    public string Body { get; }

    /// <summary>Length of <see cref="Body"/> in code points.</summary>
    public int Length { get; }

    public CodePointIndex Index => _index ??= new CodePointIndex(Body);

    /// <summary>The raw code-point offset that body position <paramref name="position"/> came from.</summary>
    public int ToRaw(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, Length);
        return _map[position];
    }

    /// <summary>
    /// The raw span a body span came from: from the first code point's origin to just after the last one's.
    /// The raw text there equals the body text up to white space, and to markers removed in between.
    /// </summary>
    public TextSpan ToRaw(TextSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(span.End, Length);
        int start = _map[span.Start];
        return span.IsEmpty ? new TextSpan(start, start) : new TextSpan(start, Math.Max(start, _map[span.End - 1] + 1));
    }

    /// <summary>This text, normalized from <paramref name="earlier"/>'s body, mapped through to earlier's raw text.</summary>
    internal NormalizedText ComposeWith(NormalizedText earlier)
    {
        var map = new int[Length + 1];
        for (int i = 0; i <= Length; i++)
        {
            map[i] = earlier._map[_map[i]];
        }

        return new NormalizedText(Body, map, Length);
    }

    public override string ToString() => Body;
}
