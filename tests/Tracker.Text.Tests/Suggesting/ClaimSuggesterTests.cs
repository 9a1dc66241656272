using Tracker.Domain.Claims;
using Tracker.Text.Suggesting;

namespace Tracker.Text.Tests.Suggesting;

public class ClaimSuggesterTests
{
    private static readonly string[] ChinaRussia = ["china", "russia"];

    [Fact]
    public void Simplified_call_on_a_principle_is_calls_for_by_both_signatories()
    {
        var suggestions = SuggesterFixture.Suggest("双方呼吁各国坚持全球和地区安全平等且不可分割原则，全力消弭国家间的冲突。", ChinaRussia);

        var claim = Assert.Single(suggestions, s => s.TopicSlug == "indivisible-security");
        Assert.Equal(Stance.CallsFor, claim.Stance);
        Assert.Equal(ChinaRussia, claim.Holders);
        Assert.Equal("呼吁", claim.Cue);
        Assert.False(claim.Negated);
        Assert.Equal("双方呼吁各国坚持全球和地区安全平等且不可分割原则", claim.Quote);
        Assert.Equal(new TextSpan(0, claim.Quote.Length), claim.Span);
    }

    [Fact]
    public void Traditional_script_reads_the_same_as_simplified()
    {
        var simplified = SuggesterFixture.Suggest("双方呼吁各国坚持全球和地区安全平等且不可分割原则，全力消弭国家间的冲突。", ChinaRussia);
        var traditional = SuggesterFixture.Suggest("雙方呼籲各國堅持全球和地區安全平等且不可分割原則，全力消弭國家間的衝突。", ChinaRussia);

        Assert.Equal(
            simplified.Select(s => (s.Start, s.End, s.Stance, s.TopicSlug, s.Negated, s.Intensity)),
            traditional.Select(s => (s.Start, s.End, s.Stance, s.TopicSlug, s.Negated, s.Intensity)));
        Assert.Contains(traditional, s => s.TopicSlug == "indivisible-security" && s.Cue == "呼籲");
    }

    [Fact]
    public void Rejecting_verb_after_a_modal_is_calls_for_with_the_topic_negated()
    {
        var suggestions = SuggesterFixture.Suggest("应摒弃冷战思维和零和博弈。", ChinaRussia);

        var claim = Assert.Single(suggestions);
        Assert.Equal(Stance.CallsFor, claim.Stance);
        Assert.True(claim.Negated);
        Assert.Equal("cold-war-mentality", claim.TopicSlug);
    }

    [Fact]
    public void Intensifier_at_the_cue_raises_intensity_by_one_to_at_most_three()
    {
        var opposes = Assert.Single(SuggesterFixture.Suggest("双方坚决反对单边制裁。", ChinaRussia));
        var plain = Assert.Single(SuggesterFixture.Suggest("双方反对单边制裁。", ChinaRussia));
        var condemns = Assert.Single(SuggesterFixture.Suggest("双方强烈谴责单边制裁。", ChinaRussia));

        Assert.Equal((Stance.Opposes, 3), (opposes.Stance, opposes.Intensity));
        Assert.Equal((Stance.Opposes, 2), (plain.Stance, plain.Intensity));
        Assert.Equal((Stance.Condemns, 3, "强烈谴责"), (condemns.Stance, condemns.Intensity, condemns.Cue));
    }

    [Fact]
    public void One_side_holder_resolves_to_that_side_only()
    {
        var suggestions = SuggesterFixture.Suggest("俄方支持中国和东盟国家维护南海和平稳定。", ChinaRussia);

        var claim = Assert.Single(suggestions, s => s.TopicSlug == "south-china-sea");
        Assert.Equal(Stance.Supports, claim.Stance);
        Assert.Equal(["russia"], claim.Holders);
    }

