using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Topics;

public static class TopicQueries
{
    /// <summary>Topics whose slug or any alias, in any language, contains <paramref name="q"/>; all when it is empty.</summary>
    public static IQueryable<Domain.Topics.Topic> Matching(this IQueryable<Domain.Topics.Topic> topics, string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return topics;
        }

        var key = AliasKey.From(q);
        var slug = q.Trim();
        return topics.Where(t => t.Slug.Contains(slug) || t.Aliases.Any(a => a.Key.Contains(key)));
    }
}

public static class TopicsApi
{
    public static RouteGroupBuilder MapTopicsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/topics").WithTags("Topics").RequireAuthorization(Policies.Read);

        group.MapGet("/", ListAsync).WithSummary("The taxonomy as a flat list (parent slugs); q searches every alias.");
        group.MapGet("/{slug}", GetAsync).WithSummary("One topic by slug or by any alias.");
        group.MapPost("/", CreateAsync).Validate<SaveTopicRequest>().RequireAuthorization(Policies.Curate);
        group.MapPut("/{slug}", UpdateAsync).Validate<SaveTopicRequest>().RequireAuthorization(Policies.Curate);
        // The handler validates the request itself, as it does for the page.
        group.MapPost("/{slug}/merge", MergeAsync).RequireAuthorization(Policies.Curate)
            .WithSummary("Merge the topic named in `duplicate` into this one: claims, subtopics and aliases move; the duplicate is deleted.");
        return group;
    }

    private static async Task<Ok<List<TopicDto>>> ListAsync(TrackerDbContext db, string? q, string? parent, CancellationToken cancellationToken)
    {
        var query = db.Topics.AsNoTracking().Include(t => t.Aliases).Include(t => t.Parent).Matching(q);

        if (!string.IsNullOrWhiteSpace(parent))
        {
            query = query.Where(t => t.Parent != null && t.Parent.Slug == parent);
        }

        var topics = await query.OrderBy(t => t.Slug).ToListAsync(cancellationToken);
        return TypedResults.Ok(topics.Select(t => t.ToDto()).ToList());
    }

    private static async Task<Results<Ok<TopicDto>, NotFound<ProblemDetails>>> GetAsync(
        NameDirectory directory, TrackerDbContext db, string slug, CancellationToken cancellationToken)
    {
        var resolution = await directory.TopicAsync(slug, cancellationToken);
        if (resolution.Entity is not { } topic)
        {
            return TypedResults.NotFound(resolution.NotFound(slug, "topic", e => e.Slug));
        }

        await db.Entry(topic).Reference(t => t.Parent).LoadAsync(cancellationToken);
        return TypedResults.Ok(topic.ToDto());
    }

    private static async Task<Created<TopicDto>> CreateAsync(SaveTopicRequest request, SaveTopicHandler handler, CancellationToken cancellationToken)
    {
        var topic = await handler.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/api/topics/{topic.Slug}", topic);
    }

    private static async Task<Ok<MergeTopicResult>> MergeAsync(string slug, MergeTopicRequest request, MergeTopicsHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.MergeAsync(slug, request, cancellationToken));

    private static async Task<Ok<TopicDto>> UpdateAsync(string slug, SaveTopicRequest request, SaveTopicHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.UpdateAsync(slug, request, cancellationToken));
}
