namespace Tracker.Domain.Lexicon;

/// <summary>
/// One word or phrase of the suggester's lexicon (seed/lexicon/*.json), kept in the database so curators can
/// extend it. <see cref="Key"/> qualifies the kind: the stance code of a cue, the holder or target key.
/// </summary>
public class LexiconEntry
{
    public int Id { get; set; }
    public required string Language { get; set; }
    public required string Kind { get; set; }
    public string Key { get; set; } = "";
    public required string Text { get; set; }
}

/// <summary>The kinds of lexicon entry, as stored.</summary>
public static class LexiconKinds
{
    public const string Cue = "cue";
    public const string WeakCue = "weak_cue";
    public const string Intensifier = "intensifier";
    public const string Softener = "softener";
    public const string Negation = "negation";
    public const string Holder = "holder";
    public const string Target = "target";
    public const string NotCue = "not_cue";
    public const string Reference = "reference";
    public const string Threat = "threat";
    public const string Action = "action";
}