    [Fact]
    public void Longest_alias_wins_over_an_alias_inside_it()
    {
        var suggestions = SuggesterFixture.Suggest("双方欢迎重启美俄战略稳定对话。", ChinaRussia);

        var claim = Assert.Single(suggestions);
        Assert.Equal("strategic-stability-dialogue", claim.TopicSlug);
        Assert.Equal(Stance.Welcomes, claim.Stance);
    }

    [Fact]
    public void Post_positioned_criticism_governs_the_topic_before_it()
    {
        var suggestions = SuggesterFixture.Suggest("某些核武器国家在境外部署陆基中短程导弹的计划和行动令人关切。", ChinaRussia);

        var claim = Assert.Single(suggestions, s => s.TopicSlug == "intermediate-range-missiles");
        Assert.Equal(Stance.Concerned, claim.Stance);
        Assert.Equal("implicit", claim.Target);
    }

    [Fact]
    public void English_we_resolves_to_every_signatory_and_affirm_is_reaffirms()
    {
        string[] p5 = ["china", "france", "russia", "united-kingdom", "united-states"];
        var suggestions = SuggesterFixture.Suggest("We affirm that a nuclear war cannot be won and must never be fought.", p5);

        var claim = Assert.Single(suggestions, s => s.TopicSlug == "nuclear-war-cannot-be-won");
        Assert.Equal(Stance.Reaffirms, claim.Stance);
        Assert.Equal(p5, claim.Holders);
        Assert.False(claim.Negated);
    }

    [Fact]
    public void English_named_holder_and_intensifier_are_read()
    {
        var suggestions = SuggesterFixture.Suggest("Russia strongly condemns unilateral sanctions.", "united-states", "russia");

        var claim = Assert.Single(suggestions);
        Assert.Equal((Stance.Condemns, 3, "unilateral-sanctions"), (claim.Stance, claim.Intensity, claim.TopicSlug));
        Assert.Equal(["russia"], claim.Holders);
    }

    [Fact]
    public void Russian_cues_and_holders_are_read()
    {
        var both = Assert.Single(SuggesterFixture.Suggest("Стороны решительно осуждают односторонние санкции.", ChinaRussia));
        var one = Assert.Single(SuggesterFixture.Suggest("Российская Сторона поддерживает меры доверия.", ChinaRussia));

        Assert.Equal((Stance.Condemns, 3, "unilateral-sanctions"), (both.Stance, both.Intensity, both.TopicSlug));
        Assert.Equal(ChinaRussia, both.Holders);
        Assert.Equal((Stance.Supports, "confidence-building"), (one.Stance, one.TopicSlug));
        Assert.Equal(["russia"], one.Holders);
    }

    [Fact]
    public void A_cue_without_a_known_topic_proposes_its_object_as_a_new_topic()
    {
        var suggestions = SuggesterFixture.Suggest("双方支持加强青年交流。", ChinaRussia);

        var claim = Assert.Single(suggestions);
        Assert.Null(claim.TopicSlug);
        Assert.True(claim.ProposesTopic);
        Assert.Equal("加强青年交流", claim.TopicLabel);
        Assert.Equal(Stance.Supports, claim.Stance);
    }

    [Fact]
    public void Offsets_count_code_points_past_supplementary_characters()
    {
        var suggestions = SuggesterFixture.Suggest("𠀀𠀀。双方反对单边制裁。", ChinaRussia);

        var claim = Assert.Single(suggestions);
        Assert.Equal(new TextSpan(3, 11), claim.Span);
        Assert.Equal("双方反对单边制裁", claim.Quote);
    }

    [Fact]
    public void Every_suggestion_on_the_seed_page_lies_within_one_sentence_and_quotes_its_span()
    {
        var body = Seed.PageDocument(1).Body;
        var segmentation = Segmenter.Segment(body);
        var index = new CodePointIndex(body);

        var suggestions = SuggesterFixture.Suggester.Suggest(body, segmentation.Sentences, ChinaRussia);

        Assert.True(suggestions.Count > 30, $"only {suggestions.Count} suggestions");
        Assert.All(suggestions, s =>
        {
            Assert.Contains(segmentation.Sentences, sentence => sentence.Contains(s.Span));
            Assert.Equal(s.Quote, index.Slice(s.Span));
            Assert.InRange(s.Intensity, 1, 3);
            Assert.InRange(s.Confidence, 0, 1);
        });
    }

