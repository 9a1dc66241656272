namespace Tracker.Text;

/// <summary>
/// The <c>KEY: value</c> block that corpus files start with, ended by a line of '=' characters.
/// </summary>
public sealed class CorpusHeader
{
    private const int MinRuleLength = 3;
    private const int MaxKeyLength = 40;

    private CorpusHeader(IReadOnlyDictionary<string, string> fields, string body, int bodyStart)
    {
        Fields = fields;
        Body = body;
        BodyStart = bodyStart;
    }

    /// <summary>Header fields by key, case-insensitive ("Title" finds TITLE).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>The text after the '=' line, unchanged; the whole text when there is no header.</summary>
    public string Body { get; }

    /// <summary>Where <see cref="Body"/> starts in the parsed text, in code points.</summary>
    public int BodyStart { get; }

    public bool HasHeader => Fields.Count > 0;

    public string? this[string key] => Fields.TryGetValue(key, out var value) ? value : null;

    public static CorpusHeader Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? lastKey = null;
        int position = text.StartsWith('\uFEFF') ? 1 : 0;

        while (position < text.Length)
        {
            int newline = text.IndexOf('\n', position);
            int lineEnd = newline < 0 ? text.Length : newline;
            int next = newline < 0 ? text.Length : newline + 1;
            var line = text.AsSpan(position, lineEnd - position).TrimEnd('\r');

            if (IsRule(line))
            {
                if (fields.Count == 0)
                {
                    break;
                }

                return new CorpusHeader(fields, text[next..], CodePointIndex.CountCodePoints(text.AsSpan(0, next)));
            }

            if (lastKey is not null && line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                // A folded line continues the previous value, as in mail headers.
                fields[lastKey] = $"{fields[lastKey]} {line.Trim().ToString()}";
            }
            else if (TrySplitField(line, out var key, out var value))
            {
                fields.TryAdd(key, value);
                lastKey = key;
            }
            else
            {
                break;
            }

            position = next;
        }

        return new CorpusHeader(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), text, 0);
    }

    private static bool IsRule(ReadOnlySpan<char> line)
    {
        var trimmed = line.TrimEnd();
        return trimmed.Length >= MinRuleLength && !trimmed.ContainsAnyExcept('=');
    }

    private static bool TrySplitField(ReadOnlySpan<char> line, out string key, out string value)
    {
        key = value = "";
        int colon = line.IndexOf(':');
        if (colon <= 0 || colon > MaxKeyLength || !char.IsAsciiLetter(line[0]))
        {
            return false;
        }

        var name = line[..colon].TrimEnd();
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not (' ' or '_' or '-'))
            {
                return false;
            }
        }

        key = name.ToString();
        value = line[(colon + 1)..].Trim().ToString();
        return true;
    }
}
