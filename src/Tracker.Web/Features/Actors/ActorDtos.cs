using Tracker.Domain;
using Tracker.Domain.Actors;

namespace Tracker.Web.Features.Actors;

public sealed record ActorDto(
    int Id,
    string Slug,
    string Name,
    string Kind,
    string? Iso,
    string? Parent,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyDictionary<string, string[]> Aliases);

/// <summary>How an actor is referred to inside other resources (holders, signatories, targets).</summary>
public sealed record ActorRef(string Slug, string Name);

public static class ActorMapping
{
    public static ActorDto ToDto(this Actor actor) => new(
        actor.Id,
        actor.Slug,
        actor.DisplayName(),
        actor.Kind.ToString().ToLowerInvariant(),
        actor.IsoCode,
        actor.Parent?.Slug,
        actor.Aliases.Where(a => a.IsName).GroupBy(a => a.Language).ToDictionary(g => g.Key, g => g.First().Text),
        actor.Aliases.Where(a => !a.IsName).GroupBy(a => a.Language).ToDictionary(g => g.Key, g => g.Select(a => a.Text).ToArray()));

    public static ActorRef ToRef(this Actor actor) => new(actor.Slug, actor.DisplayName(Languages.English));
}
