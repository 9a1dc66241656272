using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Tracker.Web.Features.Positions;

/// <summary>
/// The matrix as <c>format=cells</c>: actors and topics listed once, then one short array per filled cell that
/// points into them, and no quotes or document titles (a client shows them on hover from GET /api/claims/{id}).
/// Every actor × the top topics is thousands of cells; as objects each one repeats its field names, topic and
/// document, which made the JSON four times larger and its writing most of the request's time.
/// </summary>
public static class MatrixCells
{
    public const string Format = "cells";

    /// <summary>What each cell array holds, in order; claimTopic is the claim's own topic slug where rollup put it under an ancestor, else null.</summary>
    public static readonly string[] Fields = ["actor", "topic", "claimId", "stance", "polarity", "intensity", "negated", "issuedOn", "documentId", "claimTopic"];

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static bool Wanted(string? format) => string.Equals(format, Format, StringComparison.OrdinalIgnoreCase);

    public static async Task WriteAsync(PositionMatrixDto matrix, Stream output, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteString("asOf", matrix.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteBoolean("rollup", matrix.Rollup);
        json.WriteStartArray("actors");
        foreach (var actor in matrix.Actors)
        {
            json.WriteStartObject();
            json.WriteString("slug", actor.Slug);
            json.WriteString("name", actor.Name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("topics");
        foreach (var topic in matrix.Topics)
        {
            json.WriteStartObject();
            json.WriteString("slug", topic.Slug);
            json.WriteString("label", topic.Label);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("fields");
        foreach (var field in Fields)
        {
            json.WriteStringValue(field);
        }

        json.WriteEndArray();
        json.WriteStartArray("cells");
        for (var row = 0; row < matrix.Rows.Count; row++)
        {
            var positions = matrix.Rows[row].Positions;
            for (var column = 0; column < positions.Count; column++)
            {
                if (positions[column] is not { } p)
                {
                    continue;
                }

                json.WriteStartArray();
                json.WriteNumberValue(row);
                json.WriteNumberValue(column);
                json.WriteNumberValue(p.ClaimId);
                json.WriteStringValue(p.Stance);
                json.WriteNumberValue(p.Polarity);
                json.WriteNumberValue(p.Intensity);
                json.WriteBooleanValue(p.Negated);
                json.WriteStringValue(p.IssuedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteNumberValue(p.Document.Id);
                if (p.Topic.Slug == matrix.Topics[column].Slug)
                {
                    json.WriteNullValue();
                }
                else
                {
                    json.WriteStringValue(p.Topic.Slug);
                }

                json.WriteEndArray();
            }

            if (json.BytesPending > 16 * 1024)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }
}
