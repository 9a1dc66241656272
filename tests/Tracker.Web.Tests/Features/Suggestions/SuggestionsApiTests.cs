using Microsoft.Extensions.DependencyInjection;
using Tracker.Data;
using Tracker.Domain.Lexicon;

namespace Tracker.Web.Tests.Features.Suggestions;

/// <summary>GET /api/documents/{id}/suggestions through the real server.</summary>
public sealed class SuggestionsApiTests(TrackerApp app)
{
    private const string Text = "𠀀。双方坚决反对单边制裁。俄方支持中国和东盟国家维护南海和平稳定。双方应摒弃冷战思维和零和博弈。";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, int DocumentId)> NewDocumentAsync()
    {
        var client = app.Admin();
        using var response = await client.PostAsJsonAsync("/api/documents", new
        {
            title = $"Suggestion test {Guid.NewGuid():N}",
            issuedOn = "2025-06-02",
            language = "zh-Hans",
            kind = "joint_statement",
            signatories = new[] { "china", "russia" },
            text = Text + Guid.NewGuid().ToString("N"),
        }, _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (client, (int)(await response.ReadNodeAsync())["id"]!);
    }

    private static JsonNode Suggestion(JsonArray suggestions, string topic) =>
        suggestions.Single(s => (string?)s!["topic"]!["slug"] == topic)!;

    [Fact]
    public async Task A_fresh_document_gets_suggestions_with_stance_holders_topic_and_code_point_span()
    {
        var (client, id) = await NewDocumentAsync();
        using var _ = client;

        var suggestions = (await client.GetFromJsonAsync<JsonArray>($"/api/documents/{id}/suggestions", _ct))!;

        var sanctions = Suggestion(suggestions, "unilateral-sanctions");
        Assert.Equal("opposes", (string)sanctions["stance"]!);
        Assert.Equal(3, (int)sanctions["intensity"]!);
        Assert.Equal(2, (int)sanctions["start"]!);
        Assert.Equal("双方坚决反对单边制裁", (string)sanctions["quote"]!);
        Assert.Equal(["china", "russia"], sanctions["holders"]!.AsArray().Select(h => (string)h!["slug"]!));
        Assert.Equal("Unilateral sanctions", (string)sanctions["topic"]!["label"]!);
        Assert.Equal("反对", (string)sanctions["cue"]!);

        var southChinaSea = Suggestion(suggestions, "south-china-sea");
        Assert.Equal(["russia"], southChinaSea["holders"]!.AsArray().Select(h => (string)h!["slug"]!));

        var coldWar = Suggestion(suggestions, "cold-war-mentality");
        Assert.Equal(("calls_for", true), ((string)coldWar["stance"]!, (bool)coldWar["negated"]!));
        Assert.InRange((double)coldWar["confidence"]!, 0, 1);
    }

    private async Task<int> DocumentAsync(HttpClient client, string kind, string text)
    {
        using var response = await client.PostAsJsonAsync("/api/documents", new
        {
            title = $"Suggestion test {Guid.NewGuid():N}", issuedOn = "2025-06-02", language = "zh-Hans", kind,
            signatories = new[] { "china", "russia" }, text = text + Guid.NewGuid().ToString("N"),
        }, _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (int)(await response.ReadNodeAsync())["id"]!;
    }

    [Fact]
    public async Task A_clause_no_cue_covers_is_offered_as_read_by_the_model_of_the_curated_claims_until_a_curator_claims_it()
    {
        using var client = app.Admin();
        const string Text = "对于任何挑衅，中方必将予以坚决回击。双方坚决反对单边制裁。";
        var id = await DocumentAsync(client, "joint_statement", Text);

        var suggestions = (await client.GetFromJsonAsync<JsonArray>($"/api/documents/{id}/suggestions", _ct))!;

        // No lexicon cue is in "中方必将予以坚决回击"; the model learned from seed and seed/dev reads it, and says so.
        var learned = Assert.Single(suggestions, s => (bool)s!["learned"]!)!;
        Assert.Equal("中方必将予以坚决回击", (string)learned["quote"]!);
        Assert.Equal(["china"], learned["holders"]!.AsArray().Select(h => (string)h!["slug"]!));
        Assert.All(((string)learned["cue"]!).Split(" … "), word => Assert.Contains(word, (string)learned["quote"]!, StringComparison.Ordinal));
        Assert.InRange((double)learned["confidence"]!, 0.05, 0.25);
        Assert.False((bool)Suggestion(suggestions, "unilateral-sanctions")["learned"]!);

        using var curator = await app.SignInAsNewAsync(Tracker.Web.Infrastructure.Auth.Roles.Curator);
        var page = await curator.GetDocumentAsync($"/documents/{id}?review=true");
        var card = page.QuerySelectorAll(".suggestion-card").Single(c => c.QuerySelector("q")!.TextContent == "中方必将予以坚决回击");
        Assert.StartsWith("learned from curated claims · words", card.QuerySelector(".cue")!.TextContent.Trim(), StringComparison.Ordinal);

        // A claim the curator makes on the clause, whatever its topic, answers the model there.
        var body = (string)(await client.GetFromJsonAsync<JsonNode>($"/api/documents/{id}", _ct))!["body"]!;
        await new Statements(client).ClaimAsync((id, body), "中方必将予以坚决回击", ["china"], "opposes", "unilateral-sanctions");
        var after = (await client.GetFromJsonAsync<JsonArray>($"/api/documents/{id}/suggestions", _ct))!;
        Assert.DoesNotContain(after, s => (bool)s!["learned"]!);
    }

    [Fact]
    public async Task With_learned_suggestions_switched_off_there_is_no_model_to_read_with()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        var configured = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Tracker.Web.Infrastructure.TrackerOptions>>().Value;
        using var off = new Tracker.Web.Features.Suggestions.SuggesterProvider(Microsoft.Extensions.Options.Options.Create(new Tracker.Web.Infrastructure.TrackerOptions
        {
            SeedDirectory = configured.SeedDirectory,
            LearnedSuggestions = false,
        }), Microsoft.Extensions.Logging.Abstractions.NullLogger<Tracker.Web.Features.Suggestions.SuggesterProvider>.Instance);

        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<Tracker.Web.Features.Suggestions.SuggesterProvider>().GetModelAsync(db, _ct));
        Assert.Null(await off.GetModelAsync(db, _ct));
    }

    [Fact]
    public async Task The_model_does_not_read_a_speech_it_learned_from_negotiated_texts_and_press_releases_only()
    {
        using var client = app.Admin();
        var id = await DocumentAsync(client, "speech", "对于任何挑衅，中方必将予以坚决回击。双方坚决反对单边制裁。");

        var suggestions = (await client.GetFromJsonAsync<JsonArray>($"/api/documents/{id}/suggestions", _ct))!;

        Assert.DoesNotContain(suggestions, s => (bool)s!["learned"]!);
        Assert.Equal("opposes", (string)Suggestion(suggestions, "unilateral-sanctions")["stance"]!);
    }

    [Fact]
    public async Task A_topic_found_by_resemblance_is_marked_guessed_in_the_api_and_on_its_review_card()
    {
        using var client = app.Admin();
        using var response = await client.PostAsJsonAsync("/api/documents", new
        {
            title = $"Suggestion test {Guid.NewGuid():N}", issuedOn = "2025-06-02", language = "zh-Hans", kind = "joint_statement",
            signatories = new[] { "china", "russia" }, text = "双方反对否定、歪曲和篡改二战历史。双方坚决反对单边制裁。" + Guid.NewGuid().ToString("N"),
        }, _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (int)(await response.ReadNodeAsync())["id"]!;

        var suggestions = (await client.GetFromJsonAsync<JsonArray>($"/api/documents/{id}/suggestions", _ct))!;

        var history = Suggestion(suggestions, "falsification-of-history");
        Assert.True((bool)history["topic"]!["guessed"]!);
        Assert.False((bool)Suggestion(suggestions, "unilateral-sanctions")["topic"]!["guessed"]!);

        using var curator = await app.SignInAsNewAsync(Tracker.Web.Infrastructure.Auth.Roles.Curator);
        var page = await curator.GetDocumentAsync($"/documents/{id}?review=true");
        var cards = page.QuerySelectorAll(".suggestion-card").ToList();
        Assert.Equal("topic guessed", cards.Single(c => c.QuerySelector(".topic")!.TextContent == (string)history["topic"]!["label"]!).QuerySelector(".tag.guessed")!.TextContent);
        Assert.Null(cards.Single(c => c.QuerySelector(".topic")!.TextContent == "Unilateral sanctions").QuerySelector(".tag.guessed"));
    }

    [Fact]
    public async Task An_accepted_claim_on_the_same_topic_and_span_is_not_suggested_again()
    {
        var (client, id) = await NewDocumentAsync();
        using var _ = client;
        var before = (await client.GetFromJsonAsync<JsonArray>($"/api/documents/{id}/suggestions", _ct))!;
        var sanctions = Suggestion(before, "unilateral-sanctions");

        using var created = await client.PostAsJsonAsync($"/api/documents/{id}/claims", new
        {
            start = (int)sanctions["start"]!,
            end = (int)sanctions["end"]!,
            quote = (string)sanctions["quote"]!,
            holders = new[] { "china", "russia" },
            stance = "opposes",
            intensity = 3,
            topic = "unilateral-sanctions",
            @implicit = false,
            negated = false,
            status = "accepted",
        }, _ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var after = (await client.GetFromJsonAsync<JsonArray>($"/api/documents/{id}/suggestions", _ct))!;
        Assert.DoesNotContain(after, s => (string?)s!["topic"]!["slug"] == "unilateral-sanctions");
        Assert.Equal(before.Count - 1, after.Count);
    }

    [Fact]
    public async Task A_cue_a_curator_adds_to_the_lexicon_table_is_used_at_once()
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
            db.LexiconEntries.Add(new LexiconEntry { Language = "en", Kind = LexiconKinds.Cue, Key = "condemns", Text = "excoriates" });
            await db.SaveChangesAsync(_ct);
        }

        using var client = app.Admin();
        using var response = await client.PostAsJsonAsync("/api/documents", new
        {
            title = $"Lexicon test {Guid.NewGuid():N}",
            issuedOn = "2025-06-02",
            language = "en",
            kind = "joint_statement",
            signatories = new[] { "united-states", "russia" },
            text = "Russia excoriates unilateral sanctions. " + Guid.NewGuid().ToString("N"),
        }, _ct);
        var id = (int)(await response.ReadNodeAsync())["id"]!;

        var suggestions = (await client.GetFromJsonAsync<JsonArray>($"/api/documents/{id}/suggestions", _ct))!;

        var sanctions = Suggestion(suggestions, "unilateral-sanctions");
        Assert.Equal(("condemns", "excoriates"), ((string)sanctions["stance"]!, (string)sanctions["cue"]!));
        Assert.Equal(["russia"], sanctions["holders"]!.AsArray().Select(h => (string)h!["slug"]!));
    }

    [Fact]
    public async Task Suggestions_need_a_signed_in_reader_and_an_existing_document()
    {
        using var anonymous = app.Anonymous();
        using var admin = app.Admin();

        using var unauthorized = await anonymous.GetAsync("/api/documents/1/suggestions", _ct);
        using var missing = await admin.GetAsync("/api/documents/999999/suggestions", _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Seeded_documents_with_curated_claims_get_few_suggestions_beyond_them()
    {
        using var client = app.Admin();
        var documents = (await client.GetFromJsonAsync<JsonArray>("/api/documents", _ct))!;
        var id = documents.Where(d => (string?)d!["key"] == "2025-05-08-cn-ru-global-strategic-stability").Select(d => (int)d!["id"]!).Single();
        var document = (await client.GetFromJsonAsync<JsonNode>($"/api/documents/{id}", _ct))!;
        var claims = document["claims"]!.AsArray();

        var suggestions = (await client.GetFromJsonAsync<JsonArray>($"/api/documents/{id}/suggestions", _ct))!;

        Assert.All(suggestions, s => Assert.DoesNotContain(claims, c =>
            (string?)c!["topic"]!["slug"] == (string?)s!["topic"]!["slug"]
            && (int)c["start"]! < (int)s["end"]! && (int)s["start"]! < (int)c["end"]!));
    }
}
