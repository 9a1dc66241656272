namespace Tracker.Domain.Actors;

/// <summary>Who takes positions or is the target of one: a state, an organisation, a grouping, a person.</summary>
public class Actor
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public ActorKind Kind { get; set; }

    /// <summary>ISO 3166-1 alpha-3 code for states.</summary>
    public string? IsoCode { get; set; }

    public int? ParentId { get; set; }
    public Actor? Parent { get; set; }

    /// <summary>Names and aliases in every language; one per language is the display name.</summary>
    public List<ActorAlias> Aliases { get; set; } = [];

    public string DisplayName(string language = Languages.English) =>
        Aliases.FirstOrDefault(a => a.IsName && a.Language == language)?.Text
        ?? Aliases.FirstOrDefault(a => a.IsName && a.Language == Languages.English)?.Text
        ?? Aliases.FirstOrDefault(a => a.IsName)?.Text
        ?? Slug;
}

public class ActorAlias
{
    public int Id { get; set; }
    public int ActorId { get; set; }
    public required string Language { get; set; }
    public required string Text { get; set; }

    /// <summary>Folded form used for look-ups, so "U.S." and "u.s." meet.</summary>
    public string Key { get; set; } = "";

    /// <summary>True for the display name of its language.</summary>
    public bool IsName { get; set; }
}
