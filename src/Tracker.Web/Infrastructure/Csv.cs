using Microsoft.Net.Http.Headers;

namespace Tracker.Web.Infrastructure;

public static class Csv
{
    /// <summary>CSV is asked for with Accept: text/csv, or format=csv where setting a header is awkward (a link).</summary>
    public static bool Wanted(HttpRequest request, string? format) =>
        string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
        || request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
}
