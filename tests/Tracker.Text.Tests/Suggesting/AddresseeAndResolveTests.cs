using Tracker.Domain.Claims;

namespace Tracker.Text.Tests.Suggesting;

/// <summary>
/// Who holds a position and who is only asked or named, and resolve said as a commitment or a predicate (issue 4), each
/// on a real sentence of seed/dev: the G7 on Russia's war (2022), the US–Japan statement of 2025, the Quad (2021), the
/// Japan–ROK–US statement (2024) and the MFA Commissioner's Office in Hong Kong (2020).
/// </summary>
public class AddresseeAndResolveTests
{
    private static readonly string[] G7 = ["g7"];
    private static readonly string[] UsJapan = ["united-states", "japan"];
    private static readonly string[] China = ["china"];

    [Theory]
    [InlineData("The two leaders confirmed that they intend to further strengthen deterrence and response capabilities by enhancing defense and security cooperation.", "intend to")]
    [InlineData("They affirmed their determination to pursue a new golden age for nuclear disarmament.", "determination to")]
    public void Affirming_what_the_holders_intend_is_the_commitment(string text, string cue)
    {
        var suggestions = SuggesterFixture.Suggest(text, UsJapan);

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal((Stance.Commits, cue), (s.Stance, s.Cue)));
    }

    [Fact]
    public void Affirming_what_a_party_will_do_restates_it()
    {
        // Washington Declaration (2023): the curator's reading, kept.
        var claim = Assert.Single(SuggesterFixture.Suggest("The two leaders affirmed that they will strengthen nuclear deterrence.", UsJapan));

        Assert.Equal(Stance.Reaffirms, claim.Stance);
    }

    [Fact]
    public void Two_leaders_named_by_title_hold_together_and_the_city_they_met_in_holds_nothing()
    {
        var suggestions = SuggesterFixture.Suggest(
            "President Donald J. Trump and Prime Minister Ishiba Shigeru held their first official meeting today in Washington, D.C., where they affirmed their determination to pursue a new golden age for U.S.-Japan relations.",
            UsJapan);

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal(["japan", "united-states"], s.Holders.Order()));
        Assert.All(suggestions, s => Assert.Equal(Stance.Commits, s.Stance));
    }

    [Fact]
    public void Of_three_signatories_two_named_leaders_are_those_two()
    {
        var claim = Assert.Single(SuggesterFixture.Suggest(
            "Prime Minister Ishiba and President Biden acknowledge their support for President Yoon’s vision of a free, peaceful, and prosperous Korean Peninsula.",
            "japan", "rok", "united-states"));

        Assert.Equal(["japan", "united-states"], claim.Holders.Order());
    }

    [Fact]
    public void What_it_does_in_a_clause_describing_a_noun_is_narrative()
    {
        var suggestions = SuggesterFixture.Suggest(
            "Following the United Nations General Assembly resolution on 2 March 2022, we will continue to stand with the overwhelming majority of the international community, in condemning Russia’s military aggression and the suffering and loss of life it continues to cause.",
            G7);

        Assert.Contains(suggestions, s => s.Stance == Stance.Condemns && s.Cue == "condemning");
    }

    [Fact]
    public void It_opening_a_clause_of_its_own_is_the_holder()
    {
        var suggestions = SuggesterFixture.Suggest(
            "Full of potential, the Quad looks forward to the future; it seeks to uphold peace and prosperity and strengthen democratic resilience, based on universal values.",
            "australia", "india", "japan", "united-states");

        Assert.Contains(suggestions, s => s.Stance == Stance.Commits && s.Cue == "seeks to");
    }

    [Theory]
    [InlineData("Russia must comply with its international obligations and refrain from any activity that imperils nuclear sites.")]
    [InlineData("The Russian leadership is obligated to immediately comply with the order of the International Court of Justice.")]
    public void A_party_that_did_not_sign_is_asked_by_those_who_did(string text)
    {
        var claim = Assert.Single(SuggesterFixture.Suggest(text, G7));

        Assert.Equal((Stance.CallsFor, "g7"), (claim.Stance, Assert.Single(claim.Holders)));
    }

    [Fact]
    public void Thanking_some_and_asking_others_are_two_positions()
    {
        var suggestions = SuggesterFixture.Suggest("We thank all those who are already providing humanitarian aid to Ukraine and ask others to join.", G7);

        Assert.Contains(suggestions, s => s.Stance == Stance.Welcomes && s.Cue == "thank");
        Assert.Contains(suggestions, s => s.Stance == Stance.CallsFor && s.Cue == "ask others to");
    }

    [Theory]
    [InlineData("The siege of Mariupol and other Ukrainian cities, and the denial of humanitarian access by Russian military forces are unacceptable.")]
    [InlineData("We warn against any threat of the use of chemical, biological and nuclear weapons or related materials.")]
    public void Unacceptable_and_warning_against_oppose(string text)
    {
        var claim = Assert.Single(SuggesterFixture.Suggest(text, G7));

        Assert.Equal(Stance.Opposes, claim.Stance);
    }

    [Fact]
    public void The_object_of_a_protest_may_stand_in_a_clause_opened_by_zhendui()
    {
        var claim = Assert.Single(SuggesterFixture.Suggest(
            "針對美方宣布對中方官員採取簽證限制措施，外交部駐港公署發言人表示堅決反對。", China));

        Assert.Equal(Stance.Opposes, claim.Stance);
        Assert.Contains("簽證限制措施", claim.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_said_as_a_predicate_restates_its_subject_and_keeps_an_opposition()
    {
        var suggestions = SuggesterFixture.Suggest(
            "發言人強調，中國政府推進香港國安立法的決心堅定不移，維護國家主權、安全、發展利益的決心堅定不移，反對任何外部勢力干涉香港事務的決心堅定不移。",
            China);

        Assert.Contains(suggestions, s => s.Stance == Stance.Reaffirms && s.Cue == "決心堅定不移" && s.Quote.Contains("國家主權", StringComparison.Ordinal));
        Assert.Contains(suggestions, s => s.Stance == Stance.Opposes && s.Cue == "反對");
        Assert.DoesNotContain(suggestions, s => s.Stance == Stance.Reaffirms && s.Quote.StartsWith("反對", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("外交部嚴正重申，中華民國台灣與中華人民共和國互不隸屬，中國對我國人民沒有任何管轄權。")]
    [InlineData("外交部表示，中國對其他國家公民在台灣參與政治或公共事務完全不具任何管轄權。")]
    public void Denying_a_party_jurisdiction_opposes_its_claim(string text)
    {
        // Taipei's MOFA on transnational repression (2026) and on the sanctions against Iwasaki Shigeru (2025).
        Assert.Contains(SuggesterFixture.Suggest(text, "taiwan-mofa"), s => s.Stance == Stance.Opposes);
    }

    [Fact]
    public void Responding_and_making_sure_in_a_purpose_clause_are_not_stances()
    {
        // Taipei's MOFA (2026): 應處 and 應變 are "respond", not "should"; "以確保" is the purpose of what is committed.
        var suggestions = SuggesterFixture.Suggest(
            "外交部也將持續與政府相關部會密切協調應處，並與國際社會加強合作，以及強化外館緊急應變救助機制，以確保國人安全。", "taiwan-mofa");

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal(Stance.Commits, s.Stance));
        Assert.DoesNotContain(suggestions, s => s.Cue == "確保");
    }

    [Fact]
    public void A_sentence_telling_what_another_announced_takes_no_position()
    {
        Assert.Empty(SuggesterFixture.Suggest("國台辦今（7）日宣布將內政部長劉世芳、教育部長鄭英耀列為「台獨頑固份子」。", "taiwan-mofa"));
    }

    [Fact]
    public void Clauses_opened_by_an_action_verb_after_a_commitment_are_committed_to()
    {
        // Ministry of Commerce spokesperson (2018).
        var suggestions = SuggesterFixture.Suggest("中方将继续扩大改革开放，维护多边贸易体制，推动全球贸易投资自由化和便利化。", China);

        Assert.Contains(suggestions, s => s.Stance == Stance.Commits && s.Cue == "推动" && s.Quote == "推动全球贸易投资自由化和便利化");
        Assert.Contains(suggestions, s => s.Stance == Stance.Commits && s.Cue == "将继续" && s.TopicSlug == "multilateral-trading-system");
    }

    [Fact]
    public void An_action_verb_opening_a_clause_without_a_commitment_before_it_is_no_position()
    {
        Assert.DoesNotContain(SuggesterFixture.Suggest("双方举行会谈，推动全球贸易投资自由化和便利化。", China), s => s.Cue == "推动");
    }

    [Fact]
    public void What_a_party_stubbornly_upholds_or_keeps_engaging_in_is_opposed()
    {
        // Taiwan Affairs Office (2024, 2025); Ministry of Commerce (2018), where the opposition disregarded is the holders' own.
        Assert.All(SuggesterFixture.Suggest("民进党当局顽固坚持“台独”分裂立场。", China), s => Assert.Equal(Stance.Opposes, s.Stance));
        var suggestions = SuggesterFixture.Suggest("如果美方不顾中方和国际社会反对，坚持搞单边主义和贸易保护主义行径。", China);

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal((Stance.Opposes, "坚持"), (s.Stance, s.Cue)));
    }

    [Fact]
    public void Seeing_it_through_to_the_end_is_a_commitment()
    {
        var claim = Assert.Single(SuggesterFixture.Suggest("中方将奉陪到底，不惜付出任何代价，必定予以坚决回击。", China));

        Assert.Equal(Stance.Commits, claim.Stance);
    }

    [Theory]
    [InlineData("政府將堅定捍衛國家主權、司法主權與人民福祉。", Stance.Commits)]
    [InlineData("双方将继续坚定捍卫第二次世界大战胜利成果。", Stance.Reaffirms)]
    public void Upholding_as_a_new_undertaking_commits_and_continuing_restates(string text, Stance stance)
    {
        // Taipei's MAC (2026); the China–Russia statement of the seed.
        var claim = Assert.Single(SuggesterFixture.Suggest(text, China));

        Assert.Equal(stance, claim.Stance);
    }

    [Fact]
    public void A_criticised_party_and_what_is_wrong_with_it_propose_opposition_without_a_stance_word()
    {
        // Taipei's MOFA on the US Taiwan Assurance Implementation Act (2025).
        var claim = Assert.Single(SuggesterFixture.Suggest("中共的行徑不僅凸顯其霸權心態，更暴露出中共「麻煩製造者」的本性。", "taiwan-mofa"));

        Assert.Equal((Stance.Opposes, "china"), (claim.Stance, claim.Target));
        Assert.True(claim.Confidence <= 0.25, "an accusation without a stance word is offered at the lowest confidences");
    }

    [Fact]
    public void A_criticised_party_without_anything_wrong_said_of_it_is_no_position()
    {
        Assert.Empty(SuggesterFixture.Suggest("中共今天舉行記者會。", "taiwan-mofa"));
    }

    [Theory]
    [InlineData("They affirm the importance of maintaining peace and stability across the Taiwan Strait as an indispensable element of global security and prosperity.", Stance.Supports)]
    [InlineData("We affirm a shared vision for our partnership as well as for the Indo-Pacific and beyond.", Stance.Supports)]
    [InlineData("We affirm that a nuclear war cannot be won and must never be fought.", Stance.Reaffirms)]
    [InlineData("Our revitalised Atlantic Charter affirms our ongoing commitment to sustaining our enduring values and defending them against new and old challenges.", Stance.Reaffirms)]
    public void Affirming_an_importance_or_a_vision_supports_and_affirming_a_proposition_or_a_commitment_restates(string text, Stance stance)
    {
        // US–Philippines (2023), Camp David (2023), the P5 (2022, seed) and the New Atlantic Charter (2021).
        var suggestions = SuggesterFixture.Suggest(text, "united-states", "japan");

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal(stance, s.Stance));
    }

    [Fact]
    public void Upholding_in_a_later_clause_of_an_undertaking_is_undertaken()
    {
        // Taipei's MAC on the APEC remarks (2024).
        var suggestions = SuggesterFixture.Suggest("我方將站穩中華民國憲政體制，堅定捍衛國家主權尊嚴。", "taiwan-mac");

        Assert.Contains(suggestions, s => s.Stance == Stance.Commits && s.Cue == "堅定捍衛");
        Assert.DoesNotContain(suggestions, s => s.Stance == Stance.Reaffirms);
    }

    [Fact]
    public void Upholding_after_a_restatement_stays_restated()
    {
        var suggestions = SuggesterFixture.Suggest("双方重申，坚定捍卫联合国宪章宗旨和原则。", "china", "russia");

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal(Stance.Reaffirms, s.Stance));
    }

    [Theory]
    [InlineData("外交部指出，我國身為主權國家，依據國家發展需求聘請國際專家與顧問，屬於正當且合法的主權行使。", Stance.Supports)]
    [InlineData("陸委會指出，北京當局僵化的對台政策導因於其錯誤的「一中原則」定位。", Stance.Opposes)]
    public void What_a_ministry_states_is_proposed_as_its_position_even_without_a_stance_word(string text, Stance stance)
    {
        // Taipei's MOFA (2025) and MAC (2022).
        var claim = Assert.Single(SuggesterFixture.Suggest(text, "taiwan-mofa"));

        Assert.Equal(stance, claim.Stance);
        Assert.True(claim.Confidence <= 0.25, "a stated position without a stance word is offered at the lowest confidences");
    }

    [Fact]
    public void A_statement_about_a_meeting_is_no_position()
    {
        Assert.Empty(SuggesterFixture.Suggest("外交部表示，雙方舉行會談並交換意見。", "taiwan-mofa"));
    }

    [Fact]
    public void Each_to_item_of_a_commitment_list_is_committed_to()
    {
        // New Atlantic Charter (2021).
        var suggestions = SuggesterFixture.Suggest(
            "Fourth, we resolve to harness and protect our innovative edge in science and technology to support our shared security and deliver jobs at home; to open new markets; to promote the development and deployment of new standards.",
            "united-states", "united-kingdom");

        Assert.Contains(suggestions, s => s.Stance == Stance.Commits && s.Quote.Contains("to open new markets", StringComparison.Ordinal));
        Assert.Contains(suggestions, s => s.Stance == Stance.Commits && s.Quote.Contains("to promote the development", StringComparison.Ordinal));
    }

    [Fact]
    public void A_to_item_without_a_commitment_before_it_is_no_position()
    {
        Assert.Empty(SuggesterFixture.Suggest("The leaders met in London, to open new markets.", "united-states", "united-kingdom"));
    }

    [Fact]
    public void Another_party_and_a_threat_without_a_stance_word_are_a_concern()
    {
        var claim = Assert.Single(SuggesterFixture.Suggest("Russia’s attack has already risked the safety and security of nuclear sites in Ukraine.", G7));

        Assert.Equal((Stance.Concerned, "g7"), (claim.Stance, Assert.Single(claim.Holders)));
    }

    [Fact]
    public void A_signatory_and_a_threat_are_no_accusation()
    {
        Assert.Equal("g7", Assert.Single(Assert.Single(SuggesterFixture.Suggest("Russia has already risked much.", G7)).Holders));
        Assert.Empty(SuggesterFixture.Suggest("The G7 has already risked much.", G7));
        Assert.Empty(SuggesterFixture.Suggest("The storm that hit Japan last week has already risked much.", "united-states", "japan"));
    }

    [Theory]
    [InlineData("如果出现这种情况，中方绝不接受。", "如果出现这种情况")]
    [InlineData("正告民进党当局，搞分裂对抗没有出路。", "搞分裂对抗")]
    public void Rejection_that_ends_the_sentence_rejects_what_comes_before_it(string text, string rejected)
    {
        // Ministry of Commerce spokesperson (2025); Taiwan Affairs Office (2024).
        var suggestions = SuggesterFixture.Suggest(text, China);

        Assert.Contains(suggestions, s => s.Stance == Stance.Opposes && s.Quote.Contains(rejected, StringComparison.Ordinal));
    }
}
