using Microsoft.EntityFrameworkCore;
using Tracker.Data;

namespace Tracker.Web.Infrastructure;

/// <summary>
/// Opens the request's database connection before the request is checked and keeps it until the context is
/// disposed with the request. A read endpoint makes ten queries or so (names while validating, then rows, names,
/// quotes); opened and closed around each, the pooled connection ran the pragmas (<c>SqlitePragmas</c>) every time.
/// </summary>
public static class OneConnection
{
    public static TBuilder WithOneConnection<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<TrackerDbContext>();
            await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
            return await next(context);
        });
}
