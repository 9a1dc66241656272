using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tracker.Web.Features.Claims;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Export;

public static class ExportApi
{
    public const string JsonLd = "application/ld+json";

    // The Web Annotation context spells its terms in camelCase and keeps "@context" as written.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static void MapExportApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/export").WithTags("Export").RequireAuthorization(Policies.Read);
        group.MapGet("/annotations", AnnotationsAsync)
            .Validate<ClaimFilter>()
            .Produces<AnnotationExport>(contentType: JsonLd)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The claims (document and claims-list filters) as a W3C Web Annotation collection, JSON-LD.");
    }

    private static async Task<JsonHttpResult<AnnotationExport>> AnnotationsAsync(
        HttpContext http, [AsParameters] ClaimFilter filter, ExportAnnotationsHandler handler, CancellationToken cancellationToken)
    {
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var self = $"{baseUrl}{http.Request.Path}{http.Request.QueryString}";
        var collection = await handler.HandleAsync(filter, baseUrl, self, cancellationToken);
        return TypedResults.Json(collection, Json, JsonLd);
    }
}
