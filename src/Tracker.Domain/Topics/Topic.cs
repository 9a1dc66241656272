namespace Tracker.Domain.Topics;

/// <summary>A node of the topic taxonomy: strategic-stability → missile-defense → golden-dome.</summary>
public class Topic
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public int? ParentId { get; set; }
    public Topic? Parent { get; set; }
    public string? Description { get; set; }
    public List<TopicAlias> Aliases { get; set; } = [];

    public string DisplayName(string language = Languages.English) =>
        Aliases.FirstOrDefault(a => a.IsName && a.Language == language)?.Text
        ?? Aliases.FirstOrDefault(a => a.IsName && a.Language == Languages.English)?.Text
        ?? Aliases.FirstOrDefault(a => a.IsName)?.Text
        ?? Slug;
}

public class TopicAlias
{
    public int Id { get; set; }
    public int TopicId { get; set; }
    public required string Language { get; set; }
    public required string Text { get; set; }
    public string Key { get; set; } = "";
    public bool IsName { get; set; }
}