    [Fact]
    public void Acronyms_match_only_in_capitals()
    {
        var suggestions = SuggesterFixture.Suggest("Стороны выступают против глобальной ПРО. Мы говорим про сотрудничество.", ChinaRussia);

        Assert.Single(suggestions, s => s.TopicSlug == "missile-defense");
        Assert.Equal(Stance.Opposes, suggestions.Single(s => s.TopicSlug == "missile-defense").Stance);
    }

    [Theory]
    [InlineData("雙方應摒棄冷戰思維和零和博弈。", "calls_for", 2, true, "cold-war-mentality")]
    [InlineData("雙方應擯棄冷戰思維。", "calls_for", 2, true, "cold-war-mentality")]
    [InlineData("雙方強烈譴責單邊制裁。", "condemns", 3, false, "unilateral-sanctions")]
    [InlineData("雙方堅決反對單邊制裁。", "opposes", 3, false, "unilateral-sanctions")]
    public void Traditional_negation_and_intensifiers_read_as_in_simplified(string text, string stance, int intensity, bool negated, string topic)
    {
        var claim = Assert.Single(SuggesterFixture.Suggest(text, ChinaRussia));

        Assert.Equal((stance, intensity, negated, topic), (claim.Stance.Code(), claim.Intensity, claim.Negated, claim.TopicSlug));
        Assert.Equal(ChinaRussia, claim.Holders);
    }

    [Theory]
    [InlineData("双方重申致力于维护和加强全球战略稳定。", "strategic-stability", "重申")]
    [InlineData("双方重申愿为推动半岛问题政治解决进程发挥建设性作用。", "korean-peninsula", "重申")]
    [InlineData("We reaffirm the importance of addressing nuclear threats.", "nuclear-war-prevention", "reaffirm")]
    public void Restating_a_commitment_or_support_is_reaffirms(string text, string topic, string cue)
    {
        var claim = Assert.Single(SuggesterFixture.Suggest(text, ChinaRussia), s => s.TopicSlug == topic);

        Assert.Equal((Stance.Reaffirms, cue), (claim.Stance, claim.Cue));
    }

    [Fact]
    public void Restating_criticism_keeps_the_criticism()
    {
        var claim = Assert.Single(SuggesterFixture.Suggest("双方重申反对个别国家将外空界定并用于“作战疆域”。", ChinaRussia), s => s.TopicSlug == "space-weaponization");

        Assert.Equal(Stance.Opposes, claim.Stance);
    }

    [Fact]
    public void Same_topic_under_two_holders_is_two_suggestions()
    {
        var suggestions = SuggesterFixture.Suggest(
            "俄方支持中方担任上海合作组织轮值主席国工作，中方支持俄方担任上海合作组织成员国政府首脑（总理）理事会会议东道国。", ChinaRussia);

        var chairmanship = suggestions.Where(s => s.TopicSlug == "sco-chairmanship").ToList();
        Assert.Equal([["russia"], ["china"]], chairmanship.Select(s => s.Holders.ToArray()));
        Assert.All(chairmanship, s => Assert.Equal(Stance.Supports, s.Stance));
    }

    [Fact]
    public void Same_topic_under_a_second_cue_of_another_stance_is_a_second_suggestion()
    {
        var suggestions = SuggesterFixture.Suggest("俄方支持中方提出的全球发展倡议，将继续参与“全球发展倡议之友小组”工作。", ChinaRussia);

        var initiative = suggestions.Where(s => s.TopicSlug == "global-development-initiative").ToList();
        Assert.Equal([Stance.Supports, Stance.Commits], initiative.Select(s => s.Stance));
        Assert.EndsWith("工作", initiative[1].Quote, StringComparison.Ordinal);
    }

    private static readonly string[] UnitedStatesKorea = ["united-states", "rok"];

