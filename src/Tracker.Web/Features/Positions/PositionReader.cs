using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tracker.Data;
using Tracker.Domain.Claims;
using Tracker.Domain.Comparison;
using Tracker.Web.Features.Actors;
using Tracker.Web.Features.Topics;

namespace Tracker.Web.Features.Positions;

/// <summary>An accepted claim as seen from one of its holders.</summary>
public sealed record HeldClaim(int ActorId, PositionClaim Claim);

/// <summary>Which accepted claims to read; every filter left null reads everything.</summary>
public sealed record HeldClaimFilter(
    IReadOnlyCollection<int>? Actors = null,
    IReadOnlyCollection<int>? Topics = null,
    IReadOnlyCollection<int>? Documents = null,
    IReadOnlyCollection<Stance>? Stances = null,
    DateOnly? From = null,
    DateOnly? To = null);

/// <summary>
/// The set-based reads shared by the comparison features. Positions are resolved in memory from narrow rows
/// (ids, dates, stance, intensity): quotes and names are loaded afterwards, only for the claims that win.
/// The row reads are SQL written out and read column by column through the context's connection: they return
/// thousands of flat rows, and EF took two to three times what the database did to materialize them (a timeline's
/// 1,256 held rows 4.9 ms instead of 1.3, the documents an actor signed 7.4 ms instead of 2.2). Id lists go to the
/// database as one JSON array (<c>json_each</c>), dates come back as day numbers (<c>julianday</c>) rather than
/// strings to parse. This is SQLite's SQL; another provider needs its own.
/// </summary>
public static class PositionReader
{
    // Stance, intensity and negation come back packed in one number (stance × 256 + intensity × 2 + negated, the
    // stance as its enum's number by a CASE over the eight codes): each value read costs the reader two calls into
    // SQLite, and the matrix reads thousands of rows; no string per row to allocate and parse either.
    private static readonly string HeldColumns = $"""
        p."ActorId", p."ClaimId", p."DocumentId", CAST(julianday(p."IssuedOn") - julianday('0001-01-01') AS INTEGER), p."TopicId",
        {StanceNumber("p")} * 256 + p."Intensity" * 2 + p."Negated", p."Start"
        """;

    private static string StanceNumber(string table) =>
        $"""CASE {table}."Stance" {string.Join(" ", Enum.GetValues<Stance>().Select(s => $"WHEN '{s.Code()}' THEN {(int)s}"))} END""";

