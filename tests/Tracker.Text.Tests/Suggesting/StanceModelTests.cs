using Tracker.Domain.Claims;
using Tracker.Domain.Documents;
using Tracker.Text.Suggesting;

namespace Tracker.Text.Tests.Suggesting;

/// <summary>
/// The model learned from curated claims (issue 4): what it reads, what it will not read, what it learns from, and how the
/// suggester offers its readings. Trained here on small statements written for the test, one claim or none per sentence.
/// </summary>
public class StanceModelTests
{
    private static readonly (string Sentence, Stance? Stance)[] Statement =
    [
        ("对于任何挑衅，中方必将予以坚决回击。", Stance.Opposes),
        ("外部势力干涉中国内政，必将遭到坚决回击。", Stance.Opposes),
        ("中方将坚决回击一切侵犯主权的行径。", Stance.Opposes),
        ("双方将深化能源合作。", Stance.Commits),
        ("双方将深化人文交流。", Stance.Commits),
        ("双方将深化地方合作。", Stance.Commits),
        ("会谈在友好气氛中举行。", null),
        ("两国元首举行了会谈。", null),
        ("访问期间双方签署了文件。", null),
        ("会议在北京举行。", null),
    ];

    /// <summary>A document of the sentences, one after another, each sentence the span of its claim.</summary>
    private static CuratedDocument Document((string Sentence, Stance? Stance)[] sentences, DocumentKind kind = DocumentKind.JointStatement)
    {
        var body = string.Concat(sentences.Select(s => s.Sentence));
        var spans = new List<TextSpan>();
        var claims = new List<CuratedStance>();
        int start = 0;
        foreach (var (sentence, stance) in sentences)
        {
            var span = new TextSpan(start, start + sentence.Length);
            spans.Add(span);
            if (stance is { } s)
            {
                claims.Add(new CuratedStance(span, s));
            }

            start = span.End;
        }

        return new CuratedDocument(body, spans, claims) { Kind = kind };
    }

    private static StanceModel Trained(int copies = 3) =>
        StanceModel.Train(Enumerable.Range(0, copies).Select(_ => Document(Statement)))!;

    [Theory]
    [InlineData("中方必将坚决回击", Stance.Opposes)]
    [InlineData("双方将深化科技合作", Stance.Commits)]
    public void Reads_the_stance_of_wording_it_learned_with_the_words_that_weighed_most(string passage, Stance stance)
    {
        var reading = Trained().Read(passage, offset: 100);

        Assert.NotNull(reading);
        Assert.Equal(stance, reading.Value.Stance);
        Assert.InRange(reading.Value.Probability, 0.5, 1);
        // The strongest words point into the passage (offset by where it starts) at two characters that the claims of this stance
        // hold and the narrative never does; up to three of them, none overlapping another.
        var (start, end) = reading.Value.Words[0];
        var strongest = passage[(start - 100)..(end - 100)];
        Assert.Equal(2, strongest.Length);
        Assert.Contains(Statement, s => s.Stance == stance && s.Sentence.Contains(strongest, StringComparison.Ordinal));
        Assert.DoesNotContain(Statement, s => s.Stance is null && s.Sentence.Contains(strongest, StringComparison.Ordinal));
        Assert.InRange(reading.Value.Words.Count, 1, 3);
        Assert.All(reading.Value.Words, a => Assert.Single(reading.Value.Words, b => a.Start < b.End && b.Start < a.End));
        Assert.Null(Trained().Read(passage, minimum: 1.01));
    }

    [Fact]
    public void A_passage_like_the_narrative_it_learned_holds_no_claim()
    {
        Assert.Null(Trained().Read("会谈在上海举行"));
    }

    [Fact]
    public void A_script_it_never_learned_is_not_read()
    {
        Assert.Null(Trained().Read("China will firmly counter any provocation"));
    }

    [Fact]
    public void Training_twice_on_the_same_claims_reads_the_same()
    {
        var (first, second) = (Trained().Read("中方必将坚决回击")!.Value, Trained().Read("中方必将坚决回击")!.Value);

        Assert.Equal((first.Stance, first.Probability), (second.Stance, second.Probability));
        Assert.Equal(first.Words, second.Words);
    }

