using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain;
using Tracker.Domain.Actors;
using Tracker.Domain.Topics;

namespace Tracker.Web.Infrastructure;

/// <summary>
/// Resolves the names people type to actors and topics: a slug, or any alias in any language ("中方", "U.S.",
/// "Российская Федерация"). Look-ups are remembered for the request, so validators and handlers can both ask.
/// </summary>
public sealed class NameDirectory(TrackerDbContext db)
{
    /// <summary>
    /// Set by endpoints that only read (<see cref="NameDirectoryExtensions.WithReadOnlyNames{TBuilder}"/>): the
    /// entities are then not tracked. A matrix names 150 actors and topics with their aliases, and tracking them cost
    /// more than reading them; an endpoint that writes relates claims to the tracked entities it resolved.
    /// </summary>
    public bool ReadOnly { get; set; }

    private IQueryable<Actor> Actors => ReadOnly ? db.Actors.AsNoTracking() : db.Actors;

    private IQueryable<Topic> Topics => ReadOnly ? db.Topics.AsNoTracking() : db.Topics;

    private readonly Dictionary<string, Resolution<Actor>> _actors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Resolution<Topic>> _topics = new(StringComparer.Ordinal);

    public async Task<Resolution<Actor>> ActorAsync(string name, CancellationToken cancellationToken)
    {
        if (_actors.TryGetValue(name, out var known))
        {
            return known;
        }

        var slug = name.Trim();
        var bySlug = await Actors.Include(a => a.Aliases).SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        var resolution = bySlug is not null
            ? Resolution.Found(bySlug)
            : Resolution.From(await ActorsByAliasAsync(name, cancellationToken));
        _actors[name] = resolution;
        return resolution;
    }

    public async Task<Resolution<Topic>> TopicAsync(string name, CancellationToken cancellationToken)
    {
        if (_topics.TryGetValue(name, out var known))
        {
            return known;
        }

        var slug = name.Trim();
        var bySlug = await Topics.Include(t => t.Aliases).SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        Resolution<Topic> resolution;
        if (bySlug is not null)
        {
            resolution = Resolution.Found(bySlug);
        }
        else
        {
            var key = AliasKey.From(name);
            var ids = await db.TopicAliases.Where(a => a.Key == key).Select(a => a.TopicId).Distinct().ToListAsync(cancellationToken);
            resolution = Resolution.From(await Topics.Include(t => t.Aliases).Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken));
        }

        _topics[name] = resolution;
        return resolution;
    }

    /// <summary>
    /// Resolves the names that are slugs in one query, so a matrix of 50 actors costs one look-up instead of 50;
    /// the rest are left to <see cref="ActorAsync"/>, one by one.
    /// </summary>
    public async Task PrefetchActorsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var slugs = names.Where(n => !_actors.ContainsKey(n)).Select(n => n.Trim()).Distinct().ToList();
        if (slugs.Count > 1)
        {
            var found = await Actors.Include(a => a.Aliases).Where(a => EF.Parameter(slugs).Contains(a.Slug)).ToDictionaryAsync(a => a.Slug, cancellationToken);
            foreach (var name in names.Where(n => found.ContainsKey(n.Trim())))
            {
                _actors[name] = Resolution.Found(found[name.Trim()]);
            }
        }
    }

    /// <summary>The topics' counterpart of <see cref="PrefetchActorsAsync"/>.</summary>
    public async Task PrefetchTopicsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var slugs = names.Where(n => !_topics.ContainsKey(n)).Select(n => n.Trim()).Distinct().ToList();
        if (slugs.Count > 1)
        {
            var found = await Topics.Include(t => t.Aliases).Where(t => EF.Parameter(slugs).Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, cancellationToken);
            foreach (var name in names.Where(n => found.ContainsKey(n.Trim())))
            {
                _topics[name] = Resolution.Found(found[name.Trim()]);
            }
        }
    }

    private async Task<List<Actor>> ActorsByAliasAsync(string name, CancellationToken cancellationToken)
    {
        var key = AliasKey.From(name);
        var ids = await db.ActorAliases.Where(a => a.Key == key).Select(a => a.ActorId).Distinct().ToListAsync(cancellationToken);
        return await Actors.Include(a => a.Aliases).Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
    }
}

/// <summary>What a name resolved to: one entity, none, or several (an alias two entities share).</summary>
public sealed record Resolution<T>(T? Entity, IReadOnlyList<T> Candidates)
    where T : class
{
    public bool IsFound => Entity is not null;
    public bool IsAmbiguous => Entity is null && Candidates.Count > 1;

    /// <summary>The 404 for a name that found nothing, or that found several and so cannot be used.</summary>
    public ProblemDetails NotFound(string name, string what, Func<T, string> slug) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found",
        Detail = IsAmbiguous
            ? $"'{name}' names several {what}s: {string.Join(", ", Candidates.Select(slug))}."
            : $"No {what} is called '{name}'.",
    };
}

public static class Resolution
{
    public static Resolution<T> Found<T>(T entity)
        where T : class => new(entity, [entity]);

    public static Resolution<T> From<T>(IReadOnlyList<T> candidates)
        where T : class => new(candidates.Count == 1 ? candidates[0] : null, candidates);
}

public static class NameDirectoryExtensions
{
    /// <summary>The endpoints only read: the names they resolve are not tracked (<see cref="NameDirectory.ReadOnly"/>).</summary>
    public static TBuilder WithReadOnlyNames<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) =>
        {
            context.HttpContext.RequestServices.GetRequiredService<NameDirectory>().ReadOnly = true;
            return next(context);
        });
}