    [Fact]
    public void Holder_phrases_joined_by_and_hold_together()
    {
        var claim = Assert.Single(
            SuggesterFixture.Suggest("The United States and the ROK reaffirm support for ASEAN centrality and the ASEAN-led regional architecture.", UnitedStatesKorea),
            s => s.TopicSlug == "asean-cooperation");

        Assert.Equal(UnitedStatesKorea, claim.Holders);
    }

    [Fact]
    public void A_leader_named_beside_a_known_one_makes_the_signatories_the_holders()
    {
        var claim = Assert.Single(
            SuggesterFixture.Suggest("President Biden and President Moon emphasize their shared commitment to the complete denuclearization of the Korean Peninsula.", UnitedStatesKorea),
            s => s.TopicSlug == "korean-peninsula");

        Assert.Equal(UnitedStatesKorea, claim.Holders);
    }

    [Fact]
    public void One_holder_alone_is_that_holder()
    {
        var claim = Assert.Single(
            SuggesterFixture.Suggest("The United States also welcomes the ROK’s initiatives to increase cooperation with the countries of Latin America.", UnitedStatesKorea),
            s => s.TopicSlug == "latin-america-caribbean");

        Assert.Equal(["united-states"], claim.Holders);
    }

    [Fact]
    public void A_hyphenated_alias_also_matches_the_closed_and_open_spellings()
    {
        var closed = SuggesterFixture.Suggest("The two sides reaffirm that close coordination on all matters related to global nonproliferation remains key.", UnitedStatesKorea);
        var open = SuggesterFixture.Suggest("The two sides reaffirm that close coordination on all matters related to global non proliferation remains key.", UnitedStatesKorea);

        Assert.Contains(closed, s => s.TopicSlug == "nuclear-non-proliferation" && s.Stance == Stance.Reaffirms);
        Assert.Contains(open, s => s.TopicSlug == "nuclear-non-proliferation" && s.Stance == Stance.Reaffirms);
    }

    [Fact]
    public void A_commitment_cue_whose_subject_is_a_criticised_party_is_opposed()
    {
        var suggestions = SuggesterFixture.Suggest("国际上少数势力继续顽固奉行单边主义，诉诸强权政治，干涉他国内政。国际社会对此绝不接受。", ChinaRussia);

        Assert.DoesNotContain(suggestions, s => s.Stance == Stance.Commits);
        var hegemonism = suggestions.Where(s => s.TopicSlug == "hegemonism").ToList();
        Assert.Equal(2, hegemonism.Count);
        Assert.All(hegemonism, s => Assert.Equal(Stance.Opposes, s.Stance));
        Assert.Equal(LexiconLanguage.ImplicitTarget, hegemonism[0].Target);
        Assert.Equal("绝不接受", hegemonism[1].Cue);
    }

    [Theory]
    [InlineData("两国和两国人民发展世代友好和互利合作的愿望坚定不移。")]
    [InlineData("兩國和兩國人民發展世代友好和互利合作的願望堅定不移。")]
    [InlineData("在雙方多年共同努力下，中俄全面戰略協作夥伴關係已成為一組大國關係。")]
    public void A_wish_or_a_joint_effort_as_a_noun_is_not_a_commitment(string text)
    {
        Assert.DoesNotContain(SuggesterFixture.Suggest(text, ChinaRussia), s => s.Stance == Stance.Commits);
    }

    [Fact]
    public void Being_dedicated_to_a_commitment_is_commits()
    {
        var suggestions = SuggesterFixture.Suggest(
            "Our countries are dedicated to honoring our commitments to non-proliferation as parties to the Treaty on the Non-Proliferation of Nuclear Weapons.",
            UnitedStatesKorea);

        Assert.Contains(suggestions, s => s.TopicSlug == "nuclear-non-proliferation" && s.Stance == Stance.Commits);
        Assert.Contains(suggestions, s => s.TopicSlug == "npt" && s.Stance == Stance.Commits);
    }
}
