using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Tracker.Web.Infrastructure;

/// <summary>
/// Writes a large JSON answer into the response's pipe in one go and sends it with one flush. The default result
/// serializes asynchronously and flushes every few kilobytes, and each flush is a trip through Kestrel: a matrix
/// of 1.9 MB made about a hundred of them, which cost more than composing the matrix. The pipe's buffers are
/// pooled, so nothing large is allocated. Same options (and so the same JSON) as the default result.
/// </summary>
public static class BufferedJson
{
    public static async Task WriteAsync<T>(HttpContext http, T value, CancellationToken cancellationToken)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        http.Response.ContentType = "application/json; charset=utf-8";
        using (var json = new Utf8JsonWriter(http.Response.BodyWriter, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, SkipValidation = true }))
        {
            JsonSerializer.Serialize(json, value, options);
        }

        await http.Response.BodyWriter.FlushAsync(cancellationToken);
    }
}
