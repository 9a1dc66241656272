using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Tracker.Benchmarks;

/// <summary>
/// One endpoint of the load run: the request, its target and the same reads as plain SQL. With
/// <paramref name="Vary"/> every request is another one (request number → URL and floor), so nothing the server
/// remembers between requests is measured.
/// </summary>
internal sealed record LoadCase(string Name, string Url, int TargetMs, Func<SqliteConnection, Task> Floor, Func<int, (string Url, Func<SqliteConnection, Task> Floor)>? Vary = null);

/// <summary>
/// Picks the requests from the data (the busiest actors and topics, the longest documents) and spells out,
/// in SQL, the reads each endpoint makes: the rows it ranks, then the quotes, titles and names of what it shows.
/// </summary>
internal static class PositionsFloor
{
    public static async Task<List<LoadCase>> CasesAsync(SqliteConnection db)
    {
        var actors = await IdsAsync(db, """SELECT "ActorId" FROM "HeldPositions" GROUP BY "ActorId" ORDER BY count(*) DESC, "ActorId" LIMIT 50""");
        var topics = await IdsAsync(db, $"""SELECT "TopicId" FROM "HeldPositions" WHERE "ActorId" IN ({string.Join(',', actors)}) GROUP BY "TopicId" ORDER BY count(*) DESC, "TopicId" LIMIT 100""");
        var actorSlugs = await SlugsAsync(db, "Actors", actors);
        const string asOfAll = "2025-12-31";

        // Every actor with a position, busiest first, on the 20 topics they speak on most: allActors=true.
        var allActors = await IdsAsync(db, $"""SELECT "ActorId" FROM "HeldPositions" WHERE "IssuedOn" <= '{asOfAll}' GROUP BY "ActorId" ORDER BY count(*) DESC, "ActorId" """);
        var topTopics = await IdsAsync(db, $"""SELECT "TopicId" FROM "HeldPositions" WHERE "IssuedOn" <= '{asOfAll}' GROUP BY "TopicId" ORDER BY count(*) DESC, "TopicId" LIMIT 20""");
        var topicSlugs = await SlugsAsync(db, "Topics", topics);
        const string asOf = "2025-12-31";

        // The busiest actor on the topic it speaks on twentieth most: a long timeline, not the single longest.
        var busiest = actors[0];
        var timelineTopic = (await IdsAsync(db, $"""SELECT "TopicId" FROM "HeldPositions" WHERE "ActorId" = {busiest} GROUP BY "TopicId" ORDER BY count(*) DESC, "TopicId" LIMIT 20"""))[^1];
        var timelineClaims = await IdsAsync(db, $"""SELECT count(*) FROM "HeldPositions" WHERE "ActorId" = {busiest} AND "TopicId" = {timelineTopic}""");

        // A typical timeline: the tenth busiest actor on the topic it speaks on hundredth most.
        var typical = actors[Math.Min(9, actors.Count - 1)];
        var typicalTopic = (await IdsAsync(db, $"""SELECT "TopicId" FROM "HeldPositions" WHERE "ActorId" = {typical} GROUP BY "TopicId" ORDER BY count(*) DESC, "TopicId" LIMIT 100"""))[^1];
        var typicalClaims = await IdsAsync(db, $"""SELECT count(*) FROM "HeldPositions" WHERE "ActorId" = {typical} AND "TopicId" = {typicalTopic}""");

        // The two documents with the most accepted claims, earlier first.
        var longest = await IdsAsync(db, """
            SELECT "DocumentId" FROM (SELECT "DocumentId", max("IssuedOn") AS "IssuedOn", count(DISTINCT "ClaimId") AS n FROM "HeldPositions" GROUP BY "DocumentId" ORDER BY n DESC LIMIT 2)
            ORDER BY "IssuedOn", "DocumentId"
            """);
        var claimsInDiff = await IdsAsync(db, $"""SELECT count(DISTINCT "ClaimId") FROM "HeldPositions" WHERE "DocumentId" IN ({longest[0]}, {longest[1]})""");

        return
        [
            new($"matrix all {allActors.Count} actors × top {topTopics.Count} topics", $"/api/positions?allActors=true&asOf={asOfAll}", 50,
                floor => MatrixAsync(floor, allActors, topTopics, asOfAll)),
            new($"  the same as format=cells (no quotes)", $"/api/positions?allActors=true&asOf={asOfAll}&format=cells", 50,
                floor => MatrixAsync(floor, allActors, topTopics, asOfAll, quotes: false)),
            new($"matrix {actors.Count} actors × {topics.Count} topics", $"/api/positions?actors={string.Join(',', actorSlugs)}&topics={string.Join(',', topicSlugs)}&asOf={asOf}", 50,
                floor => MatrixAsync(floor, actors, topics, asOf)),
            new($"  the same as format=cells (no quotes)", $"/api/positions?actors={string.Join(',', actorSlugs)}&topics={string.Join(',', topicSlugs)}&asOf={asOf}&format=cells", 50,
                floor => MatrixAsync(floor, actors, topics, asOf, quotes: false)),
            new($"  the same, another asOf each time (composed)", "", 50, _ => Task.CompletedTask, i =>
            {
                // A day earlier each request: a view the server has not remembered, composed from the database.
                var day = new DateOnly(2025, 12, 31).AddDays(-i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                return ($"/api/positions?actors={string.Join(',', actorSlugs)}&topics={string.Join(',', topicSlugs)}&asOf={day}", floor => MatrixAsync(floor, actors, topics, day));
            }),
            new($"timeline (busiest actor, {timelineClaims[0]} claims)", $"/api/positions/timeline?actor={(await SlugsAsync(db, "Actors", [busiest]))[0]}&topic={(await SlugsAsync(db, "Topics", [timelineTopic]))[0]}", 10,
                floor => TimelineAsync(floor, busiest, timelineTopic)),
            new($"timeline (10th actor, {typicalClaims[0]} claims)", $"/api/positions/timeline?actor={(await SlugsAsync(db, "Actors", [typical]))[0]}&topic={(await SlugsAsync(db, "Topics", [typicalTopic]))[0]}", 10,
                floor => TimelineAsync(floor, typical, typicalTopic)),
            new($"diff of the two longest documents ({claimsInDiff[0]} claims)", $"/api/compare?from={longest[0]}&to={longest[1]}", 20,
                floor => DiffAsync(floor, longest[0], longest[1])),
            new("dashboard", "/api/dashboard", 100, DashboardAsync),
        ];
    }

    private static async Task MatrixAsync(SqliteConnection db, List<int> actors, List<int> topics, string asOf, bool quotes = true)
    {
        var rows = await RowsAsync(db, """
            WITH a(id) AS (SELECT value FROM json_each($actors)), t(id) AS (SELECT value FROM json_each($topics)),
            latest AS (SELECT a.id AS actor, t.id AS topic,
                (SELECT p."IssuedOn" FROM "HeldPositions" p WHERE p."ActorId" = a.id AND p."TopicId" = t.id AND p."IssuedOn" <= $asOf ORDER BY p."IssuedOn" DESC LIMIT 1) AS issued
                FROM a, t)
            SELECT p."ActorId", p."TopicId", p."ClaimId", p."DocumentId", p."IssuedOn", p."Stance", p."Intensity", p."Negated", p."Start"
            FROM latest JOIN "HeldPositions" p ON p."ActorId" = latest.actor AND p."TopicId" = latest.topic AND p."IssuedOn" = latest.issued
            """, ("$actors", Json(actors)), ("$topics", Json(topics)), ("$asOf", asOf));

        // Within the latest date: the later document, then the stronger claim, then the first in the text.
        var winners = rows.GroupBy(r => (r.ActorId, r.TopicId))
            .Select(g => g.OrderByDescending(r => r.DocumentId).ThenByDescending(r => r.Intensity).ThenBy(r => r.Start).First().ClaimId)
            .ToList();
        if (quotes)
        {
            await TextsAsync(db, winners);
        }

        await NamesAsync(db, "Actor", actors);
        await NamesAsync(db, "Topic", topics);
    }

    private static async Task TimelineAsync(SqliteConnection db, int actor, int topic)
    {
        var rows = await RowsAsync(db, """
            SELECT "ActorId", "TopicId", "ClaimId", "DocumentId", "IssuedOn", "Stance", "Intensity", "Negated", "Start"
            FROM "HeldPositions" WHERE "ActorId" = $actor AND "TopicId" = $topic
            """, ("$actor", actor), ("$topic", topic));
        var first = rows.Count == 0 ? "9999-12-31" : rows.Min(r => r.IssuedOn)!;
        // The days it signed documents after its first claim (with the latest of each day), where its silences are:
        // one range of the (actor, date) index.
        await IdListAsync(db, """
            SELECT max("DocumentId"), "IssuedOn" FROM "DocumentSignatories" WHERE "ActorId" = $actor AND "IssuedOn" > $first
            GROUP BY "IssuedOn" ORDER BY "IssuedOn"
            """, ("$actor", actor), ("$first", first));
        // The default request lists the latest 100 entries: quotes and titles are read for those alone.
        var page = rows.OrderByDescending(r => r.IssuedOn, StringComparer.Ordinal).ThenByDescending(r => r.DocumentId).ThenByDescending(r => r.Start).Take(100).ToList();
        await TextsAsync(db, page.Select(r => r.ClaimId).ToList());
        await IdListAsync(db, """SELECT "Id" FROM "Documents" WHERE "Id" IN (SELECT value FROM json_each($ids))""", ("$ids", Json(page.Select(r => r.DocumentId).Distinct())));
        await NamesAsync(db, "Actor", [actor]);
        await NamesAsync(db, "Topic", [topic]);
    }

    private static async Task DiffAsync(SqliteConnection db, int from, int to)
    {
        var rows = await RowsAsync(db, """
            SELECT "ActorId", "TopicId", "ClaimId", "DocumentId", "IssuedOn", "Stance", "Intensity", "Negated", "Start"
            FROM "HeldPositions" WHERE "DocumentId" IN ($from, $to)
            """, ("$from", from), ("$to", to));
        await IdListAsync(db, """SELECT "ActorId" FROM "DocumentSignatories" WHERE "DocumentId" = $to""", ("$to", to));
        await TextsAsync(db, rows.Select(r => r.ClaimId).Distinct().ToList());
        await NamesAsync(db, "Actor", rows.Select(r => r.ActorId).Distinct().ToList());
        await NamesAsync(db, "Topic", rows.Select(r => r.TopicId).Distinct().ToList());
    }

    /// <summary>
    /// The dashboard's reads: the latest documents, the recent claims and the history of their (holder, topic)
    /// pairs, the default matrix (most active actors, their most used topics, latest positions) and claims by month.
    /// </summary>
    private static async Task DashboardAsync(SqliteConnection db)
    {
        await IdListAsync(db, """
            SELECT d."Id" FROM "Documents" d ORDER BY d."IssuedOn" DESC, d."Id" DESC LIMIT 8
            """);
        var recentDocuments = await IdListAsync(db, """
            SELECT d."Id" FROM "Documents" d WHERE EXISTS (SELECT 1 FROM "Claims" c WHERE c."DocumentId" = d."Id" AND c."Status" = 'Accepted')
            ORDER BY d."IssuedOn" DESC, d."Id" DESC LIMIT 20
            """);
        var recent = await RowsAsync(db, """
            SELECT "ActorId", "TopicId", "ClaimId", "DocumentId", "IssuedOn", "Stance", "Intensity", "Negated", "Start"
            FROM "HeldPositions" WHERE "DocumentId" IN (SELECT value FROM json_each($ids))
            """, ("$ids", Json(recentDocuments)));
        var since = recent.Count == 0 ? "9999-12-31" : recent.Min(r => r.IssuedOn)!;
        foreach (var actor in recent.GroupBy(r => r.ActorId, r => r.TopicId))
        {
            var topicIds = Json(actor.Distinct());
            await RowsAsync(db, """
                SELECT "ActorId", "TopicId", "ClaimId", "DocumentId", "IssuedOn", "Stance", "Intensity", "Negated", "Start"
                FROM "HeldPositions" WHERE "ActorId" = $actor AND "TopicId" IN (SELECT value FROM json_each($topics)) AND "IssuedOn" >= $since
                """, ("$actor", actor.Key), ("$topics", topicIds), ("$since", since));
            await RowsAsync(db, """
                WITH t(id) AS (SELECT value FROM json_each($topics)),
                latest AS (SELECT t.id AS topic, (SELECT p."IssuedOn" FROM "HeldPositions" p WHERE p."ActorId" = $actor AND p."TopicId" = t.id AND p."IssuedOn" < $since ORDER BY p."IssuedOn" DESC LIMIT 1) AS issued FROM t)
                SELECT p."ActorId", p."TopicId", p."ClaimId", p."DocumentId", p."IssuedOn", p."Stance", p."Intensity", p."Negated", p."Start"
                FROM latest JOIN "HeldPositions" p ON p."ActorId" = $actor AND p."TopicId" = latest.topic AND p."IssuedOn" = latest.issued
                """, ("$actor", actor.Key), ("$topics", topicIds), ("$since", since));
        }

        // The aggregates (most active actors, their topics, claims per month) are remembered by the server until
        // the data changes; the floor reads the change stamp they are checked against, and the matrix they feed.
        await IdListAsync(db, """SELECT (SELECT max("Id") FROM "Claims") + (SELECT max("Id") FROM "Documents") + coalesce((SELECT max("Id") FROM "AuditEntries"), 0)""");
        await MatrixAsync(db, DefaultActors, DefaultTopics, "9999-12-31");
    }

    /// <summary>The aggregates the dashboard's matrix starts from, read once (the server remembers them too).</summary>
    public static async Task PrepareDashboardAsync(SqliteConnection db)
    {
        DefaultActors = await IdListAsync(db, """SELECT "ActorId" FROM "HeldPositions" GROUP BY "ActorId" ORDER BY count(*) DESC, "ActorId" LIMIT 10""");
        DefaultTopics = await IdListAsync(db, """
            SELECT "TopicId" FROM "HeldPositions" WHERE "ActorId" IN (SELECT value FROM json_each($actors)) GROUP BY "TopicId" ORDER BY count(*) DESC, "TopicId" LIMIT 20
            """, ("$actors", Json(DefaultActors)));
    }

    private static List<int> DefaultActors = [];
    private static List<int> DefaultTopics = [];

    internal sealed record Row(int ActorId, int TopicId, int ClaimId, int DocumentId, string IssuedOn, string Stance, int Intensity, bool Negated, int Start);

    private static async Task<List<Row>> RowsAsync(SqliteConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(db, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6), reader.GetBoolean(7), reader.GetInt32(8)));
        }

        return rows;
    }

    private static async Task TextsAsync(SqliteConnection db, List<int> claimIds)
    {
        await using var command = Command(db, """
            SELECT c."Id", c."Exact", d."Id", d."Title" FROM "Claims" c JOIN "Documents" d ON d."Id" = c."DocumentId"
            WHERE c."Id" IN (SELECT value FROM json_each($ids))
            """, ("$ids", Json(claimIds)));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = (reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3));
        }
    }

    private static async Task NamesAsync(SqliteConnection db, string entity, List<int> ids)
    {
        await using var command = Command(db, $"""
            SELECT e."Id", e."Slug", a."Language", a."Text", a."IsName" FROM "{entity}s" e LEFT JOIN "{entity}Aliases" a ON a."{entity}Id" = e."Id"
            WHERE e."Id" IN (SELECT value FROM json_each($ids))
            """, ("$ids", Json(ids)));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = (reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(3) ? null : reader.GetString(3));
        }
    }

    private static Task<List<int>> IdsAsync(SqliteConnection db, string sql) => IdListAsync(db, sql);

    private static async Task<List<int>> IdListAsync(SqliteConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(db, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<int>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }

    private static async Task<List<string>> SlugsAsync(SqliteConnection db, string table, List<int> ids)
    {
        var slugs = new Dictionary<int, string>();
        await using var command = Command(db, $"""SELECT "Id", "Slug" FROM "{table}" WHERE "Id" IN (SELECT value FROM json_each($ids))""", ("$ids", Json(ids)));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            slugs[reader.GetInt32(0)] = reader.GetString(1);
        }

        return ids.Select(id => slugs[id]).ToList();
    }

    private static SqliteCommand Command(SqliteConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static string Json(IEnumerable<int> ids) => JsonSerializer.Serialize(ids);
}
