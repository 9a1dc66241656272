using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tracker.Web.Features.Actors;
using Tracker.Web.Features.Topics;

namespace Tracker.Web.Features.Positions;

/// <summary>
/// The full matrix and the timeline as JSON, written field by field: the same bytes as the serializer writes for
/// <see cref="PositionMatrixDto"/> and <see cref="TimelineDto"/> with the app's options (a test holds them equal),
/// in about half the time. A matrix of 50 × 100 cells is 1.5 MB of JSON, and the serializer's walk over a record
/// per cell, topic and document was a fifth of composing it. Written into the response's pipe (pooled buffers) and
/// sent with one flush, as <see cref="Infrastructure.BufferedJson"/> does.
/// </summary>
public static class PositionJson
{
    private static readonly JsonEncodedText AsOf = JsonEncodedText.Encode("asOf");
    private static readonly JsonEncodedText Rollup = JsonEncodedText.Encode("rollup");
    private static readonly JsonEncodedText Actors = JsonEncodedText.Encode("actors");
    private static readonly JsonEncodedText Topics = JsonEncodedText.Encode("topics");
    private static readonly JsonEncodedText Rows = JsonEncodedText.Encode("rows");
    private static readonly JsonEncodedText Actor = JsonEncodedText.Encode("actor");
    private static readonly JsonEncodedText Positions = JsonEncodedText.Encode("positions");
    private static readonly JsonEncodedText Slug = JsonEncodedText.Encode("slug");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
    private static readonly JsonEncodedText ClaimId = JsonEncodedText.Encode("claimId");
    private static readonly JsonEncodedText Stance = JsonEncodedText.Encode("stance");
    private static readonly JsonEncodedText Polarity = JsonEncodedText.Encode("polarity");
    private static readonly JsonEncodedText Intensity = JsonEncodedText.Encode("intensity");
    private static readonly JsonEncodedText Negated = JsonEncodedText.Encode("negated");
    private static readonly JsonEncodedText Topic = JsonEncodedText.Encode("topic");
    private static readonly JsonEncodedText IssuedOn = JsonEncodedText.Encode("issuedOn");
    private static readonly JsonEncodedText Document = JsonEncodedText.Encode("document");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText Quote = JsonEncodedText.Encode("quote");
    private static readonly JsonEncodedText Total = JsonEncodedText.Encode("total");
    private static readonly JsonEncodedText First = JsonEncodedText.Encode("first");
    private static readonly JsonEncodedText Entries = JsonEncodedText.Encode("entries");
    private static readonly JsonEncodedText Change = JsonEncodedText.Encode("change");
    private static readonly JsonEncodedText Position = JsonEncodedText.Encode("position");
    private static readonly JsonEncodedText Points = JsonEncodedText.Encode("points");
    private static readonly JsonEncodedText DocumentId = JsonEncodedText.Encode("documentId");

    public static Task WriteAsync(HttpContext http, PositionMatrixDto matrix, CancellationToken cancellationToken) =>
        WriteAsync(http, json => Write(json, matrix), cancellationToken);

    public static Task WriteAsync(HttpContext http, TimelineDto timeline, CancellationToken cancellationToken) =>
        WriteAsync(http, json => Write(json, timeline), cancellationToken);

    private static async Task WriteAsync(HttpContext http, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        http.Response.ContentType = "application/json; charset=utf-8";
        using (var json = new Utf8JsonWriter(http.Response.BodyWriter, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, SkipValidation = true }))
        {
            write(json);
        }

