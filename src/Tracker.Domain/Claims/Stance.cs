namespace Tracker.Domain.Claims;

/// <summary>The eight kinds of position of the codebook.</summary>
public enum Stance
{
    Supports,
    Welcomes,
    Reaffirms,
    CallsFor,
    Commits,
    Concerned,
    Opposes,
    Condemns,
}

public static class StanceRules
{
    /// <summary>+1 for a positive stance toward the topic, −1 for a negative one.</summary>
    public static int Polarity(this Stance stance) => stance switch
    {
        Stance.Concerned or Stance.Opposes or Stance.Condemns => -1,
        _ => 1,
    };

    /// <summary>
    /// The polarity of a claim toward its topic. A negated stance flips it: "应摒弃冷战思维" (calls for, negated)
    /// is a negative position on Cold War mentality. Every comparison goes through here, so the rule lives once.
    /// </summary>
    public static int Polarity(this Stance stance, bool negated) => negated ? -stance.Polarity() : stance.Polarity();

    public static int DefaultIntensity(this Stance stance) => stance switch
    {
        Stance.Welcomes or Stance.Concerned => 1,
        Stance.Condemns => 3,
        _ => 2,
    };

    /// <summary>
    /// Rank on the stance's ladder, weakest first: welcomes &lt; supports &lt; reaffirms/commits and
    /// concerned &lt; opposes &lt; condemns. Calls-for sits with supports: asking for a thing is a plain
    /// positive position, not a stronger one.
    /// </summary>
    public static int LadderRank(this Stance stance) => stance switch
    {
        Stance.Welcomes or Stance.Concerned => 0,
        Stance.Supports or Stance.CallsFor or Stance.Opposes => 1,
        _ => 2,
    };

    /// <summary>The codebook's word for the stance, as used in the API, CSV and seed files.</summary>
    public static string Code(this Stance stance) => stance switch
    {
        Stance.Supports => "supports",
        Stance.Welcomes => "welcomes",
        Stance.Reaffirms => "reaffirms",
        Stance.CallsFor => "calls_for",
        Stance.Commits => "commits",
        Stance.Concerned => "concerned",
        Stance.Opposes => "opposes",
        Stance.Condemns => "condemns",
        _ => throw new ArgumentOutOfRangeException(nameof(stance), stance, null),
    };

    public static IReadOnlyList<string> Codes { get; } = Enum.GetValues<Stance>().Select(Code).ToArray();

    /// <summary>
    /// How a person reads the stance, in English: the code with spaces ("calls for"), or for a negated claim the
    /// words that say what is denied, so the topic can follow ("calls for an end to" Cold War mentality, "opposes
    /// harm to" strategic stability, "commits against" first placement of weapons in outer space). "not opposes"
    /// would read as "does not oppose", the opposite of what the codebook's negation records.
    /// </summary>
    public static string Words(this Stance stance, bool negated = false) => (stance, negated) switch
    {
        (_, false) => stance.Code().Replace('_', ' '),
        (Stance.Supports, true) => "supports action against",
        (Stance.Welcomes, true) => "welcomes action against",
        (Stance.Reaffirms, true) => "reaffirms opposition to",
        (Stance.CallsFor, true) => "calls for an end to",
        (Stance.Commits, true) => "commits against",
        (Stance.Concerned, true) => "concerned for",
        (Stance.Opposes, true) => "opposes harm to",
        (Stance.Condemns, true) => "condemns harm to",
        _ => throw new ArgumentOutOfRangeException(nameof(stance), stance, null),
    };

    /// <summary><see cref="Words(Stance, bool)"/> for a stance code; an unknown code is shown as it is.</summary>
    public static string Words(string code, bool negated = false) =>
        TryParse(code, out var stance) ? stance.Words(negated) : code.Replace('_', ' ');

    private static readonly Stance[] All = Enum.GetValues<Stance>();

    public static bool TryParse(string? code, out Stance stance)
    {
        // Stored codes match exactly: the database's value converter reads one per claim row.
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code, StringComparison.Ordinal))
            {
                stance = candidate;
                return true;
            }
        }

        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                stance = candidate;
                return true;
            }
        }

        stance = default;
        return false;
    }

    public static Stance Parse(string code) =>
        TryParse(code, out var stance) ? stance : throw new ArgumentException($"'{code}' is not a stance; use one of {string.Join(", ", Codes)}.", nameof(code));

    public const int MinIntensity = 1;
    public const int MaxIntensity = 3;
}