    public static Task<List<HeldClaim>> HeldClaimsAsync(TrackerDbContext db, HeldClaimFilter filter, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new List<(string, object)>();
        if (filter.Actors is { } actors)
        {
            where.Add("""p."ActorId" IN (SELECT value FROM json_each($actors))""");
            parameters.Add(("$actors", Json(actors)));
        }

        if (filter.Topics is { } topics)
        {
            where.Add("""p."TopicId" IN (SELECT value FROM json_each($topics))""");
            parameters.Add(("$topics", Json(topics)));
        }

        if (filter.Documents is { } documents)
        {
            where.Add("""p."DocumentId" IN (SELECT value FROM json_each($documents))""");
            parameters.Add(("$documents", Json(documents)));
        }

        if (filter.Stances is { } stances)
        {
            where.Add("""p."Stance" IN (SELECT value FROM json_each($stances))""");
            parameters.Add(("$stances", JsonSerializer.Serialize(stances.Select(s => s.Code()))));
        }

        if (filter.From is { } from)
        {
            where.Add("""p."IssuedOn" >= $from""");
            parameters.Add(("$from", Date(from)));
        }

        if (filter.To is { } to)
        {
            where.Add("""p."IssuedOn" <= $to""");
            parameters.Add(("$to", Date(to)));
        }

        var sql = $"""SELECT {HeldColumns} FROM "HeldPositions" p""" + (where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where));
        return RowsAsync(db, sql, ReadHeldClaim, cancellationToken, [.. parameters]);
    }

    /// <summary>
    /// For each actor and topic, the accepted claims of the latest date on or before <paramref name="asOf"/>:
    /// the candidates <see cref="PositionRules.Latest"/> chooses from. One index seek per pair finds the date and
    /// one short range reads its claims, however many claims the actor made on the topic before.
    /// </summary>
    public static Task<List<HeldClaim>> LatestHeldClaimsAsync(
        TrackerDbContext db, IReadOnlyCollection<int> actorIds, IReadOnlyCollection<int> topicIds, DateOnly asOf, CancellationToken cancellationToken) =>
        RowsAsync(db, $"""
            WITH a(id) AS (SELECT value FROM json_each($actors)), t(id) AS (SELECT value FROM json_each($topics)),
            latest AS (SELECT a.id AS actor, t.id AS topic,
                (SELECT l."IssuedOn" FROM "HeldPositions" l WHERE l."ActorId" = a.id AND l."TopicId" = t.id AND l."IssuedOn" <= $asOf ORDER BY l."IssuedOn" DESC LIMIT 1) AS issued
                FROM a, t)
            SELECT {HeldColumns}
            FROM latest JOIN "HeldPositions" p ON p."ActorId" = latest.actor AND p."TopicId" = latest.topic AND p."IssuedOn" = latest.issued
            """, ReadHeldClaim, cancellationToken, ("$actors", Json(actorIds)), ("$topics", Json(topicIds)), ("$asOf", Date(asOf)));

    /// <summary>
    /// The days on which these actors signed documents that can be silences on a topic they spoke on on
    /// <paramref name="claimDays"/> (each actor's, in order): for each of those days the next day after it on which
    /// the actor signed, with the latest document signed that day (a day's documents are one set, cited by its
    /// latest). <see cref="PositionTimeline.Build"/> looks at no other signed day (a topic is dropped once between
    /// two claims). The signatures carry the document's date, so this is one range of the (actor, date) index per
    /// actor, from its first claim on; the days in between are read and passed over, not kept (a prolific signatory
    /// signed thousands).
    /// </summary>
    public static async Task<List<(int ActorId, SignedDocument Document)>> SignedAfterClaimsAsync(
        TrackerDbContext db, IReadOnlyDictionary<int, DateOnly[]> claimDays, CancellationToken cancellationToken)
    {
        var kept = new List<(int ActorId, SignedDocument Document)>();
        if (claimDays.Count == 0)
        {
            return kept;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // One actor (the usual timeline) is one range read in index order; a list of actors (json_each) costs
            // the database a fifth more for the same rows. Of each row only the day is read unless it is kept.
            var one = claimDays.Count == 1;
            await using var command = Command(db, $"""
                SELECT CAST(julianday(s."IssuedOn") - julianday('0001-01-01') AS INTEGER), max(s."DocumentId"), s."ActorId"
                FROM "DocumentSignatories" s WHERE {(one ? """s."ActorId" = $actors""" : """s."ActorId" IN (SELECT value FROM json_each($actors))""")} AND s."IssuedOn" > $after
                GROUP BY s."ActorId", s."IssuedOn" ORDER BY s."ActorId", s."IssuedOn"
                """, ("$actors", one ? claimDays.Keys.Single() : Json(claimDays.Keys)), ("$after", Date(claimDays.Values.Min(days => days[0]))));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            (int Actor, DateOnly[] Days, int Next, int Previous) at = one ? (claimDays.Keys.Single(), claimDays.Values.Single(), 0, int.MinValue) : (0, [], 0, int.MinValue);
            while (reader.Read())
            {
                var day = reader.GetInt32(0);
                if (!one && reader.GetInt32(2) is var actorId && actorId != at.Actor)
                {
                    at = (actorId, claimDays[actorId], 0, int.MinValue);
                }

                // Kept when a claim day lies between the day signed before it (included) and it.
                while (at.Next < at.Days.Length && at.Days[at.Next].DayNumber < at.Previous)
                {
                    at.Next++;
                }

                if (at.Next < at.Days.Length && at.Days[at.Next].DayNumber < day)
                {
                    kept.Add((at.Actor, new SignedDocument(reader.GetInt32(1), DateOnly.FromDayNumber(day))));
                }

                at.Previous = day;
            }

            return kept;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static HeldClaim ReadHeldClaim(DbDataReader r)
    {
        var packed = r.IsDBNull(5) ? throw new InvalidOperationException("A held claim has a stance that is not in the codebook.") : r.GetInt32(5);
        return new HeldClaim(
            r.GetInt32(0),
            new PositionClaim(r.GetInt32(1), r.GetInt32(2), DateOnly.FromDayNumber(r.GetInt32(3)), r.GetInt32(4), (Stance)(packed >> 8), (packed >> 1) & 127, (packed & 1) == 1, r.GetInt32(6)));
    }

    /// <summary>
    /// Quotes and document titles of the claims that are shown, in one query. A document's title is read once for
    /// its claims that come together (claims are numbered as their document is annotated), not once per claim.
    /// </summary>
    public static async Task<ClaimTexts> TextsAsync(TrackerDbContext db, IEnumerable<int> claimIds, CancellationToken cancellationToken)
    {
        (int Id, string Title) last = (0, "");
        var rows = await RowsAsync(db, """
            SELECT c."Id", c."Exact", c."DocumentId", d."Title" FROM "Claims" c JOIN "Documents" d ON d."Id" = c."DocumentId"
            WHERE c."Id" IN (SELECT value FROM json_each($ids)) ORDER BY c."Id"
            """, r =>
            {
                var documentId = r.GetInt32(2);
                if (documentId != last.Id)
                {
                    last = (documentId, r.GetString(3));
                }

                return new ClaimText(r.GetInt32(0), r.GetString(1), documentId, last.Title);
            }, cancellationToken, ("$ids", Json(claimIds.Distinct())));
        return new ClaimTexts(rows);
    }

    /// <summary>Runs <paramref name="sql"/> on the context's connection (and transaction) and reads each row with <paramref name="read"/>.</summary>
    private static async Task<List<T>> RowsAsync<T>(TrackerDbContext db, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(db, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbCommand Command(TrackerDbContext db, string sql, params (string Name, object Value)[] parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static string Json(IEnumerable<int> ids) => JsonSerializer.Serialize(ids);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<Dictionary<int, TopicRef>> TopicRefsAsync(TrackerDbContext db, IEnumerable<int> topicIds, CancellationToken cancellationToken)
    {
        var ids = topicIds.Distinct().ToList();
        var topics = await db.Topics.AsNoTracking().Include(t => t.Aliases)
            .Where(t => EF.Parameter(ids).Contains(t.Id)).ToListAsync(cancellationToken);
        return topics.ToDictionary(t => t.Id, t => t.ToRef());
    }

    public static async Task<Dictionary<int, ActorRef>> ActorRefsAsync(TrackerDbContext db, IEnumerable<int> actorIds, CancellationToken cancellationToken)
    {
        var ids = actorIds.Distinct().ToList();
        var actors = await db.Actors.AsNoTracking().Include(a => a.Aliases)
            .Where(a => EF.Parameter(ids).Contains(a.Id)).ToListAsync(cancellationToken);
        return actors.ToDictionary(a => a.Id, a => a.ToRef());
    }

    public static async Task<Dictionary<int, DocumentRef>> DocumentRefsAsync(TrackerDbContext db, IEnumerable<int> documentIds, CancellationToken cancellationToken)
    {
        // SQL like the rows above: the chart's tooltips ask for a title per point, thousands for a busy timeline.
        var rows = await RowsAsync(db, """
            SELECT d."Id", d."Title", CAST(julianday(d."IssuedOn") - julianday('0001-01-01') AS INTEGER) FROM "Documents" d
            WHERE d."Id" IN (SELECT value FROM json_each($ids))
            """, r => new DocumentRef(r.GetInt32(0), r.GetString(1), DateOnly.FromDayNumber(r.GetInt32(2))), cancellationToken, ("$ids", Json(documentIds.Distinct())));
        return rows.ToDictionary(d => d.Id);
    }
}

/// <summary>The text side of a claim: its quote and where it stands.</summary>
public sealed record ClaimText(int ClaimId, string Quote, int DocumentId, string DocumentTitle);

/// <summary>
/// Texts by claim id: a sorted array searched by halves rather than a dictionary. A matrix shows 5,000 claims,
/// and a dictionary of them was a block on the large object heap every request.
/// </summary>
public sealed class ClaimTexts
{
    private readonly int[] _ids;
    private readonly ClaimText[] _texts;

    public ClaimTexts(List<ClaimText> texts)
    {
        _texts = [.. texts];
        _ids = _texts.Select(t => t.ClaimId).ToArray();
        for (var i = 1; i < _ids.Length; i++)
        {
            if (_ids[i - 1] > _ids[i])
            {
                Array.Sort(_ids, _texts);
                break;
            }
        }
    }

    public int Count => _ids.Length;

    public ClaimText this[int claimId] =>
        Array.BinarySearch(_ids, claimId) is >= 0 and var i ? _texts[i] : throw new KeyNotFoundException($"No text was read for claim {claimId}.");
}