    [Fact]
    public void Nothing_is_learned_from_documents_without_a_claim()
    {
        Assert.Null(StanceModel.Train([Document([.. Statement.Where(s => s.Stance is null)])]));
    }

    [Fact]
    public void A_document_still_being_curated_teaches_only_the_passages_decided_on()
    {
        var whole = Document(Statement);
        // Only the first claim and the first narrative sentence decided: the rest are neither claims nor "no claim" yet.
        var decided = whole with { Decided = [whole.Sentences[0], whole.Sentences[6]] };

        var model = StanceModel.Train([decided])!;

        // The first sentence is two clauses, both of its claim; the narrative sentence is one.
        Assert.Equal((3, 2), (model.Passages, model.ClaimPassages));
        var all = StanceModel.Train([whole])!;
        Assert.Equal((12, 8), (all.Passages, all.ClaimPassages));
    }

    [Fact]
    public void Reads_only_the_families_of_documents_it_learned_enough_of()
    {
        var model = Trained(copies: StanceModel.DocumentsPerFamily);

        Assert.True(model.Reads(DocumentKind.JointStatement));
        Assert.True(model.Reads(DocumentKind.Communique));
        Assert.False(model.Reads(DocumentKind.Speech));
        Assert.False(model.Reads(DocumentKind.PressRelease));
        Assert.False(Trained(copies: StanceModel.DocumentsPerFamily - 1).Reads(DocumentKind.JointStatement));
    }

    [Fact]
    public void Speeches_with_only_rejections_on_them_do_not_make_it_read_speeches()
    {
        // Three speeches on which a curator only rejected a suggestion: decided passages holding no claim.
        var narrative = Document([.. Statement.Where(s => s.Stance is null)], DocumentKind.Speech);
        var rejectedOnly = narrative with { Decided = [narrative.Sentences[0]] };

        var model = StanceModel.Train([.. Enumerable.Range(0, 3).Select(_ => Document(Statement)), .. Enumerable.Repeat(rejectedOnly, StanceModel.DocumentsPerFamily)])!;

        Assert.False(model.Reads(DocumentKind.Speech));
        Assert.Equal(12 * 3 + 3, model.Passages);
    }

    [Fact]
    public void The_suggester_offers_a_reading_where_no_rule_suggests_anything_at_the_lowest_confidence()
    {
        var body = Normalizer.Normalize("对于任何挑衅，中方必将予以坚决回击。双方坚决反对单边制裁。").Body;

        var suggestions = SuggesterFixture.Suggester.Suggest(body, Segmenter.Segment(body).Sentences, ["china", "russia"], Trained(copies: 10));

        var learned = Assert.Single(suggestions, s => s.Learned);
        Assert.Equal((Stance.Opposes, "中方必将予以坚决回击"), (learned.Stance, learned.Quote));
        Assert.Equal(["china"], learned.Holders);
        Assert.All(learned.Cue.Split(" … "), word => Assert.Contains(word, learned.Quote, StringComparison.Ordinal));
        Assert.InRange(learned.Confidence, 0.05, 0.25);
        // The sentence a rule covers keeps its rule's suggestion alone.
        Assert.Equal("反对", Assert.Single(suggestions, s => s.Quote.Contains("单边制裁", StringComparison.Ordinal)).Cue);
    }

    [Fact]
    public void A_lead_in_is_not_read_its_position_follows_it()
    {
        var body = Normalizer.Normalize("双方指出，会议在北京举行。").Body;
        var model = StanceModel.Train(Enumerable.Range(0, 10).Select(_ => Document([("双方指出，", Stance.Supports), .. Statement])))!;

        Assert.NotNull(model.Read("双方指出"));
        Assert.DoesNotContain(SuggesterFixture.Suggester.Suggest(body, Segmenter.Segment(body).Sentences, ["china", "russia"], model), s => s.Learned);
    }
}
