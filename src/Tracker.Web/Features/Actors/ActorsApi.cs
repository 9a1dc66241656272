using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Actors;

public static class ActorQueries
{
    /// <summary>Actors whose slug or any alias, in any language, contains <paramref name="q"/>; all when it is empty.</summary>
    public static IQueryable<Domain.Actors.Actor> Matching(this IQueryable<Domain.Actors.Actor> actors, string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return actors;
        }

        var key = AliasKey.From(q);
        var slug = q.Trim();
        return actors.Where(a => a.Slug.Contains(slug) || a.Aliases.Any(al => al.Key.Contains(key)));
    }
}

public static class ActorsApi
{
    public static RouteGroupBuilder MapActorsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/actors").WithTags("Actors").RequireAuthorization(Policies.Read);

        group.MapGet("/", ListAsync).WithSummary("List actors; q searches every alias in every language.");
        group.MapGet("/{slug}", GetAsync).WithSummary("One actor by slug or by any alias.");
        group.MapPost("/", CreateAsync).Validate<SaveActorRequest>().RequireAuthorization(Policies.Curate);
        group.MapPut("/{slug}", UpdateAsync).Validate<SaveActorRequest>().RequireAuthorization(Policies.Curate);
        // The handler validates the request itself, as it does for the page.
        group.MapPost("/{slug}/merge", MergeAsync).RequireAuthorization(Policies.Curate)
            .WithSummary("Merge the actor named in `duplicate` into this one: claims, signatures, targets and aliases move; the duplicate is deleted.");
        return group;
    }

    private static async Task<Ok<List<ActorDto>>> ListAsync(TrackerDbContext db, string? q, string? kind, CancellationToken cancellationToken)
    {
        var query = db.Actors.AsNoTracking().Include(a => a.Aliases).Include(a => a.Parent).Matching(q);

        if (Enum.TryParse<Domain.Actors.ActorKind>(kind, ignoreCase: true, out var actorKind))
        {
            query = query.Where(a => a.Kind == actorKind);
        }

        var actors = await query.OrderBy(a => a.Slug).ToListAsync(cancellationToken);
        return TypedResults.Ok(actors.Select(a => a.ToDto()).ToList());
    }

    private static async Task<Results<Ok<ActorDto>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> GetAsync(
        NameDirectory directory, TrackerDbContext db, string slug, CancellationToken cancellationToken)
    {
        var resolution = await directory.ActorAsync(slug, cancellationToken);
        if (resolution.Entity is not { } actor)
        {
            return TypedResults.NotFound(resolution.NotFound(slug, "actor", e => e.Slug));
        }

        await db.Entry(actor).Reference(a => a.Parent).LoadAsync(cancellationToken);
        return TypedResults.Ok(actor.ToDto());
    }

    private static async Task<Created<ActorDto>> CreateAsync(SaveActorRequest request, SaveActorHandler handler, CancellationToken cancellationToken)
    {
        var actor = await handler.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/api/actors/{actor.Slug}", actor);
    }

    private static async Task<Ok<MergeResult>> MergeAsync(string slug, MergeActorRequest request, MergeActorsHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.MergeAsync(slug, request, cancellationToken));

    private static async Task<Ok<ActorDto>> UpdateAsync(string slug, SaveActorRequest request, SaveActorHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.UpdateAsync(slug, request, cancellationToken));
}
