using Tracker.Domain.Claims;
using Tracker.Text.Suggesting;

namespace Tracker.Text.Tests.Suggesting;

/// <summary>
/// The rules that carry the suggester beyond the seed's wording (issue 4), each on a real sentence of the seed, of
/// seed/dev or of shared/corpus: coordinated and stacked cues, violation words, verbless sentences, a proposal's
/// stance, and topics found by resemblance when no alias occurs word for word.
/// </summary>
public class GeneralisationTests
{
    private static readonly string[] ChinaRussia = ["china", "russia"];
    private static readonly string[] G7 = ["g7"];

    [Fact]
    public void Coordinated_cues_take_the_stronger_on_the_ladder_in_traditional_script()
    {
        // HKSAR spokesman, 15 April 2024 (seed/dev).
        var suggestions = SuggesterFixture.Suggest("特區政府強烈譴責和反對英國通過所謂半年報告對「一國兩制」成功實踐下的香港作出肆意詆毀和政治攻擊。", "china");

        var claim = Assert.Single(suggestions);
        Assert.Equal((Stance.Condemns, 3, "強烈譴責"), (claim.Stance, claim.Intensity, claim.Cue));
    }

    [Fact]
    public void Welcome_and_support_is_support()
    {
        // G7 Leaders' Statement, corpus (the clause after "We remain committed to diplomacy and").
        var suggestions = SuggesterFixture.Suggest("We welcome and support the earnest efforts by Ukraine’s President Volodymyr Zelenskyy to promote a just peace.", G7);

        Assert.Contains(suggestions, s => s.Stance == Stance.Supports && s.Cue == "support");
        Assert.DoesNotContain(suggestions, s => s.Stance == Stance.Welcomes);
    }

    [Fact]
    public void Criticism_inside_a_condemnation_keeps_the_condemnation()
    {
        // 2024 China–Russia statement (seed/dev): 妄图 is what the other side attempts, 谴责 is the holders' stance.
        var suggestions = SuggesterFixture.Suggest("双方严厉谴责美化甚至妄图复活纳粹主义和军国主义行径。", ChinaRussia);

        var claim = Assert.Single(suggestions);
        Assert.Equal((Stance.Condemns, "严厉谴责"), (claim.Stance, claim.Cue));
    }

    [Fact]
    public void A_violation_word_after_a_stance_describes_its_object_and_negates_the_norm()
    {
        // Seed, China–Russia statement on international law.
        var suggestions = SuggesterFixture.Suggest("双方谴责绕过联合国安理会实施违反《联合国宪章》和国际法、妨碍司法以及违反世界贸易组织规则的卑劣行径。", ChinaRussia);

        var charter = Assert.Single(suggestions, s => s.TopicSlug == "un-charter");
        Assert.Equal((Stance.Condemns, true), (charter.Stance, charter.Negated));
        Assert.DoesNotContain(suggestions, s => s.Cue == "违反");
    }

    [Fact]
    public void A_violation_word_after_its_topic_opposes_it()
    {
        // 2024 China–Russia statement (seed/dev): criticism Chinese puts last.
        var suggestions = SuggesterFixture.Suggest("双方认为，新殖民主义和霸权主义完全违背了当今时代潮流。", ChinaRussia);

        var claim = Assert.Single(suggestions, s => s.TopicSlug == "hegemonism");
        Assert.Equal((Stance.Opposes, "违背"), (claim.Stance, claim.Cue));
    }

    [Fact]
    public void Remain_steadfast_in_reaffirms()
    {
        // G7 Hiroshima communiqué, corpus.
        var suggestions = SuggesterFixture.Suggest("We remain steadfast in our support of the Chemical Weapons Convention.", G7);

        Assert.Contains(suggestions, s => s.Stance == Stance.Reaffirms && s.Cue == "remain steadfast in");
    }

