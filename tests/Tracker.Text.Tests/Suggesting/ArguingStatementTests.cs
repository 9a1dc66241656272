using Tracker.Domain.Claims;

namespace Tracker.Text.Tests.Suggesting;

/// <summary>
/// The rules for statements that argue rather than agree (rebuttals and protests from Beijing, Hong Kong, Macao and
/// Taipei) and for stances named as nouns or predicates, each on a real sentence of seed/dev (issue 4).
/// </summary>
public class ArguingStatementTests
{
    private static readonly string[] China = ["china"];

    [Theory]
    [InlineData("美國眾議院議長佩洛西竄訪中國台灣地區，是對中國內政的粗暴干涉。")]
    [InlineData("對此，特區政府嚴厲批評美國政府對11名官員實施所謂的「制裁」，明目張膽及粗暴地干涉中華人民共和國內政。")]
    public void An_accusation_of_interference_opposes_it(string text)
    {
        // Macao SAR on Pelosi's visit (2022); HKSAR on the US sanctions (2020).
        var claim = Assert.Single(SuggesterFixture.Suggest(text, China), s => s.TopicSlug == "interference-in-internal-affairs");

        Assert.Equal(Stance.Opposes, claim.Stance);
    }

    [Theory]
    [InlineData("澳門特別行政區立法會選舉完全是特區內部事務，包括歐洲議會在內的任何外國機構無權干涉。")]
    [InlineData("澳門事務純屬中國內政，任何外部勢力無權置喙。")]
    public void Denying_a_party_the_right_to_interfere_supports_non_interference_and_accuses_no_one(string text)
    {
        // Macao SAR on the European Parliament (2021); the MFA commissioner in Macao (2021).
        var suggestions = SuggesterFixture.Suggest(text, China);

        Assert.Equal(Stance.Supports, Assert.Single(suggestions, s => s.TopicSlug == "non-interference").Stance);
        Assert.DoesNotContain(suggestions, s => s.Stance.Polarity() < 0);
    }

    [Fact]
    public void Stopping_interference_is_asked_for_as_non_interference()
    {
        // HKSAR on the UK's six-monthly report (2024).
        var claim = Assert.Single(SuggesterFixture.Suggest("特區政府要求英國立即停止干涉中國內政和香港事務。", China));

        Assert.Equal((Stance.CallsFor, "non-interference"), (claim.Stance, claim.TopicSlug));
    }

