using Tracker.Domain;
using Tracker.Domain.Topics;

namespace Tracker.Web.Features.Topics;

public sealed record TopicDto(
    int Id,
    string Slug,
    string Name,
    string? Parent,
    string? Description,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyDictionary<string, string[]> Aliases);

/// <summary>How a topic is referred to inside other resources (claims).</summary>
public sealed record TopicRef(string Slug, string Label);

public static class TopicMapping
{
    public static TopicDto ToDto(this Topic topic) => new(
        topic.Id,
        topic.Slug,
        topic.DisplayName(),
        topic.Parent?.Slug,
        topic.Description,
        topic.Aliases.Where(a => a.IsName).GroupBy(a => a.Language).ToDictionary(g => g.Key, g => g.First().Text),
        topic.Aliases.Where(a => !a.IsName).GroupBy(a => a.Language).ToDictionary(g => g.Key, g => g.Select(a => a.Text).ToArray()));

    public static TopicRef ToRef(this Topic topic) => new(topic.Slug, topic.DisplayName(Languages.English));
}