    [Fact]
    public void A_proposal_carries_the_stance_of_its_cue_chain()
    {
        // Washington Declaration (seed/dev): "affirmed that … will" restates a commitment.
        var suggestions = SuggesterFixture.Suggest("President Yoon affirmed that the ROK will apply the full range of its capabilities to the Alliance’s combined defense posture.", "united-states", "rok");

        var claim = Assert.Single(suggestions);
        Assert.Equal((Stance.Reaffirms, "affirmed"), (claim.Stance, claim.Cue));
    }

    [Fact]
    public void A_verbless_english_sentence_is_narrative_not_a_position()
    {
        // Seed, Iron Dome for America: history, with topics but no stance verb.
        var suggestions = SuggesterFixture.Suggest("And since the United States withdrew from the Anti-Ballistic Missile Treaty in 2002, homeland missile defense has been limited.", "united-states");

        Assert.Empty(suggestions);
    }

    [Fact]
    public void A_verbless_chinese_sentence_that_advances_something_commits_to_it()
    {
        // Seed, China–Russia comprehensive partnership statement.
        var suggestions = SuggesterFixture.Suggest("加强沟通协调，共同推动互联互通、数字经济等各领域务实合作。", ChinaRussia);

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal((Stance.Commits, "加强"), (s.Stance, s.Cue)));
        Assert.Contains(suggestions, s => s.TopicSlug == "connectivity");
    }

    [Fact]
    public void A_lone_verb_leading_into_a_list_proposes_nothing()
    {
        // Seed, Iron Dome for America.
        Assert.Empty(SuggesterFixture.Suggest("The architecture shall include:", "united-states"));
    }

    [Fact]
    public void An_object_with_no_alias_goes_to_the_topic_it_resembles()
    {
        // 2024 China–Russia statement (seed/dev): no alias of falsification-of-history ("篡改历史") occurs word for word.
        var suggestions = SuggesterFixture.Suggest("双方反对否定、歪曲和篡改二战历史。", ChinaRussia);

        var claim = Assert.Single(suggestions);
        Assert.Equal((Stance.Opposes, "falsification-of-history", false), (claim.Stance, claim.TopicSlug, claim.ProposesTopic));
        Assert.True(claim.TopicGuessed);
    }

    [Fact]
    public void A_topic_named_by_its_alias_is_not_marked_guessed()
    {
        var claim = Assert.Single(SuggesterFixture.Suggest("双方反对单边制裁。", ChinaRussia));

        Assert.Equal("unilateral-sanctions", claim.TopicSlug);
        Assert.False(claim.TopicGuessed);
    }

    [Fact]
    public void An_object_that_resembles_no_topic_is_proposed_as_a_new_one_with_its_text()
    {
        // Seed, China–Russia comprehensive partnership statement.
        var suggestions = SuggesterFixture.Suggest("双方将为此发挥积极、建设性作用。", ChinaRussia);

        var claim = Assert.Single(suggestions);
        Assert.True(claim.ProposesTopic);
        Assert.Equal("为此发挥积极、建设性作用", claim.TopicLabel);
    }

    [Fact]
    public void Resemblance_weighs_rare_words_and_bigrams_in_every_script_and_stems_plurals()
    {
        SuggesterTopic[] topics =
        [
            new("falsification-of-history", "Falsification of history", ["篡改历史", "篡改歷史", "rewriting history"]),
            new("history-and-memory", "History and memory", ["历史真相", "歷史真相", "historical memory"]),
            new("chemical-weapons", "Chemical weapons", ["化学武器", "Chemical Weapons Convention"]),
        ];
        var resemblance = new TopicResemblance(topics);

        Assert.Equal(0, resemblance.Match("歪曲和篡改二战历史"));
        Assert.Equal(0, resemblance.Match("歪曲和篡改二戰歷史"));
        Assert.Equal(2, resemblance.Match("the chemical weapon convention's verification"));
        Assert.Equal(-1, resemblance.Match("历史"));
        Assert.Equal(-1, resemblance.Match("the weather"));
    }

    [Fact]
    public void Resemblance_needs_two_shared_features_so_one_common_word_is_not_a_topic()
    {
        // G7 Hiroshima communiqué (corpus): "sharing best practices" is no nuclear sharing, "our financial system" no UN system.
        SuggesterTopic[] topics =
        [
            new("nuclear-sharing", "Nuclear sharing", ["nuclear sharing", "核共享"]),
            new("un-system", "UN system", ["UN system"]),
        ];
        var resemblance = new TopicResemblance(topics);

        Assert.Equal(-1, resemblance.Match("support other countries by sharing best practices for protected areas"));
        Assert.Equal(-1, resemblance.Match("that our financial system is resilient"));
        Assert.Equal(0, resemblance.Match("the sharing of U.S. nuclear weapons"));
    }

    [Fact]
    public void A_named_leader_holds_for_their_own_state_only()
    {
        // Washington Declaration (seed/dev).
        var suggestions = SuggesterFixture.Suggest("President Yoon reaffirmed the ROK’s longstanding commitment to its obligations under the Treaty on the Non-Proliferation of Nuclear Weapons.", "united-states", "rok");

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal((Stance.Reaffirms, "rok"), (s.Stance, Assert.Single(s.Holders))));
    }

    [Fact]
    public void A_threat_named_as_the_object_of_a_commitment_is_not_a_concern()
    {
        // Washington Declaration (seed/dev).
        var suggestions = SuggesterFixture.Suggest("The United States and the ROK will stand together in the face of any threats to the peace and stability of the Korean Peninsula.", "united-states", "rok");

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal(Stance.Commits, s.Stance));
    }

    [Fact]
    public void A_solemn_rebuttal_opposes_with_more_intensity_in_traditional_script()
    {
        // HKSAR spokesman, 15 April 2024 (seed/dev).
        var suggestions = SuggesterFixture.Suggest("特區政府嚴正反駁英國所謂半年報告對重塑區議會的錯誤描述。", "china");

        var claim = Assert.Single(suggestions);
        Assert.Equal((Stance.Opposes, 3, "反駁"), (claim.Stance, claim.Intensity, claim.Cue));
    }

    [Fact]
    public void A_signatory_named_by_its_own_short_form_holds_alone()
    {
        // Chinese joint statements name each party by its short form ("密方", "所方" in seed/dev; "法方" is a seed actor's alias).
        var suggestions = SuggesterFixture.Suggest("法方坚定支持多边主义。", "china", "france");

        var claim = Assert.Single(suggestions);
        Assert.Equal(["france"], claim.Holders);
    }

    [Fact]
    public void An_actor_that_did_not_sign_holds_nothing()
    {
        var suggestions = SuggesterFixture.Suggest("英方坚定支持多边主义。", "china", "france");

        var claim = Assert.Single(suggestions);
        Assert.Equal(["china", "france"], claim.Holders);
    }

    [Fact]
    public void A_signatory_named_as_an_object_is_no_holder()
    {
        // China–Micronesia joint statement (seed/dev), with France for Micronesia: "中国" here is what is supported, not who supports.
        var suggestions = SuggesterFixture.Suggest("法方坚定奉行一个中国政策，坚定支持中国实现国家统一，坚持多边主义。", "china", "france");

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal(["france"], s.Holders));
    }

    [Theory]
    [InlineData("雙方確保多邊主義得到全面落實。", Stance.Commits)]
    [InlineData("特區政府將持續推進多邊主義。", Stance.Commits)]
    [InlineData("两国将继续秉持多边主义。", Stance.Reaffirms)]
    [InlineData("密方坚定奉行多边主义。", Stance.Reaffirms)]
    [InlineData("我方嚴正抗議單邊主義。", Stance.Opposes)]
    [InlineData("我方堅拒單邊主義。", Stance.Opposes)]
    [InlineData("正告北京當局停止單邊主義。", Stance.CallsFor)]
    public void Common_stance_verbs_of_chinese_statements_in_either_script(string sentence, Stance stance)
    {
        // Verbs of the codebook's kinds the seed never used: 确保/確保 and 将持续 commit, 秉持 and 奉行 adhere to,
        // 抗议 and 坚拒 oppose, 正告 demands (Taipei and Macao statements, seed/dev; Chinese joint statements).
        var suggestions = SuggesterFixture.Suggest(sentence, "china");

        Assert.Contains(suggestions, s => s.Stance == stance && s.TopicSlug is "multilateralism" or "hegemonism");
    }

    [Fact]
    public void A_framing_stance_governs_what_others_do_in_its_sentence()
    {
        // Seed, China–Russia statement on global strategic stability: it is the holders' regret, not their adherence.
        var suggestions = SuggesterFixture.Suggest("双方支持多边主义。遗憾的是，并非所有国家都奉行多边主义。", ChinaRussia);

        Assert.Equal([Stance.Supports, Stance.Concerned], suggestions.Select(s => s.Stance));
    }

    [Fact]
    public void An_expressed_stance_takes_the_object_before_it()
    {
        // Macao SAR government, 2021 (seed/dev): the object stands between 對於 and 表示.
        var suggestions = SuggesterFixture.Suggest("澳門特別行政區政府對於歐洲議會通過的報告表示堅決反對及極度遺憾。", "china");

        var claim = Assert.Single(suggestions);
        Assert.Equal((Stance.Opposes, "歐洲議會通過的報告"), (claim.Stance, claim.TopicLabel));
    }

    [Fact]
    public void Chinese_separatist_shorthands_are_separatism()
    {
        var suggestions = SuggesterFixture.Suggest("双方坚决反对任何形式的“台独”。", ChinaRussia);

        Assert.Equal("separatism", Assert.Single(suggestions).TopicSlug);
    }

    [Fact]
    public void At_the_invitation_of_is_no_request()
    {
        // The opening of Chinese joint statements (China–Solomon Islands, China–Micronesia, seed/dev).
        var suggestions = SuggesterFixture.Suggest("应中华人民共和国主席习近平邀请，总统于2024年4月5日至12日对中国进行国事访问。", "china");

        Assert.DoesNotContain(suggestions, s => s.Stance == Stance.CallsFor);
    }

    [Fact]
    public void A_verbless_sentence_that_tells_of_the_meeting_takes_no_position()
    {
        // China–Micronesia joint statement (seed/dev); without its verb of meeting the sentence would be mild support.
        Assert.Empty(SuggesterFixture.Suggest("两国领导人就双边关系以及共同关心的国际和地区问题深入交换意见。", "china"));
        Assert.NotEmpty(SuggesterFixture.Suggest("两国领导人就双边关系以及共同关心的国际和地区问题。", "china"));
    }

    [Fact]
    public void The_parties_own_relationship_is_the_topic_that_joins_them()
    {
        // China–Micronesia joint statement (seed/dev): "双边关系" there is their partnership; here the seed's China–Russia one.
        var suggestions = SuggesterFixture.Suggest("双方积极评价建交以来两国关系发展成果。", ChinaRussia);

        Assert.Equal("china-russia-partnership", Assert.Single(suggestions).TopicSlug);
    }

    [Fact]
    public void Without_a_topic_joining_the_parties_bilateral_relations_stay_general()
    {
        var suggestions = SuggesterFixture.Suggest("双方积极评价双边关系发展成果。", "china", "france");

        Assert.Equal("bilateral-relations", Assert.Single(suggestions).TopicSlug);
    }

    [Theory]
    [InlineData("China–Russia comprehensive strategic partnership of coordination for a new era", "china,russia")]
    [InlineData("US–Russia relations", "united-states,russia")]
    [InlineData("Great-power relations", null)]
    [InlineData("China–Russia Declaration on the Promotion of International Law (2016)", null)]
    [InlineData("Sino-Soviet split", null)]
    public void A_topic_named_for_two_parties_is_their_relationship(string label, string? parties)
    {
        var actors = SuggesterActor.LoadSeedFile(Path.Combine(SuggesterFixture.SeedFolder, "actors.json"));

        Assert.Equal(parties, ClaimSuggester.RelationParties(label, actors) is { } found ? string.Join(',', found) : null);
    }

    [Fact]
    public void The_holders_present_progressive_commits()
    {
        // Japan–ROK–U.S. statement, 2024 (seed/dev).
        var suggestions = SuggesterFixture.Suggest("We are enhancing cooperation on missile defense.", "japan", "rok", "united-states");

        Assert.Equal((Stance.Commits, "are enhancing"), (Assert.Single(suggestions).Stance, Assert.Single(suggestions).Cue));
        Assert.DoesNotContain(SuggesterFixture.Suggest("We are facing threats to missile defense.", "japan", "rok", "united-states"), s => s.Stance == Stance.Commits);
    }

    [Fact]
    public void Restating_a_request_is_a_reaffirmation()
    {
        // 2004 China–France joint statement (seed/dev).
        var suggestions = SuggesterFixture.Suggest("中法两国重申主张多边主义。", "china", "france");

        Assert.Equal(Stance.Reaffirms, Assert.Single(suggestions).Stance);
    }

    [Fact]
    public void An_obligation_after_its_subject_calls_for_it()
    {
        // China–Solomon Islands and China–Micronesia statements (seed/dev).
        var suggestions = SuggesterFixture.Suggest("双方一致认为，各国主权和领土完整应得到尊重。", ChinaRussia);

        Assert.Equal((Stance.CallsFor, "territorial-integrity"), (Assert.Single(suggestions).Stance, Assert.Single(suggestions).TopicSlug));
    }

    [Fact]
    public void A_proposition_as_a_noun_is_no_request()
    {
        // HKSAR response to the USCC report, 2018 (seed/dev).
        var suggestions = SuggesterFixture.Suggest("任何『港獨』的主張公然違反《基本法》。", "china");

        Assert.DoesNotContain(suggestions, s => s.Stance == Stance.CallsFor);
    }

    [Fact]
    public void An_inalienable_part_is_territorial_integrity()
    {
        var suggestions = SuggesterFixture.Suggest("台湾是中国领土不可分割的一部分。", "china", "france");

        Assert.Equal("territorial-integrity", Assert.Single(suggestions).TopicSlug);
    }

    [Fact]
    public void What_the_holders_hold_may_stand_in_the_next_clause()
    {
        // China–Solomon Islands and China–Micronesia statements (seed/dev).
        var suggestions = SuggesterFixture.Suggest("双方一致认为，国家不分大小、强弱、贫富一律平等。", ChinaRussia);

        var claim = Assert.Single(suggestions);
        Assert.Equal((Stance.Supports, "双方一致认为，国家不分大小、强弱、贫富一律平等"), (claim.Stance, claim.Quote));
    }

    [Fact]
    public void Three_parties_joined_with_a_serial_comma_hold_together()
    {
        // Japan–ROK–U.S. statement, 2024 (seed/dev), here with Russia as a fourth signatory that does not hold.
        var suggestions = SuggesterFixture.Suggest("Japan, the ROK, and the United States reaffirm their commitment to nuclear non-proliferation.", "japan", "rok", "united-states", "russia");

        Assert.Equal(["japan", "rok", "united-states"], Assert.Single(suggestions).Holders.Order());
    }

    [Fact]
    public void A_new_object_that_speaks_of_the_parties_relationship_is_about_it()
    {
        // 2004 China–France statement (seed/dev), here with the seed's China–Russia partnership.
        var suggestions = SuggesterFixture.Suggest("双方重申了两国之间的深厚友谊。", ChinaRussia);

        Assert.Equal("china-russia-partnership", Assert.Single(suggestions).TopicSlug);
    }

    [Fact]
    public void A_request_restated_after_a_comma_is_a_reaffirmation()
    {
        // HKSAR response to the USCC report, 2018 (seed/dev).
        var suggestions = SuggesterFixture.Suggest("特區政府重申，外國議會不應以任何形式干涉他國內政。", "china");

        Assert.Equal((Stance.Reaffirms, "重申"), (Assert.Single(suggestions).Stance, Assert.Single(suggestions).Cue));
    }

    [Fact]
    public void Wishful_thinking_is_no_willingness()
    {
        // Mainland Affairs Council, 2022 (seed/dev): 願 inside the idiom 一廂情願.
        var suggestions = SuggesterFixture.Suggest("該文通篇充斥「一廂情願、罔顧事實」的謊言，無視國際法。", "china");

        Assert.DoesNotContain(suggestions, s => s.Stance == Stance.Commits);
    }

    [Fact]
    public void A_stance_word_after_a_passive_marker_is_not_the_holders()
    {
        // 2004 China–France statement (seed/dev): the promise governs, 尊重 is what the principles receive.
        var suggestions = SuggesterFixture.Suggest("双方重申恪守《联合国宪章》。两国承诺相互协作，以促进这些原则进一步得到尊重。", "china", "france");

        Assert.Equal([Stance.Reaffirms, Stance.Commits], suggestions.Select(s => s.Stance));
    }

    [Theory]
    [InlineData("中国不承认仲裁庭的裁决。", "承认")]
    [InlineData("We do not recognize the so-called referendum.", "recognize")]
    [InlineData("We never welcome such a resolution.", "welcome")]
    public void Acceptance_denied_right_before_its_word_is_opposition(string text, string cue)
    {
        // The NPC Foreign Affairs Committee on the South China Sea award, 2016 (seed/dev), and its English counterparts.
        var suggestions = SuggesterFixture.Suggest(text, "china");

        var claim = Assert.Single(suggestions);
        Assert.Equal((Stance.Opposes, cue, false), (claim.Stance, claim.Cue, claim.Negated));
    }

    [Theory]
    [InlineData("我们不断支持联合国发挥核心作用。")]
    [InlineData("We not only support the United Nations but also fund it.")]
    public void A_word_that_only_starts_like_a_denial_denies_nothing(string text)
    {
        var suggestions = SuggesterFixture.Suggest(text, "china");

        Assert.Contains(suggestions, s => s.Stance == Stance.Supports);
        Assert.DoesNotContain(suggestions, s => s.Stance == Stance.Opposes);
    }

    [Theory]
    [InlineData("中华人民共和国外交部郑重声明，该裁决是无效的。", "该裁决")]
    [InlineData("有关裁决对中国没有约束力。", "有关裁决")]
    public void A_denying_predicate_rejects_its_subject(string text, string subject)
    {
        // MFA and NPC Foreign Affairs Committee statements on the 2016 arbitration award (seed/dev).
        var suggestions = SuggesterFixture.Suggest(text, "china");

        var claim = Assert.Single(suggestions);
        Assert.Equal((Stance.Opposes, subject), (claim.Stance, claim.TopicLabel));
    }

    [Fact]
    public void A_modal_on_the_holders_own_restating_is_a_reaffirmation()
    {
        // Hong Kong's Secretary for Constitutional and Mainland Affairs on the Pelosi visit, 2022 (seed/dev).
        var suggestions = SuggesterFixture.Suggest("我們必須鄭重重申，世界上只有一個中國，台灣是中國領土不可分割的一部分。", "china");

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal((Stance.Reaffirms, "重申"), (s.Stance, s.Cue)));
    }

    [Theory]
    [InlineData("We look forward to a successful COP 26 in Glasgow.", Stance.Welcomes)]
    [InlineData("The leaders note the extension of the New START Treaty.", Stance.Supports)]
    [InlineData("We strive for a region that is free, open and inclusive.", Stance.Commits)]
    [InlineData("维护战略稳定对两国具有特殊意义。", Stance.Supports)]
    [InlineData("外交部對於友邦在核裁軍問題上的正義之聲，申致謝忱。", Stance.Welcomes)]
    [InlineData("中國政府在核裁軍問題上的立場一以貫之。", Stance.Reaffirms)]
    public void General_vocabulary_of_anticipation_effort_significance_thanks_and_constancy(string text, Stance stance)
    {
        // Quad "Spirit of the Quad" (2021), China–Pakistan (2025), Taipei MOFA (2018), HK CMAB (2022): all seed/dev.
        var suggestions = SuggesterFixture.Suggest(text, "china");

        Assert.Contains(suggestions, s => s.Stance == stance);
    }

    [Fact]
    public void Criticism_verbs_in_a_row_of_clauses_are_one_position_at_the_strongest()
    {
        // After Hong Kong's Secretary for Constitutional and Mainland Affairs on the Pelosi visit, 2022 (seed/dev): three verbs,
        // one stance, the strongest.
        var suggestions = SuggesterFixture.Suggest("對於外空武器化，我們堅決反對，嚴厲譴責，並表達強烈抗議。", "china");

        var claim = Assert.Single(suggestions);
        Assert.Equal((Stance.Condemns, "space-weaponization"), (claim.Stance, claim.TopicSlug));
    }

    [Fact]
    public void A_violation_word_before_a_regret_does_not_join_the_series()
    {
        // Taipei MOFA on the World Health Assembly, 2018 (seed/dev): 悖離 describes the claim, 遺憾 is the ministry's stance.
        var suggestions = SuggesterFixture.Suggest("中國悖離核裁軍的說法，令人遺憾與憤怒。", "china");

        Assert.Contains(suggestions, s => s.Stance == Stance.Concerned);
    }

    [Theory]
    [InlineData("該文通篇充斥謊言，誆稱外空武器化有益和平。")]
    [InlineData("该文颠倒是非，罔顾事实，为外空武器化张目。")]
    public void Accusing_words_are_criticism_without_a_stance_verb(string text)
    {
        // Codebook, "criticism with no stance verb"; the wording of Taipei's Mainland Affairs Council, 2022 (seed/dev).
        var suggestions = SuggesterFixture.Suggest(text, "china");

        Assert.Contains(suggestions, s => s.Stance == Stance.Opposes && s.TopicSlug == "space-weaponization");
    }

    [Fact]
    public void At_the_request_of_is_no_request()
    {
        // PRC Ministry of Foreign Affairs on the South China Sea award, 2016 (seed/dev): 应…请求 is "at the request of".
        var suggestions = SuggesterFixture.Suggest("应菲律宾共和国单方面请求建立的仲裁庭就外空武器化作出裁决。", "china");

        Assert.DoesNotContain(suggestions, s => s.Stance == Stance.CallsFor);
    }

    [Theory]
    [InlineData("The leaders underscore their unwavering commitment to strategic stability.", "underscore")]
    [InlineData("President Biden highlighted the U.S. commitment to extended deterrence.", "highlighted")]
    public void Stressing_a_commitment_named_as_a_noun_restates_it(string text, string cue)
    {
        // US–Philippines (2023) and US–ROK Washington Declaration (2023), seed/dev.
        var suggestions = SuggesterFixture.Suggest(text, "united-states");

        var claim = Assert.Single(suggestions);
        Assert.Equal((Stance.Reaffirms, cue), (claim.Stance, claim.Cue));
    }

    [Theory]
    [InlineData("There is no change in our basic positions on nuclear disarmament.")]
    [InlineData("中方在核裁军问题上的立场没有改变。")]
    public void No_change_in_a_position_reaffirms_it(string text)
    {
        // Japan–ROK–US joint statement, 2024 (seed/dev), on Taiwan; here on a seed topic.
        var suggestions = SuggesterFixture.Suggest(text, "china");

        Assert.Contains(suggestions, s => s.Stance == Stance.Reaffirms && s.TopicSlug == "nuclear-disarmament");
    }

    [Theory]
    [InlineData("巴基斯坦", "巴方")]
    [InlineData("柬埔寨", "柬方")]
    [InlineData("越南", "越方")]
    [InlineData("Pakistan", null)]
    [InlineData("中", null)]
    public void A_state_is_named_as_a_party_by_its_first_character_and_fang(string name, string? shortForm) =>
        Assert.Equal(shortForm, SuggesterActor.ShortForm(name));

    [Fact]
    public void A_state_without_a_listed_short_form_still_holds_alone_under_it()
    {
        // China–Pakistan joint statement, 2025 (seed/dev): "巴方强调…"; Kazakhstan's seed entry lists no 哈方.
        var suggestions = SuggesterFixture.Suggest("哈方坚定支持维护全球战略稳定。", "china", "kazakhstan");

        Assert.Equal(["kazakhstan"], Assert.Single(suggestions).Holders);
    }

    [Theory]
    [InlineData("双方同意深化各领域务实合作。", true)]
    [InlineData("中方愿深化各领域务实合作。", false)]
    public void What_all_parties_will_do_together_is_their_relationship(string text, bool relationship)
    {
        // China–Viet Nam (2013) and China–Pakistan (2025) joint statements, seed/dev: "深化…合作" names no other topic.
        var suggestions = SuggesterFixture.Suggest(text, ChinaRussia);

        Assert.Equal(relationship, suggestions.Any(s => s.TopicSlug == "china-russia-partnership"));
    }

    [Fact]
    public void A_party_that_only_opens_stated_content_holds_nothing_after_it()
    {
        // China–Solomon Islands joint statement, 2023 (seed/dev): what follows "所方重申，" stays the Solomon Islands' even after
        // "中华人民共和国政府是…".
        var suggestions = SuggesterFixture.Suggest(
            "哈方重申，中华人民共和国政府是代表全中国的唯一合法政府，坚决反对外空武器化。", "china", "kazakhstan");

        Assert.Equal(["kazakhstan"], Assert.Single(suggestions, s => s.TopicSlug == "space-weaponization").Holders);
    }

    [Fact]
    public void A_possessive_names_no_holder()
    {
        // Japan–ROK–US joint statement, 2024, and US–Philippines, 2023 (seed/dev): "the ROK’s vision" does not make the ROK a holder.
        var suggestions = SuggesterFixture.Suggest(
            "Japan and the United States acknowledge the ROK’s vision and reiterate their support for nuclear disarmament.",
            "japan", "rok", "united-states");

        Assert.Equal(["japan", "united-states"], Assert.Single(suggestions, s => s.TopicSlug == "nuclear-disarmament").Holders.Order());
    }

    [Theory]
    [InlineData("The agreement will strengthen our security and support nuclear disarmament.", Stance.Commits)]
    [InlineData("We are committed to working closely with partners to support nuclear disarmament.", Stance.Commits)]
    [InlineData("We support nuclear disarmament.", Stance.Supports)]
    public void Support_among_what_the_holders_will_do_is_a_commitment_in_english(string text, Stance stance)
    {
        // US–Philippines (2023) and Japan–ROK–US (2024) statements, seed/dev; the seed's "将大力支持" stays support.
        var suggestions = SuggesterFixture.Suggest(text, "united-states");

        Assert.Equal(stance, Assert.Single(suggestions, s => s.TopicSlug == "nuclear-disarmament").Stance);
    }

    [Fact]
    public void Verbs_of_action_are_lexicon_data_a_curator_can_extend()
    {
        // A verbless sentence that sets out to do something commits to it; which verbs say so is the lexicon's.
        const string text = "双方共同落实全球发展倡议。";
        Assert.Equal(Stance.Supports, Assert.Single(SuggesterFixture.Suggest(text, ChinaRussia)).Stance);

        var lexicon = Lexicon.Load(Path.Combine(SuggesterFixture.SeedFolder, "lexicon"));
        lexicon.Languages.Single(l => l.Language == "zh-Hans").Actions.Add("落实");
        var suggester = new ClaimSuggester(
            lexicon,
            SuggesterTopic.LoadSeedFile(Path.Combine(SuggesterFixture.SeedFolder, "topics.json")),
            SuggesterActor.LoadSeedFile(Path.Combine(SuggesterFixture.SeedFolder, "actors.json")));
        var body = Normalizer.Normalize(text).Body;

        var claim = Assert.Single(suggester.Suggest(body, Segmenter.Segment(body).Sentences, ChinaRussia));
        Assert.Equal((Stance.Commits, "落实", "global-development-initiative"), (claim.Stance, claim.Cue, claim.TopicSlug));
    }
}
