namespace Tracker.Domain.Lexicon;

/// <summary>
/// A curator's decision on one machine suggestion: accepted (it became a claim) or rejected (it is not suggested
/// again). Each remembers the cue that proposed it, so the lexicon page can show how often a cue is right.
/// </summary>
public class SuggestionDecision
{
    public long Id { get; set; }
    public int DocumentId { get; set; }

    /// <summary>The suggested span, in code points, as the suggester proposed it.</summary>
    public int Start { get; set; }
    public int End { get; set; }

    /// <summary>The stance code the suggester proposed.</summary>
    public required string Stance { get; set; }

    /// <summary>The suggested topic's slug, or null when it proposed a new topic named <see cref="TopicLabel"/>.</summary>
    public string? TopicSlug { get; set; }
    public required string TopicLabel { get; set; }

    /// <summary>The cue as it stood in the text ("" when the sentence had none).</summary>
    public required string Cue { get; set; }

    /// <summary>The lexicon entry of the cue; null for a cue-less suggestion or once the entry is deleted.</summary>
    public int? LexiconEntryId { get; set; }
    public LexiconEntry? LexiconEntry { get; set; }

    public bool Accepted { get; set; }

    /// <summary>The suggestion came from the model learned from curated claims, not from a lexicon cue.</summary>
    public bool Learned { get; set; }

    /// <summary>The claim an accepted suggestion became (not a foreign key: deleting the claim keeps the decision).</summary>
    public int? ClaimId { get; set; }
    public required string DecidedBy { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
}
