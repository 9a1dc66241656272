using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Data;
using Tracker.Data.Claims;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Features.Documents;

/// <summary>
/// Correcting a document's details through the API. The date is copied to signatures and held positions, so a
/// new date must move the document wherever positions are read, and nothing may be half-saved.
/// </summary>
public sealed class EditDocumentTests(TrackerApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<JsonNode> GetAsync(HttpClient client, string path) => (await client.GetFromJsonAsync<JsonNode>(path, _ct))!;

    /// <summary>The details as the document has them now, with some replaced: what a client reads, corrects and sends.</summary>
    private async Task<Dictionary<string, object?>> DetailsAsync(HttpClient client, int id, Dictionary<string, object?>? changes = null)
    {
        var document = await GetAsync(client, $"/api/documents/{id}");
        var details = new Dictionary<string, object?>
        {
            ["title"] = (string)document["title"]!,
            ["issuedOn"] = (string)document["issuedOn"]!,
            ["kind"] = (string)document["kind"]!,
            ["place"] = (string?)document["place"],
            ["sourceUrl"] = (string?)document["sourceUrl"],
            ["signatories"] = document["signatories"]!.AsArray().Select(s => (string)s!["slug"]!).ToArray(),
        };
        foreach (var (key, value) in changes ?? [])
        {
            details[key] = value;
        }

        return details;
    }

    private async Task<HttpResponseMessage> PutAsync(HttpClient client, int id, object details) =>
        await client.PutAsJsonAsync($"/api/documents/{id}", details, _ct);

    private async Task<JsonNode> TimelineAsync(HttpClient client, string actor, string topic) =>
        await GetAsync(client, $"/api/positions/timeline?actor={actor}&topic={topic}");

    private static List<(string Change, int Document, string IssuedOn)> Steps(JsonNode timeline) =>
        timeline["entries"]!.AsArray().Select(e => ((string)e!["change"]!, (int)e["document"]!["id"]!, (string)e["issuedOn"]!)).ToList();

    private static JsonNode? Cell(JsonNode matrix, string actor, string topic)
    {
        var column = matrix["topics"]!.AsArray().Select(t => (string)t!["slug"]!).ToList().IndexOf(topic);
        return matrix["rows"]!.AsArray().Single(r => (string)r!["actor"]!["slug"]! == actor)!["positions"]![column];
    }

    private async Task<int> AuditCountAsync(int documentId)
    {
        using var admin = app.Admin();
        return (await GetAsync(admin, $"/api/documents/{documentId}/history")).AsArray().Count;
    }

    [Fact]
    public async Task A_new_date_moves_the_document_in_the_timeline_and_in_the_matrix_as_of_a_date()
    {
        using var admin = app.Admin();
        var statements = new Statements(admin);
        var a = await statements.NewActorAsync();
        var first = await statements.DocumentAsync("2024-01-10", [a], "本国支持世界贸易组织改革。");
        await statements.ClaimAsync(first, "本国支持世界贸易组织改革", [a], "supports", "wto-reform");
        var later = await statements.DocumentAsync("2024-09-10", [a], "本国反对世界贸易组织改革。");
        await statements.ClaimAsync(later, "本国反对世界贸易组织改革", [a], "opposes", "wto-reform");
        var matrixQuery = $"/api/positions?actors={a}&topics=wto-reform&asOf=2023-12-31";
        var matrixBefore = await GetAsync(admin, matrixQuery);
        Assert.Equal([("new", first.Id, "2024-01-10"), ("reversed", later.Id, "2024-09-10")], Steps(await TimelineAsync(admin, a, "wto-reform")));

        // The later statement was in fact issued the year before.
        using var response = await PutAsync(admin, later.Id, await DetailsAsync(admin, later.Id, new() { ["issuedOn"] = "2023-06-01" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2023-06-01", (string)(await response.ReadNodeAsync())["issuedOn"]!);
        Assert.Equal([("new", later.Id, "2023-06-01"), ("reversed", first.Id, "2024-01-10")], Steps(await TimelineAsync(admin, a, "wto-reform")));
        // The matrix as of the end of 2023 was shown (and remembered) before: it now holds the re-dated position.
        Assert.Null(Cell(matrixBefore, a, "wto-reform"));
        var cell = Cell(await GetAsync(admin, matrixQuery), a, "wto-reform")!;
        Assert.Equal(("opposes", "2023-06-01", later.Id), ((string)cell["stance"]!, (string)cell["issuedOn"]!, (int)cell["document"]!["id"]!));
        Assert.Equal("supports", (string)Cell(await GetAsync(admin, $"/api/positions?actors={a}&topics=wto-reform&asOf=2024-06-30"), a, "wto-reform")!["stance"]!);
    }

    [Fact]
    public async Task A_silent_statement_moved_before_the_first_claim_is_no_longer_a_dropped_topic()
    {
        // A silence is found by the date its signature carries, so this shows the signatures moved with the document.
        using var admin = app.Admin();
        var statements = new Statements(admin);
        var a = await statements.NewActorAsync();
        var claimed = await statements.DocumentAsync("2024-01-10", [a], "本国支持世界贸易组织改革。");
        await statements.ClaimAsync(claimed, "本国支持世界贸易组织改革", [a], "supports", "wto-reform");
        var silent = await statements.DocumentAsync("2024-09-10", [a], "本国呼吁维护战略稳定。");
        Assert.Equal([("new", claimed.Id, "2024-01-10"), ("dropped", silent.Id, "2024-09-10")], Steps(await TimelineAsync(admin, a, "wto-reform")));

        using var response = await PutAsync(admin, silent.Id, await DetailsAsync(admin, silent.Id, new() { ["issuedOn"] = "2023-09-10" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("new", claimed.Id, "2024-01-10")], Steps(await TimelineAsync(admin, a, "wto-reform")));
    }

    [Fact]
    public async Task Signatures_and_held_positions_carry_the_new_date_and_the_audit_entry_records_each_field_old_and_new()
    {
        using var admin = app.Admin();
        var statements = new Statements(admin);
        var (a, b, c) = (await statements.NewActorAsync(), await statements.NewActorAsync(), await statements.NewActorAsync());
        var document = await statements.DocumentAsync("2022-03-04", [a, b], "The Sides support strategic stability and oppose an arms race in outer space.", "en");
        await statements.ClaimAsync(document, "support strategic stability", [a, b], "supports", "strategic-stability");
        await statements.ClaimAsync(document, "oppose an arms race in outer space", [a], "opposes", "strategic-stability");
        var audited = await AuditCountAsync(document.Id);

        using var response = await PutAsync(admin, document.Id, new
        {
            title = "Joint statement on strategic stability",
            issuedOn = "2022-02-04",
            kind = "declaration",
            place = "Beijing",
            sourceUrl = "https://example.org/statement",
            signatories = new[] { b, a, c },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await GetAsync(admin, $"/api/documents/{document.Id}");
        Assert.Equal(("Joint statement on strategic stability", "2022-02-04", "declaration", "Beijing", "https://example.org/statement"),
            ((string)saved["title"]!, (string)saved["issuedOn"]!, (string)saved["kind"]!, (string)saved["place"]!, (string)saved["sourceUrl"]!));
        Assert.Equal([b, a, c], saved["signatories"]!.AsArray().Select(s => (string)s!["slug"]!));
        // The text and its claims are untouched.
        Assert.Equal(document.Body, (string)saved["body"]!);
        Assert.Equal(2, saved["claims"]!.AsArray().Count);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
            var signed = await db.DocumentSignatories.AsNoTracking().Where(s => s.DocumentId == document.Id).Select(s => s.IssuedOn).ToListAsync(_ct);
            Assert.Equal(3, signed.Count);
            Assert.All(signed, date => Assert.Equal(new DateOnly(2022, 2, 4), date));
            var held = await db.HeldPositions.AsNoTracking().Where(p => p.DocumentId == document.Id).ToListAsync(_ct);
            Assert.Equal(3, held.Count);
            Assert.All(held, p => Assert.Equal(new DateOnly(2022, 2, 4), p.IssuedOn));
            var derived = await HeldPositions.Derive(db).Where(p => p.DocumentId == document.Id).ToListAsync(_ct);
            Assert.Equal(derived.Select(p => (p.ClaimId, p.ActorId, p.IssuedOn)).Order(), held.Select(p => (p.ClaimId, p.ActorId, p.IssuedOn)).Order());
        }

        var history = (await GetAsync(admin, $"/api/documents/{document.Id}/history")).AsArray();
        Assert.Equal(audited + 1, history.Count);
        var entry = history[^1]!;
        Assert.Equal("updated", (string)entry["action"]!);
        Assert.False(string.IsNullOrEmpty((string?)entry["actor"]));
        Assert.Equal("2022-03-04", (string)entry["before"]!["issuedOn"]!);
        Assert.Equal("2022-02-04", (string)entry["after"]!["issuedOn"]!);
        Assert.Equal("joint_statement", (string)entry["before"]!["kind"]!);
        Assert.Equal("declaration", (string)entry["after"]!["kind"]!);
        Assert.Null(entry["before"]!["place"]);
        Assert.Equal("Beijing", (string)entry["after"]!["place"]!);
        Assert.StartsWith("Comparison test ", (string)entry["before"]!["title"]!, StringComparison.Ordinal);
        Assert.Equal([a, b], entry["before"]!["signatories"]!.AsArray().Select(s => (string)s!));
        Assert.Equal([b, a, c], entry["after"]!["signatories"]!.AsArray().Select(s => (string)s!));

        // Sending the details as they are changes nothing and records nothing.
        using var again = await PutAsync(admin, document.Id, await DetailsAsync(admin, document.Id));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(audited + 1, await AuditCountAsync(document.Id));
    }

    public static TheoryData<string, string, string> BadDetails() => new()
    {
        { "issuedOn", "\"2025-13-01\"", "issuedOn" },
        { "issuedOn", "\"8 May 2025\"", "issuedOn" },
        { "kind", "\"memoir\"", "kind" },
        { "kind", "null", "kind" },
        { "title", "\"  \"", "title" },
        { "sourceUrl", "\"javascript:alert(1)\"", "sourceUrl" },
        { "signatories", "[]", "signatories" },
        { "signatories", "[\"Atlantis\"]", "signatories[0]" },
        { "text", "\"A new text\"", "text" },
        { "language", "\"en\"", "language" },
    };

    [Theory]
    [MemberData(nameof(BadDetails))]
    public async Task Bad_details_are_a_validation_problem_naming_the_field_and_change_nothing(string field, string json, string error)
    {
        using var admin = app.Admin();
        var statements = new Statements(admin);
        var a = await statements.NewActorAsync();
        var document = await statements.DocumentAsync("2021-05-06", [a], "本国支持世界贸易组织改革。");
        var before = (await GetAsync(admin, $"/api/documents/{document.Id}")).ToJsonString();
        var details = JsonSerializer.SerializeToNode(await DetailsAsync(admin, document.Id, new() { ["issuedOn"] = "2021-05-07" }))!.AsObject();
        details[field] = JsonNode.Parse(json);

        using var response = await PutAsync(admin, document.Id, details);
        var problem = await response.ReadNodeAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(problem["errors"]![error]!.AsArray());
        Assert.Equal(before, (await GetAsync(admin, $"/api/documents/{document.Id}")).ToJsonString());
        Assert.Equal(1, await AuditCountAsync(document.Id));
    }

    [Fact]
    public async Task A_body_that_is_not_the_details_and_an_unknown_document_are_problems_too()
    {
        using var admin = app.Admin();
        var statements = new Statements(admin);
        var a = await statements.NewActorAsync();
        var document = await statements.DocumentAsync("2021-05-06", [a], "本国支持世界贸易组织改革。");

        using var content = new StringContent("""{"title": "T", "issuedOn": "2021-05-06", "kind": "speech", "signatories": "not a list"}""", System.Text.Encoding.UTF8, "application/json");
        using var malformed = await admin.PutAsync($"/api/documents/{document.Id}", content, _ct);
        using var missing = await PutAsync(admin, 999_999, new { title = "T", issuedOn = "2021-05-06", kind = "speech", signatories = new[] { a } });

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal("2021-05-06", (string)(await GetAsync(admin, $"/api/documents/{document.Id}"))["issuedOn"]!);
    }

    [Fact]
    public async Task Removing_a_signatory_that_holds_claims_is_refused_with_their_count_and_one_that_holds_none_goes()
    {
        using var admin = app.Admin();
        var statements = new Statements(admin);
        var (a, b, c) = (await statements.NewActorAsync(), await statements.NewActorAsync(), await statements.NewActorAsync());
        var document = await statements.DocumentAsync("2023-04-05", [a, b, c], "The Sides support strategic stability and oppose an arms race in outer space.", "en");
        await statements.ClaimAsync(document, "support strategic stability", [a, b], "supports", "strategic-stability");
        await statements.ClaimAsync(document, "oppose an arms race in outer space", [b], "opposes", "strategic-stability");

        // The date changes too, and must not be saved either when the signatories are refused.
        using var refused = await PutAsync(admin, document.Id, await DetailsAsync(admin, document.Id, new() { ["issuedOn"] = "2023-04-06", ["signatories"] = new[] { a } }));
        var problem = await refused.ReadNodeAsync();

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("holds 2 claims in this document", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Equal(2, (int)problem["claims"]!);
        Assert.Equal((b, 2), ((string)problem["holders"]![0]!["slug"]!, (int)problem["holders"]![0]!["claims"]!));
        var unchanged = await GetAsync(admin, $"/api/documents/{document.Id}");
        Assert.Equal([a, b, c], unchanged["signatories"]!.AsArray().Select(s => (string)s!["slug"]!));
        Assert.Equal("2023-04-05", (string)unchanged["issuedOn"]!);
        Assert.Equal(1, await AuditCountAsync(document.Id));

        using var removed = await PutAsync(admin, document.Id, await DetailsAsync(admin, document.Id, new() { ["signatories"] = new[] { a, b } }));

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal([a, b], (await removed.ReadNodeAsync())["signatories"]!.AsArray().Select(s => (string)s!["slug"]!));
    }

    [Fact]
    public async Task Visitors_get_401_and_viewers_403_and_nothing_changes()
    {
        using var admin = app.Admin();
        var statements = new Statements(admin);
        var a = await statements.NewActorAsync();
        var document = await statements.DocumentAsync("2021-05-06", [a], "本国支持世界贸易组织改革。");
        var details = await DetailsAsync(admin, document.Id, new() { ["issuedOn"] = "2020-01-01" });

        using var anonymous = app.Anonymous();
        using var visitor = await PutAsync(anonymous, document.Id, details);
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);
        using var refused = await viewer.SendJsonAsync(HttpMethod.Put, $"/api/documents/{document.Id}", details);

        Assert.Equal(HttpStatusCode.Unauthorized, visitor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("2021-05-06", (string)(await GetAsync(admin, $"/api/documents/{document.Id}"))["issuedOn"]!);
        Assert.Equal(1, await AuditCountAsync(document.Id));
    }
}