        await http.Response.BodyWriter.FlushAsync(cancellationToken);
    }

    public static void Write(Utf8JsonWriter json, TimelineDto timeline)
    {
        json.WriteStartObject();
        json.WritePropertyName(Topic);
        WriteTopic(json, timeline.Topic);
        json.WritePropertyName(Actor);
        if (timeline.Actor is { } actor)
        {
            WriteActor(json, actor);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteBoolean(Rollup, timeline.Rollup);
        json.WriteNumber(Total, timeline.Total);
        json.WriteNumber(First, timeline.First);
        json.WriteStartArray(Entries);
        foreach (var entry in timeline.Entries)
        {
            json.WriteStartObject();
            WriteDate(json, IssuedOn, entry.IssuedOn);
            json.WritePropertyName(Document);
            WriteDocument(json, entry.Document);
            json.WritePropertyName(Actor);
            WriteActor(json, entry.Actor);
            json.WriteString(Change, entry.Change);
            json.WritePropertyName(Position);
            if (entry.Position is { } position)
            {
                WritePosition(json, position);
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray(Actors);
        foreach (var listed in timeline.Actors)
        {
            WriteActor(json, listed);
        }

        json.WriteEndArray();
        var points = timeline.Points;
        json.WriteStartObject(Points);
        json.WriteStartArray(IssuedOn);
        foreach (var day in points.IssuedOn)
        {
            WriteDate(json, day);
        }

        json.WriteEndArray();
        WriteNumbers(json, Actor, points.Actor);
        WriteNumbers(json, DocumentId, points.DocumentId);
        WriteStrings(json, Change, points.Change);
        WriteStrings(json, Stance, points.Stance);
        json.WriteStartArray(Negated);
        foreach (var negated in points.Negated)
        {
            if (negated is { } value)
            {
                json.WriteBooleanValue(value);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
        WriteNumbers(json, Polarity, points.Polarity);
        WriteNumbers(json, Intensity, points.Intensity);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteNumbers(Utf8JsonWriter json, JsonEncodedText name, IReadOnlyList<int> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter json, JsonEncodedText name, IReadOnlyList<int?> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            if (value is { } number)
            {
                json.WriteNumberValue(number);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, JsonEncodedText name, IReadOnlyList<string?> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    public static void Write(Utf8JsonWriter json, PositionMatrixDto matrix)
    {
        json.WriteStartObject();
        WriteDate(json, AsOf, matrix.AsOf);
        json.WriteBoolean(Rollup, matrix.Rollup);
        json.WriteStartArray(Actors);
        foreach (var actor in matrix.Actors)
        {
            WriteActor(json, actor);
        }

        json.WriteEndArray();
        json.WriteStartArray(Topics);
        foreach (var topic in matrix.Topics)
        {
            WriteTopic(json, topic);
        }

        json.WriteEndArray();
        json.WriteStartArray(Rows);
        foreach (var row in matrix.Rows)
        {
            json.WriteStartObject();
            json.WritePropertyName(Actor);
            WriteActor(json, row.Actor);
            json.WriteStartArray(Positions);
            foreach (var position in row.Positions)
            {
                if (position is null)
                {
                    json.WriteNullValue();
                }
                else
                {
                    WritePosition(json, position);
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter json, PositionDto p)
    {
        json.WriteStartObject();
        json.WriteNumber(ClaimId, p.ClaimId);
        json.WriteString(Stance, p.Stance);
        json.WriteNumber(Polarity, p.Polarity);
        json.WriteNumber(Intensity, p.Intensity);
        json.WriteBoolean(Negated, p.Negated);
        json.WritePropertyName(Topic);
        WriteTopic(json, p.Topic);
        WriteDate(json, IssuedOn, p.IssuedOn);
        json.WritePropertyName(Document);
        WriteDocument(json, p.Document);
        if (p.Quote is { } quote)
        {
            json.WriteString(Quote, quote);
        }

        json.WriteEndObject();
    }

    private static void WriteDocument(Utf8JsonWriter json, DocumentRef document)
    {
        json.WriteStartObject();
        json.WriteNumber(Id, document.Id);
        if (document.Title is { } title)
        {
            json.WriteString(Title, title);
        }

        WriteDate(json, IssuedOn, document.IssuedOn);
        json.WriteEndObject();
    }

    private static void WriteActor(Utf8JsonWriter json, ActorRef actor)
    {
        json.WriteStartObject();
        json.WriteString(Slug, actor.Slug);
        json.WriteString(Name, actor.Name);
        json.WriteEndObject();
    }

    private static void WriteTopic(Utf8JsonWriter json, TopicRef topic)
    {
        json.WriteStartObject();
        json.WriteString(Slug, topic.Slug);
        json.WriteString(Label, topic.Label);
        json.WriteEndObject();
    }

    // "yyyy-MM-dd" as the serializer writes a DateOnly, without a string per date.
    private static void WriteDate(Utf8JsonWriter json, JsonEncodedText name, DateOnly date)
    {
        Span<byte> text = stackalloc byte[10];
        date.TryFormat(text, out _, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        json.WriteString(name, text);
    }

    private static void WriteDate(Utf8JsonWriter json, DateOnly date)
    {
        Span<byte> text = stackalloc byte[10];
        date.TryFormat(text, out _, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        json.WriteStringValue(text);
    }
}
