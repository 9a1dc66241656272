using Microsoft.Extensions.DependencyInjection;
using Tracker.Web.Features.Actors;
using Tracker.Web.Features.Positions;
using Tracker.Web.Features.Topics;

namespace Tracker.Web.Tests.Features.Positions;

/// <summary>The actor × topic matrix over the seeded statements.</summary>
public sealed class PositionMatrixTests(TrackerApp app)
{
    // Other tests add statements signed by China and Russia from June 2025; the seed ends on 8 May 2025.
    private const string SeedEnd = "2025-05-31";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<JsonNode> MatrixAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/positions?{query}", _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadNodeAsync();
    }

    private static JsonNode? Cell(JsonNode matrix, string actor, string topic)
    {
        var column = matrix["topics"]!.AsArray().Select(t => (string)t!["slug"]!).ToList().IndexOf(topic);
        var row = matrix["rows"]!.AsArray().Single(r => (string)r!["actor"]!["slug"]! == actor)!;
        return row["positions"]![column];
    }

    [Fact]
    public async Task The_matrix_and_the_timeline_written_field_by_field_are_the_json_the_serializer_writes()
    {
        // The full matrix and the timeline are written by hand for speed; they must stay the serializer's JSON, byte for byte: over the
        // seeded statements (Chinese and Russian quotes, rollup's own topics) and over text that needs escaping.
        using var client = app.Admin();
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        foreach (var query in new[] { $"asOf={SeedEnd}", $"asOf={SeedEnd}&rollup=true", "actors=china,russia,united-states&topics=golden-dome,missile-defense&asOf=2021-01-01" })
        {
            var written = await client.GetByteArrayAsync($"/api/positions?{query}", _ct);
            var matrix = JsonSerializer.Deserialize<PositionMatrixDto>(written, options)!;
            Assert.Equal(System.Text.Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(matrix, options)), System.Text.Encoding.UTF8.GetString(written));
        }

        var odd = new PositionMatrixDto(new DateOnly(2025, 1, 2), true,
            [new ActorRef("a<b>", "\"Quoted\" & 'apostrophes' \u00e9 \ud83d\ude00 \u0001")], [new TopicRef("t", "Tab\there\nnewline </script>")],
            [new MatrixRowDto(new ActorRef("a<b>", "x"), [
                null,
                new PositionDto(7, "calls_for", -1, 3, true, new TopicRef("sub", "Sub"), new DateOnly(1999, 12, 31), new DocumentRef(9, null, new DateOnly(1999, 12, 31)), null),
                new PositionDto(8, "supports", 1, 1, false, new TopicRef("t", "T"), new DateOnly(2001, 2, 3), new DocumentRef(10, "Заявление «о» 声明", new DateOnly(2001, 2, 3)), "双方“反对”\u2028 <b>"),
            ])]);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder, SkipValidation = true }))
        {
            PositionJson.Write(json, odd);
        }

        Assert.Equal(JsonSerializer.Serialize(odd, options), System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));

        // The timeline likewise: one actor (with silences), every actor, rollup, an earlier page.
        foreach (var query in new[] { "actor=united-states&topic=missile-defense&rollup=true", "topic=New%20START", "topic=missile-defense&rollup=true&limit=2&before=3", "actor=china&topic=golden-dome" })
        {
            var written = await client.GetByteArrayAsync($"/api/positions/timeline?{query}", _ct);
            var timeline = JsonSerializer.Deserialize<TimelineDto>(written, options)!;
            Assert.Equal(System.Text.Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(timeline, options)), System.Text.Encoding.UTF8.GetString(written));
        }
    }

    [Fact]
    public async Task A_matrix_shown_before_is_not_shown_again_once_a_claim_or_a_name_changes()
    {
        // The server remembers a view until the data changes: a new claim and a renamed actor show at once.
        using var client = app.Admin();
        var statements = new Statements(client);
        var a = await statements.NewActorAsync();
        var document = await statements.DocumentAsync("2024-06-01", [a], "本国支持世界贸易组织改革。");
        var name = $"Renamedland {Guid.NewGuid():N}";
        var query = $"actors={a}&topics=wto-reform,unilateral-sanctions&asOf=2024-12-31";
        var before = await MatrixAsync(client, query);
        Assert.Equal(before.ToJsonString(), (await MatrixAsync(client, query)).ToJsonString());

        await statements.ClaimAsync(document, "本国支持世界贸易组织改革", [a], "supports", "wto-reform");
        var claimed = await MatrixAsync(client, query);
        using (var renamed = await client.PutAsJsonAsync($"/api/actors/{a}", new { kind = "state", names = new Dictionary<string, string> { ["en"] = name } }, _ct))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }

        var named = await MatrixAsync(client, query);

        Assert.Null(Cell(before, a, "wto-reform"));
        Assert.Equal("supports", (string)Cell(claimed, a, "wto-reform")!["stance"]!);
        Assert.Equal(name, (string)named["actors"]![0]!["name"]!);
    }

    [Fact]
    public async Task With_rollup_the_united_states_supports_missile_defence_while_china_and_russia_oppose_it()
    {
        using var client = app.Admin();
        var matrix = await MatrixAsync(client, $"actors=United%20States,{Uri.EscapeDataString("中方")},russia&topics=missile-defense,golden-dome&rollup=true&asOf={SeedEnd}");

        var us = Cell(matrix, "united-states", "missile-defense")!;
        Assert.Equal(1, (int)us["polarity"]!);
        Assert.Equal("2025-01-27", (string)us["issuedOn"]!);
        Assert.Equal("The Iron Dome for America", (string)us["document"]!["title"]!);
        foreach (var actor in new[] { "china", "russia" })
        {
            var cell = Cell(matrix, actor, "missile-defense")!;
            Assert.Equal(-1, (int)cell["polarity"]!);
            Assert.Contains((string)cell["stance"]!, new[] { "opposes", "condemns" });
            Assert.Equal("2025-05-08", (string)cell["issuedOn"]!);

            var goldenDome = Cell(matrix, actor, "golden-dome")!;
            Assert.Equal("opposes", (string)goldenDome["stance"]!);
            Assert.Contains("金穹", (string)goldenDome["quote"]!);
        }
    }

    [Fact]
    public async Task Without_rollup_a_claim_on_golden_dome_does_not_fill_the_missile_defence_column()
    {
        using var client = app.Admin();
        var matrix = await MatrixAsync(client, $"actors=united-states&topics=missile-defense,golden-dome&asOf={SeedEnd}");

        Assert.Null(Cell(matrix, "united-states", "missile-defense"));
        Assert.Equal("golden-dome", (string)Cell(matrix, "united-states", "golden-dome")!["topic"]!["slug"]!);
        Assert.False((bool)matrix["rollup"]!);
    }

    [Fact]
    public async Task As_of_a_date_before_a_statement_its_positions_are_not_yet_taken()
    {
        using var client = app.Admin();
        var matrix = await MatrixAsync(client, "actors=china,united-states&topics=golden-dome,npt&asOf=2024-12-31");

        Assert.Null(Cell(matrix, "china", "golden-dome"));
        Assert.Null(Cell(matrix, "united-states", "golden-dome"));
        Assert.Equal("2022-01-03", (string)Cell(matrix, "china", "npt")!["issuedOn"]!);
    }

    [Fact]
    public async Task A_negated_claim_counts_with_the_opposite_polarity()
    {
        // "应摒弃冷战思维": calls for, negated = a negative position on Cold War mentality.
        using var client = app.Admin();
        var matrix = await MatrixAsync(client, $"actors=china&topics=cold-war-mentality&asOf={SeedEnd}");

        var cell = Cell(matrix, "china", "cold-war-mentality")!;
        Assert.Equal(-1, (int)cell["polarity"]!);
    }

    [Fact]
    public async Task Without_actors_or_topics_the_most_active_are_shown_within_bounds()
    {
        using var client = app.Admin();
        var matrix = await MatrixAsync(client, $"asOf={SeedEnd}");

        var actors = matrix["actors"]!.AsArray().Select(a => (string)a!["slug"]!).ToList();
        Assert.InRange(actors.Count, 2, 10);
        Assert.Contains("china", actors);
        Assert.Contains("united-states", actors);
        Assert.InRange(matrix["topics"]!.AsArray().Count, 1, 20);
        Assert.Equal(actors.Count, matrix["rows"]!.AsArray().Count);
    }

    [Fact]
    public async Task All_actors_lists_every_actor_with_a_position_busiest_first()
    {
        using var client = app.Admin();
        var all = await MatrixAsync(client, $"allActors=true&topics=golden-dome,npt&asOf={SeedEnd}");
        var busiest = await MatrixAsync(client, $"asOf={SeedEnd}");

        var actors = all["actors"]!.AsArray().Select(a => (string)a!["slug"]!).ToList();
        Assert.Contains("china", actors);
        Assert.Contains("russia", actors);
        Assert.Contains("united-states", actors);
        Assert.Equal(actors.Count, all["rows"]!.AsArray().Count);
        // The default matrix shows the ten busiest; every actor starts with the same ones in the same order.
        var top = busiest["actors"]!.AsArray().Select(a => (string)a!["slug"]!).ToList();
        Assert.Equal(top, actors.Take(top.Count));
        Assert.True(actors.Count >= top.Count);
        Assert.Equal("opposes", (string)Cell(all, "china", "golden-dome")!["stance"]!);
    }

    [Fact]
    public async Task Naming_actors_and_asking_for_all_of_them_is_refused()
    {
        using var client = app.Admin();
        using var response = await client.GetAsync("/api/positions?actors=china&allActors=true", _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("allActors", (string)(await response.ReadNodeAsync())["errors"]!["actors"]![0]!);
    }

    [Fact]
    public async Task As_cells_the_matrix_points_into_its_actors_and_topics_and_the_quote_comes_from_the_claim()
    {
        using var client = app.Admin();
        const string query = $"actors=united-states,china,russia&topics=missile-defense,golden-dome&rollup=true&asOf={SeedEnd}";
        var full = await MatrixAsync(client, query);
        var cells = await MatrixAsync(client, query + "&format=cells");

        var fields = cells["fields"]!.AsArray().Select(f => (string)f!).ToList();
        Assert.Equal(["actor", "topic", "claimId", "stance", "polarity", "intensity", "negated", "issuedOn", "documentId", "claimTopic"], fields);
        Assert.DoesNotContain("quote", cells.ToJsonString(), StringComparison.Ordinal);
        var actors = cells["actors"]!.AsArray().Select(a => (string)a!["slug"]!).ToList();
        var topics = cells["topics"]!.AsArray().Select(t => (string)t!["slug"]!).ToList();
        var grid = cells["cells"]!.AsArray().ToDictionary(c => (actors[(int)c![0]!], topics[(int)c[1]!]), c => c!.AsArray());

        // The same positions as the full matrix, cell for cell: 3 actors × 2 topics, all filled.
        Assert.Equal(6, grid.Count);
        foreach (var ((actor, topic), cell) in grid)
        {
            var position = Cell(full, actor, topic)!;
            Assert.Equal((int)position["claimId"]!, (int)cell[2]!);
            Assert.Equal((string)position["stance"]!, (string)cell[3]!);
            Assert.Equal((string)position["issuedOn"]!, (string)cell[7]!);
            Assert.Equal((int)position["document"]!["id"]!, (int)cell[8]!);
            var claimTopic = (string)position["topic"]!["slug"]!;
            Assert.Equal(claimTopic == topic ? null : claimTopic, (string?)cell[9]);
        }

        Assert.Equal(-1, (int)grid[("china", "missile-defense")][4]!);
        Assert.Equal("2025-01-27", (string)grid[("united-states", "missile-defense")][7]!);

        // The quote a hover shows: the claim itself, on demand.
        using var claim = await client.GetAsync($"/api/claims/{(int)grid[("china", "golden-dome")][2]!}", _ct);
        Assert.Contains("金穹", (string)(await claim.ReadNodeAsync())["quote"]!);
    }

    [Fact]
    public async Task As_csv_every_cell_is_a_line_with_its_quote()
    {
        using var client = app.Admin();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/positions?actors=china,united-states&topics=golden-dome,npt,tariffs&asOf={SeedEnd}");
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await client.SendAsync(request, _ct);
        var lines = (await response.Content.ReadAsStringAsync(_ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("actor,topic,stance,polarity,intensity,negated,claim_topic,issued_on,document_id,document_title,claim_id,quote", lines[0]);
        Assert.Equal(1 + 2 * 3, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("china,golden-dome,opposes,-1,", StringComparison.Ordinal) && l.Contains("金穹", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("united-states,tariffs,,,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_names_and_a_bad_date_are_each_named_in_the_problem()
    {
        using var client = app.Admin();
        using var response = await client.GetAsync("/api/positions?actors=china,Atlantis&topics=golden-dome,unicorns&asOf=2025-13-01", _ct);
        var problem = await response.ReadNodeAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Atlantis", (string)problem["errors"]!["actors"]![0]!);
        Assert.Contains("unicorns", (string)problem["errors"]!["topics"]![0]!);
        Assert.NotNull(problem["errors"]!["asOf"]);
    }

    [Fact]
    public async Task Reads_need_a_token()
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync("/api/positions", _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
