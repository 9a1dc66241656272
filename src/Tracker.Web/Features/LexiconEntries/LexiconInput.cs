namespace Tracker.Web.Features.LexiconEntries;

/// <summary>The fields of the lexicon forms (add and edit).</summary>
public sealed class LexiconInput
{
    public string? Language { get; set; }
    public string? Kind { get; set; }
    public string? Key { get; set; }
    public string? Text { get; set; }

    public SaveLexiconEntryRequest ToRequest() => new(Language, Kind, string.IsNullOrWhiteSpace(Key) ? null : Key.Trim(), Text);

    /// <summary>The form field of a validator's property ("text" → "Input.Text").</summary>
    public static string Field(string property) =>
        property.Length == 0 ? "" : "Input." + char.ToUpperInvariant(property[0]) + property[1..];
}