    [Fact]
    public void Rejection_denied_as_a_right_upholds_its_object()
    {
        // NPC Foreign Affairs Committee on the South China Sea award (2016).
        var suggestions = SuggesterFixture.Suggest("任何国家、组织和机构都无权否定中国在南海的领土主权和海洋权益。", China);

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal((Stance.Supports, "否定"), (s.Stance, s.Cue)));
    }

    [Fact]
    public void Criticism_words_without_a_stance_verb_oppose()
    {
        // Criticism (批評) and dissatisfaction (不滿) are opposition; 不滿足 is not.
        Assert.Equal(Stance.Opposes, Assert.Single(SuggesterFixture.Suggest("特區政府嚴厲批評美國政府實施所謂的單邊制裁。", China)).Stance);
        Assert.Equal(Stance.Opposes, Assert.Single(SuggesterFixture.Suggest("中方对美方的单边制裁表示强烈不满。", China)).Stance);
        Assert.Empty(SuggesterFixture.Suggest("双方不满足于现有合作水平。", China));
    }

    [Fact]
    public void Stressing_again_is_restating()
    {
        // Taipei's Presidential Office on the Biden–Xi call (2022).
        var claim = Assert.Single(SuggesterFixture.Suggest("張惇涵再次強調，台海及印太區域的和平穩定，是區域內各方的共同責任。", China));

        Assert.Equal((Stance.Reaffirms, "再次強調"), (claim.Stance, claim.Cue));
    }

    [Fact]
    public void A_support_in_the_clause_after_restating_is_restated()
    {
        // China–Solomon Islands statement (2023).
        var suggestions = SuggesterFixture.Suggest("中方重申，坚定支持所罗门群岛国家建设进程和选择符合本国国情的发展道路。", China);

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal((Stance.Reaffirms, "重申"), (s.Stance, s.Cue)));
    }

    [Fact]
    public void What_is_supported_may_be_another_party_upholding_something()
    {
        // Macao SAR on Pelosi's visit (2022): the territorial integrity is the state's to uphold, the holders support it.
        var claim = Assert.Single(SuggesterFixture.Suggest("澳門特區政府並全力支持和配合國家捍衛自身主權和領土完整。", China));

        Assert.Equal((Stance.Supports, "territorial-integrity"), (claim.Stance, claim.TopicSlug));
    }

    [Fact]
    public void The_object_of_a_stance_may_stand_in_a_clause_of_its_own_before_it()
    {
        // Macao SAR on Pelosi's visit (2022): one position, the strongest of the series, on what 对于 introduced.
        const string text = "對於美國眾議院議長佩洛西竄訪中國台灣地區，澳門特別行政區政府表示堅決反對，予以強烈譴責。";

        var claim = Assert.Single(SuggesterFixture.Suggest(text, China));

        Assert.Equal((Stance.Condemns, "強烈譴責"), (claim.Stance, claim.Cue));
        Assert.StartsWith("對於美國眾議院議長", claim.Quote, StringComparison.Ordinal);
        Assert.Contains("佩洛西竄訪中國台灣地區", claim.TopicLabel, StringComparison.Ordinal);
    }

    [Fact]
    public void The_object_clause_may_follow_the_holders_name()
    {
        // HKSAR on the CECC report (2025): "香港特別行政區（特區）政府就…，…表示強烈不滿和反對".
        const string text = "香港特別行政區（特區）政府就美國「國會及行政當局中國委員會」發表的所謂「二零二五年報告」，針對香港特區各方面情況的失實言論和污衊抹黑，表示強烈不滿和反對。";

        var claim = Assert.Single(SuggesterFixture.Suggest(text, "hong-kong-sar-government"), s => s.Cue == "反對");

        Assert.Equal(Stance.Opposes, claim.Stance);
        Assert.StartsWith("美國「國會及行政當局中國委員會」", claim.TopicLabel, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("但美方近期一些言行與此背道而馳。", "背道而馳")]
    [InlineData("中国政府当即声明该裁决是无效的，没有拘束力。", "没有拘束力")]
    public void Criticism_that_ends_its_clause_is_said_of_the_clause_before_it(string text, string cue)
    {
        // Macao SAR on Pelosi's visit (2022); MFA statement on the South China Sea award (2016): a series' subject stands
        // before its first word ("该裁决").
        var claim = Assert.Single(SuggesterFixture.Suggest(text, China));

        Assert.Equal((Stance.Opposes, cue), (claim.Stance, claim.Cue));
        Assert.DoesNotContain("强烈", claim.TopicLabel, StringComparison.Ordinal);
    }

    [Fact]
    public void Support_said_as_a_predicate_is_of_its_subject()
    {
        // China–Pakistan statement (2025).
        var claim = Assert.Single(SuggesterFixture.Suggest("中巴关系在中国外交政策中具有特殊意义。", China));

        Assert.Equal((Stance.Supports, "特殊意义"), (claim.Stance, claim.Cue));
        Assert.StartsWith("中巴关系", claim.Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("陸委會強調，中共政權錯誤引用聯合國憲章，已遭到國際社會及眾多民主國家的嚴厲譴責與堅決反對。")]
    [InlineData("北京當局企圖改變以規則為基礎的國際秩序，已廣泛受到國際社會高度關注。")]
    public void What_others_do_to_the_subject_is_not_the_holders_position(string text)
    {
        // Mainland Affairs Council (2022, 2024): passive stances, and those coordinated with them, are others'.
        var suggestions = SuggesterFixture.Suggest(text, China);

        Assert.DoesNotContain(suggestions, s => s.Stance is Stance.Condemns or Stance.Concerned || s.Cue is "反對" or "關注");
    }

    [Fact]
    public void Thanks_for_another_partys_support_welcomes_it()
    {
        // Taipei's MOFA on the 71st World Health Assembly (2018).
        var claim = Assert.Single(SuggesterFixture.Suggest("外交部誠摯感謝友邦及理念相近國家長期以來在國際組織堅定支持台灣的參與。", China));

        Assert.Equal((Stance.Welcomes, "感謝"), (claim.Stance, claim.Cue));
    }

    [Fact]
    public void A_stance_named_as_a_noun_takes_its_object_from_dui_and_de()
    {
        // Taipei's Presidential Office on the Biden–Xi call (2022).
        var claim = Assert.Single(SuggesterFixture.Suggest("我們感謝美國對台海安全的重視。", China));

        Assert.Equal(Stance.Welcomes, claim.Stance);
        Assert.Equal("台海安全", claim.TopicLabel);
    }

    [Fact]
    public void Each_sentence_of_a_quoted_statement_is_a_sentence_of_its_own()
    {
        // HKSAR on the CECC report (2025): the spokesman's words in 「」 hold two accusations of interference.
        const string text = "特區政府發言人表示：「特區政府強烈不滿和反對美國委員會重施故技，通過所謂年度報告干涉香港特區事務。美方一再以政治凌駕法治，妄圖干預香港依法施政。」";

        var claims = SuggesterFixture.Suggest(text, "hong-kong-sar-government").Where(s => s.TopicSlug == "interference-in-internal-affairs").ToList();

        Assert.Equal(2, claims.Count);
        Assert.All(claims, s => Assert.Equal(Stance.Opposes, s.Stance));
    }

    [Theory]
    [InlineData("就美國美中經濟與安全審議委員會發表的報告，香港特別行政區政府發言人今日在回應傳媒查詢時作以下回應：")]
    [InlineData("以落实构建新时代中柬命运共同体行动计划为主线。")]
    [InlineData("特区政府对台北经济文化办事处人员提出签署“承诺书”的相关要求。")]
    public void Words_that_only_contain_a_cue_are_no_cues(string text)
    {
        // 回應 (reply) holds 應, 行动计划 holds 计划, 承诺书 and 相关要求 are things, not stances.
        Assert.DoesNotContain(SuggesterFixture.Suggest(text, China), s => s.Cue is "應" or "计划" or "承诺" or "要求");
    }

    [Fact]
    public void A_warning_not_to_do_something_asks_for_it()
    {
        // Taipei's Presidential Office on the "Justice Mission 2025" drills.
        var claim = Assert.Single(SuggesterFixture.Suggest("郭雅慧說，呼籲中國當局理性自制，立即停止不負責任的挑釁行為，切勿誤判情勢，成為破壞區域和平的麻煩製造者。", China), s => s.Cue == "切勿");

        Assert.Equal((Stance.CallsFor, "切勿誤判情勢"), (claim.Stance, claim.Quote));
    }

    [Fact]
    public void Satisfaction_with_progress_welcomes_it()
    {
        // China–Brazil statement (2025).
        var suggestions = SuggesterFixture.Suggest("双方对共建“一带一路”倡议同巴西主要发展战略实现对接以来取得的进展表示十分满意。", China);

        Assert.Contains(suggestions, s => s.Stance == Stance.Welcomes && s.Cue == "满意");
        Assert.DoesNotContain(suggestions, s => s.Stance == Stance.CallsFor);
    }

    [Theory]
    [InlineData("Australia is committed to adhering to the highest standards for safeguards and nuclear non-proliferation.", "committed to")]
    [InlineData("Our three nations are deeply committed to upholding nuclear non-proliferation.", "committed to")]
    [InlineData("The Quad seeks to uphold nuclear non-proliferation.", "seeks to")]
    public void A_commitment_to_keep_something_up_is_a_commitment_in_english(string text, string cue)
    {
        // AUKUS leaders' statement (2021); the Quad's "Spirit of the Quad" (2021). "our commitment to uphold" stays a
        // stressed restatement.
        var claim = Assert.Single(SuggesterFixture.Suggest(text, "australia"), s => s.TopicSlug == "nuclear-non-proliferation");

        Assert.Equal((Stance.Commits, cue), (claim.Stance, claim.Cue));
    }

    [Fact]
    public void A_commitment_another_party_owns_is_what_the_holders_welcome()
    {
        // US–Philippines statement (2023).
        var suggestions = SuggesterFixture.Suggest("Furthermore, they welcome the Quad’s commitment to support nuclear disarmament.", "united-states");

        var claim = Assert.Single(suggestions, s => s.TopicSlug == "nuclear-disarmament");
        Assert.Equal((Stance.Welcomes, "welcome"), (claim.Stance, claim.Cue));
    }

    [Fact]
    public void A_support_word_right_after_a_rejecting_one_is_what_is_rejected()
    {
        // Camp David principles (2023): "undermines respect for them".
        var suggestions = SuggesterFixture.Suggest("Such a threat undermines respect for international law.", "united-states");

        Assert.Equal(Stance.Opposes, Assert.Single(suggestions, s => s.TopicSlug == "international-law").Stance);
    }

    [Fact]
    public void Who_must_bear_the_consequences_is_warned_not_asked()
    {
        // Hong Kong's Secretary for Constitutional and Mainland Affairs on Pelosi's visit (2022).
        var suggestions = SuggesterFixture.Suggest("否則只會是玩火自焚，必須自身承擔任何嚴重後果。", China);

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal(Stance.Opposes, s.Stance));
    }

    [Fact]
    public void A_signatory_named_in_english_holds_alone()
    {
        // After the AUKUS leaders' statement (2021), "Australia is committed to adhering to …": India stands in for a
        // signatory the lexicon's holder phrases do not list.
        var claim = Assert.Single(SuggesterFixture.Suggest("India is committed to nuclear non-proliferation.", "india", "united-states"));

        Assert.Equal("india", Assert.Single(claim.Holders));
    }

    [Fact]
    public void An_acronym_in_brackets_does_not_break_a_list_of_holders()
    {
        // Camp David principles (2023).
        const string text = "As Indo-Pacific nations, Japan, the Republic of Korea (ROK), and the United States will continue to uphold international law.";

        var suggestions = SuggesterFixture.Suggest(text, "japan", "rok", "united-states");

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal(["japan", "rok", "united-states"], s.Holders.Order()));
    }

    [Fact]
    public void A_party_right_after_a_stance_word_is_its_object_not_its_holder()
    {
        // China–Micronesia statement (2024), with 巴方 for 密方: it appreciates 中方's thinking and holds the view that follows.
        var suggestions = SuggesterFixture.Suggest("巴方赞赏中方以人民为中心的发展思想，认为中国式现代化为发展中国家提供了新的路径选择。", "china", "pakistan");

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal("pakistan", Assert.Single(s.Holders)));
    }

    [Fact]
    public void After_a_semicolon_the_holders_of_the_sentence_before_go_on()
    {
        // China–Micronesia statement (2024), with 巴方 for 密方.
        const string text = "巴方坚定奉行一个中国原则，承认世界上只有一个中国；坚决反对任何形式的干涉内政，坚定支持中国实现国家统一。";

        var suggestions = SuggesterFixture.Suggest(text, "china", "pakistan");

        Assert.Contains(suggestions, s => s.Cue == "反对");
        Assert.All(suggestions, s => Assert.Equal("pakistan", Assert.Single(s.Holders)));
    }

    [Fact]
    public void A_weak_cue_that_ends_its_clause_is_a_noun()
    {
        // The MFA commissioner in Macao (2021): 決定 is the police's decision, the commissioner's stance is support.
        var claim = Assert.Single(SuggesterFixture.Suggest("外交部駐澳公署堅定支持法院裁決和警方決定。", China));

        Assert.Equal((Stance.Supports, "支持"), (claim.Stance, claim.Cue));
    }

    [Fact]
    public void A_name_after_a_preposition_or_inside_another_partys_name_holds_nothing()
    {
        // US–Japan joint leaders' statement (2021), shared/corpus, not curated: China is who they will work with, "Korea"
        // is part of North Korea's name; the holders are the two leaders.
        const string text = "The United States and Japan recognized the importance of candid conversations with China, and acknowledged the need to work with China on areas of common interest. "
            + "The United States and Japan reaffirmed their commitment to the complete denuclearization of North Korea, urging North Korea to abide by its obligations under UN Security Council resolutions.";

        var suggestions = SuggesterFixture.Suggest(text, "united-states", "japan");

        Assert.Contains(suggestions, s => s.Cue == "need to");
        Assert.All(suggestions, s => Assert.Equal(["japan", "united-states"], s.Holders.Order()));
    }

    [Fact]
    public void A_signatory_named_after_a_holder_and_a_conjunction_holds_with_it()
    {
        // After the US–EU summit statement (2021), shared/corpus: "The United States and the European Union represent …".
        var claim = Assert.Single(SuggesterFixture.Suggest("India and the European Union support nuclear disarmament.", "india", "eu", "united-states"));

        Assert.Equal(["eu", "india"], claim.Holders.Order());
    }

    [Theory]
    [InlineData("We celebrate the entry into force of the Treaty on the Non-Proliferation of Nuclear Weapons.", Stance.Welcomes)]
    [InlineData("Today, we launch a new initiative on nuclear disarmament.", Stance.Commits)]
    [InlineData("We are also deepening our cooperation on nuclear disarmament.", Stance.Commits)]
    [InlineData("The two Leaders hailed a historic new phase of cooperation on nuclear disarmament.", Stance.Welcomes)]
    [InlineData("The two Leaders announced elevating their cooperation on nuclear disarmament.", Stance.Commits)]
    public void Wording_of_unseen_english_statements(string text, Stance stance)
    {
        // Quad leaders' statement (2022), shared/corpus, not curated: celebrate, launch, "are also deepening".
        Assert.Contains(SuggesterFixture.Suggest(text, "united-states", "japan"), s => s.Stance == stance);
    }

    [Fact]
    public void Violence_committed_by_others_is_no_commitment()
    {
        // US–Japan joint leaders' statement (2021), shared/corpus.
        var suggestions = SuggesterFixture.Suggest("We firmly condemn violence committed by the Myanmar military and police against civilians.", "united-states", "japan");

        Assert.Equal(Stance.Condemns, Assert.Single(suggestions).Stance);
    }

    [Theory]
    [InlineData("任何“以台制华”的玩火挑衅行径注定失败。", "注定失败")]
    [InlineData("这种做法不得人心。", "不得人心")]
    public void A_prophecy_of_failure_opposes(string text, string cue)
    {
        // MFA press conference (2021) and NPC Foreign Affairs Committee (2021), seed/dev.
        var claim = Assert.Single(SuggesterFixture.Suggest(text, China));

        Assert.Equal((Stance.Opposes, cue), (claim.Stance, claim.Cue));
    }

    [Fact]
    public void What_may_not_be_violated_is_upheld()
    {
        // NPC Foreign Affairs Committee on the US Innovation and Competition Act (2021).
        var claim = Assert.Single(SuggesterFixture.Suggest("中国人民追求美好生活的权利神圣不可侵犯。", China));

        Assert.Equal(Stance.Supports, claim.Stance);
        Assert.EndsWith("追求美好生活的权利", claim.TopicLabel, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolute_countermeasures_are_a_commitment()
    {
        // Ministry of Commerce spokesperson (2025).
        var suggestions = SuggesterFixture.Suggest("如果出现这种情况，中方绝不接受，将坚决对等地采取反制措施。", China);

        Assert.Equal(Stance.Commits, Assert.Single(suggestions, s => s.TopicSlug == "countermeasures").Stance);
    }

    [Fact]
    public void What_we_must_do_is_a_commitment_but_what_we_call_for_is_a_request()
    {
        // New Atlantic Charter (2021) and Quad statements, seed/dev.
        var must = Assert.Single(SuggesterFixture.Suggest("We must ensure that democracies can deliver on nuclear disarmament.", "united-states", "united-kingdom"));
        var call = Assert.Single(SuggesterFixture.Suggest("We call for nuclear disarmament.", "united-states", "united-kingdom"));

        Assert.Equal((Stance.Commits, Stance.CallsFor), (must.Stance, call.Stance));
    }

    [Fact]
    public void Criticism_in_a_relative_clause_describes_others()
    {
        // New Atlantic Charter (2021).
        const string text = "We commit to working closely with all partners, and to countering the efforts of those who seek to undermine nuclear non-proliferation.";

        var suggestions = SuggesterFixture.Suggest(text, "united-states", "united-kingdom");

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal(Stance.Commits, s.Stance));
    }

    [Fact]
    public void Each_verb_of_a_list_after_will_is_a_commitment_and_two_leaders_titles_join()
    {
        // New Atlantic Charter (2021).
        const string text = "The President of the United States and the Prime Minister of the United Kingdom will champion transparency, uphold international law, and support nuclear disarmament.";

        var suggestions = SuggesterFixture.Suggest(text, "united-states", "united-kingdom");

        Assert.Contains(suggestions, s => s.TopicSlug == "nuclear-disarmament");
        Assert.All(suggestions, s => Assert.Equal((Stance.Commits, "will"), (s.Stance, s.Cue)));
        Assert.All(suggestions, s => Assert.Equal(["united-kingdom", "united-states"], s.Holders.Order()));
    }

    [Fact]
    public void Remaining_united_behind_principles_restates_them()
    {
        // New Atlantic Charter (2021).
        var claim = Assert.Single(SuggesterFixture.Suggest("We remain united behind the principles of sovereignty and territorial integrity.", "united-states", "united-kingdom"), s => s.TopicSlug == "territorial-integrity");

        Assert.Equal(Stance.Reaffirms, claim.Stance);
    }

    [Fact]
    public void A_repeated_verb_after_a_list_comma_opens_the_next_item()
    {
        // Mainland Affairs Council on the TAO's remarks (2022): four positions, each restated.
        const string text = "台灣堅持自由民主憲政、堅持中華民國與中華人民共和國互不隸屬、堅持中華民國台灣前途由台灣人民決定。";

        var suggestions = SuggesterFixture.Suggest(text, China);

        Assert.Equal(3, suggestions.Count(s => s.Stance == Stance.Reaffirms && s.Cue == "堅持"));
    }

    [Fact]
    public void What_no_outside_force_can_negate_is_upheld()
    {
        // Macao SAR on the US human rights report (2022): 外部勢力 is the subject denied, not the holder's target.
        var suggestions = SuggesterFixture.Suggest("任何外部勢力的干預都不可能否定澳門特區在人權領域發展進步的事實。", China);

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal(Stance.Supports, s.Stance));
    }

    [Fact]
    public void The_object_may_stand_between_two_cues_of_a_clause()
    {
        // China–Solomon Islands statement (2024): restating mutual support on core interests.
        var claim = Assert.Single(SuggesterFixture.Suggest("双方重申在涉及彼此核心利益和重大关切问题上坚定相互支持。", China));

        Assert.Equal((Stance.Reaffirms, "重申"), (claim.Stance, claim.Cue));
        Assert.Contains("核心利益", claim.TopicLabel, StringComparison.Ordinal);
    }

    [Fact]
    public void Mutual_respect_as_an_attribute_of_a_relationship_is_no_support()
    {
        // China–Solomon Islands statement (2024): what is agreed is to deepen the partnership.
        var suggestions = SuggesterFixture.Suggest("双方一致同意深化新时代相互尊重、共同发展的全面战略伙伴关系。", China);

        Assert.NotEmpty(suggestions);
        Assert.DoesNotContain(suggestions, s => s.Cue == "尊重");
    }

    [Fact]
    public void A_consensus_said_of_a_subject_supports_it()
    {
        // Taipei's Presidential Office on the "Justice Mission 2025" drills.
        var claim = Assert.Single(SuggesterFixture.Suggest("維持台海與印太和平穩定是國際社會高度共識，各方都應珍惜。", China), s => s.Cue == "高度共識");

        Assert.Equal(Stance.Supports, claim.Stance);
        Assert.StartsWith("維持台海與印太和平穩定", claim.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Recognition_that_will_not_be_given_is_rejection()
    {
        // Mainland Affairs Council (2022).
        var suggestions = SuggesterFixture.Suggest("北京當局片面設定的所謂框架，國際社會不會承認，台灣也絕不接受。", China);

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal(Stance.Opposes, s.Stance));
    }

    [Fact]
    public void Addressing_concerns_is_no_concern()
    {
        // US–China Geneva statement (2025), seed/dev.
        var suggestions = SuggesterFixture.Suggest("Believing that continued discussions have the potential to address the concerns of each side in nuclear disarmament, the two sides commit to take the following actions.", "united-states", "china");

        Assert.DoesNotContain(suggestions, s => s.Stance == Stance.Concerned);
    }
}
