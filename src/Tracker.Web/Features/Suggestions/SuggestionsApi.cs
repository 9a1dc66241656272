using Microsoft.AspNetCore.Http.HttpResults;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Suggestions;

public static class SuggestionsApi
{
    public static RouteGroupBuilder MapSuggestionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/documents").WithTags("Suggestions").RequireAuthorization(Policies.Read);
        group.MapGet("/{id:int}/suggestions", GetAsync)
            .WithSummary("Claims the lexicon suggests for the document, less those already on it (same topic, overlapping span).");
        return group;
    }

    private static async Task<Results<Ok<List<SuggestionDto>>, NotFound>> GetAsync(int id, SuggestClaimsHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, cancellationToken) is { } suggestions ? TypedResults.Ok(suggestions) : TypedResults.NotFound();
}
