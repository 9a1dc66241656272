using System.Buffers;
using Tracker.Domain.Claims;

namespace Tracker.Text.Suggesting;

/// <summary>
/// Proposes claims from a normalized, segmented body with the lexicon and the topic taxonomy (DESIGN.md,
/// Flows → Suggest). One Aho–Corasick pass finds every cue, intensifier, softener, negation, holder, target
/// and topic alias of every language; each sentence then pairs its topics with the cue that governs them.
/// Built once per lexicon and taxonomy; <see cref="Suggest"/> is safe to call from several threads.
/// </summary>
public sealed class ClaimSuggester
{
    private const int MaxProposalLength = 40;
    private const int MaxHanHead = 24;
    private const int MaxSpacedHead = 60;

    private readonly PatternMatcher _matcher;
    private readonly Term[][] _terms;
    private readonly SuggesterTopic[] _topics;
    private readonly TopicResemblance _resemblance;
    private readonly string[][] _holderSlugs;
    private readonly string[] _targets;
    private readonly List<(string[] Actors, int Topic)> _relations = [];
    private readonly bool[] _relates;

    /// <summary>
    /// Words for the signatories' own relationship, with the number of parties they imply (0: any): in a statement of
    /// parties whose relationship is a topic ("China–Micronesia comprehensive strategic partnership"), that topic.
    /// </summary>
    private static readonly (string Phrase, int Parties)[] RelationPhrases =
    [
        ("双边关系", 2), ("雙邊關係", 2), ("两国关系", 2), ("兩國關係", 2), ("双边合作", 2), ("雙邊合作", 2),
        ("bilateral relations", 2), ("bilateral relationship", 2), ("bilateral ties", 2), ("bilateral cooperation", 2),
        ("三边合作", 3), ("三邊合作", 3), ("trilateral cooperation", 3), ("trilateral partnership", 3), ("trilateral relationship", 3),
        ("全面战略伙伴关系", 0), ("全面戰略夥伴關係", 0), ("全面戰略伙伴關係", 0), ("comprehensive strategic partnership", 0),
    ];

    /// <param name="lexicon">Cues, holders, targets and the other word lists of every language.</param>
    /// <param name="topics">The taxonomy: every alias of every topic.</param>
    /// <param name="actors">
    /// Actors whose Chinese names and aliases ("密方", "所方", "陸委會") hold a position when the actor signed the document: the
    /// lexicon names only the parties of the seed ("中方", "俄方"), and Chinese statements name each party by its own short form.
    /// </param>
    public ClaimSuggester(Lexicon lexicon, IEnumerable<SuggesterTopic> topics, IEnumerable<SuggesterActor>? actors = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(topics);
        _topics = [.. topics];
        _resemblance = new TopicResemblance(_topics);
        var patterns = new List<string>();
        var terms = new List<List<Term>>();
        var byText = new Dictionary<string, int>(StringComparer.Ordinal);
        var holders = new List<string[]>();
        var holderIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var targets = new List<string>();

        void Add(string text, TermKind kind, int value)
        {
            text = text.Trim();
            var key = Folded(text);
            if (!byText.TryGetValue(key, out var id))
            {
                id = patterns.Count;
                byText[key] = id;
                patterns.Add(text);
                terms.Add([]);
            }

            // Acronyms ("US", "UN", "ПРО") are matched with their case, or the pronoun "us" would be the United States
            // and the preposition "про" missile defence.
            var exactCase = text.Length <= 6 && text.Count(char.IsLetter) >= 2 && text.Where(char.IsLetter).All(c => char.IsUpper(c));
            var term = new Term(kind, value, text, exactCase);
            if (!terms[id].Contains(term))
            {
                terms[id].Add(term);
            }
        }

        for (int t = 0; t < _topics.Length; t++)
        {
            foreach (var alias in _topics[t].Aliases)
            {
                if (!string.IsNullOrWhiteSpace(alias))
                {
                    Add(alias, TermKind.Topic, t);
                    foreach (var variant in HyphenVariants(alias))
                    {
                        Add(variant, TermKind.Topic, t);
                    }
                }
            }
        }

        foreach (var language in lexicon.Languages)
        {
            var weak = language.WeakCues.ToHashSet(StringComparer.Ordinal);
            foreach (var (code, cues) in language.Cues)
            {
                var stance = StanceRules.Parse(code);
                cues.ForEach(cue => Add(cue, weak.Contains(cue) ? TermKind.WeakCue : TermKind.Cue, (int)stance));
            }

            language.Intensifiers.ForEach(w => Add(w, TermKind.Intensifier, 0));
            language.Softeners.ForEach(w => Add(w, TermKind.Softener, 0));
            language.Negations.ForEach(w => Add(w, TermKind.Negation, 0));
            language.NotCues.ForEach(w => Add(w, TermKind.NotCue, 0));
            language.References.ForEach(w => Add(w, TermKind.Reference, 0));
            language.Threats.ForEach(w => Add(w, TermKind.Threat, 0));
            language.Actions.ForEach(w => Add(w, TermKind.Action, 0));
            foreach (var (key, phrases) in language.Holders)
            {
                if (!holderIndex.TryGetValue(key, out var h))
                {
                    h = holders.Count;
                    holderIndex[key] = h;
                    holders.Add(key == LexiconLanguage.Signatories ? [] : key.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                }

                phrases.ForEach(p => Add(p, TermKind.Holder, h));
            }

            foreach (var (key, phrases) in language.Targets)
            {
                var index = targets.IndexOf(key);
                if (index < 0)
                {
                    index = targets.Count;
                    targets.Add(key);
                }

                phrases.ForEach(p => Add(p, TermKind.Target, index));
            }
        }

        foreach (var actor in actors ?? [])
        {
            if (!holderIndex.TryGetValue(actor.Slug, out var h))
            {
                h = holders.Count;
                holderIndex[actor.Slug] = h;
                holders.Add([actor.Slug]);
            }

            foreach (var alias in actor.Aliases)
            {
                // Two characters at least: "中" or "美" alone is part of too many words. In other scripts a name ("Australia",
                // "Micronesia"), not a short word.
                var trimmed = alias.Trim();
                if ((trimmed.Length >= 2 && CharClass.HasHan(trimmed)) || (trimmed.Length >= 4 && char.IsUpper(trimmed[0])))
                {
                    Add(alias, TermKind.Party, h);
                }
            }
        }

        // A topic whose English name joins two or more parties with dashes ("China–Micronesia comprehensive strategic
        // partnership", "Japan–ROK–U.S. trilateral partnership", "US–Russia relations") is the relationship of those parties.
        var actorList = (actors ?? []).ToList();
        for (int t = 0; t < _topics.Length; t++)
        {
            if (RelationParties(_topics[t].Label, actorList) is { } parties)
            {
                _relations.Add((parties, t));
            }
        }

        foreach (var (phrase, parties) in RelationPhrases)
        {
            Add(phrase, TermKind.Relation, parties);
        }

        _matcher = new PatternMatcher(patterns);
        _terms = [.. terms.Select(t => t.ToArray())];
        _relates = [.. terms.Select(t => t.Exists(term => term.Kind == TermKind.Relation))];
        _holderSlugs = [.. holders];
        _targets = [.. targets];
    }

    public int PatternCount => _matcher.PatternCount;

    /// <summary>
    /// English writes the same compound closed, hyphenated or open ("nonproliferation", "non-proliferation",
    /// "non proliferation"): an alias with a hyphen between two letters also matches the other two spellings.
    /// </summary>
    internal static IEnumerable<string> HyphenVariants(string alias)
    {
        bool joined = false;
        for (int i = 1; i < alias.Length - 1; i++)
        {
            joined |= alias[i] == '-' && char.IsAsciiLetter(alias[i - 1]) && char.IsAsciiLetter(alias[i + 1]);
        }

        if (!joined)
        {
            yield break;
        }

        var closed = new System.Text.StringBuilder(alias.Length);
        var open = new System.Text.StringBuilder(alias.Length);
        for (int i = 0; i < alias.Length; i++)
        {
            bool between = alias[i] == '-' && i > 0 && i < alias.Length - 1 && char.IsAsciiLetter(alias[i - 1]) && char.IsAsciiLetter(alias[i + 1]);
            if (!between)
            {
                closed.Append(alias[i]);
            }

            open.Append(between ? ' ' : alias[i]);
        }

        yield return closed.ToString();
        yield return open.ToString();
    }

    /// <summary>Suggestions for one document, in body order.</summary>
    /// <param name="body">The normalized body.</param>
    /// <param name="sentences">Its sentences in code points, in order (from <see cref="Segmenter"/>).</param>
    /// <param name="signatories">Actor slugs of the signatories: what "双方" and "We" resolve to.</param>
    /// <param name="learned">
    /// What the curated claims teach, for the passages no rule suggests anything in; offered at the lowest confidence.
    /// </param>
    public List<Suggestion> Suggest(string body, IReadOnlyList<TextSpan> sentences, IReadOnlyList<string> signatories, StanceModel? learned = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(signatories);
        var index = new CodePointIndex(body);
        // Sized for the statements (about one match per fifty characters), so the list seldom grows.
        var matches = new List<PatternMatch>((body.Length / 32) + 16);
        _matcher.FindAll(body, matches);
        matches.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));

        int relation = Relation(signatories);
        var suggestions = new List<Suggestion>();
        var scratch = new SentenceScratch { Index = index };
        var context = new Context();
        int m = 0;
        IReadOnlyList<string>? inherited = null;
        foreach (var (start, end) in QuotedSentences(body, index, sentences))
        {
            while (m < matches.Count && matches[m].Start < start)
            {
                m++;
            }

            scratch.Clear(start, end);
            int k = m;
            for (; k < matches.Count && matches[k].Start < end; k++)
            {
                var match = matches[k];
                if (match.End > end)
                {
                    continue;
                }

                var terms = _terms[match.Pattern];
                bool related = false;
                if (relation >= 0 && _relates[match.Pattern])
                {
                    foreach (var term in terms)
                    {
                        if (term.Kind == TermKind.Relation && (term.Value == 0 || term.Value == signatories.Count))
                        {
                            // "双边关系" in the China–Micronesia statement is their partnership, not bilateral relations at large.
                            scratch.Add(new Hit(match.Start, match.End, TermKind.Topic, relation));
                            related = true;
                            break;
                        }
                    }
                }

                foreach (var term in terms)
                {
                    if ((term.ExactCase && !body.AsSpan(match.Start, match.Length).SequenceEqual(term.Text))
                        || term.Kind == TermKind.Relation || (related && term.Kind == TermKind.Topic))
                    {
                        continue;
                    }

                    if (term.Kind == TermKind.Party)
                    {
                        // An actor's own name holds only when it signed and opens a clause as its subject: "密方坚定奉行…",
                        // not the object in "坚定支持中国实现国家统一".
                        if (OpensClause(body, start, match.Start) && Signed(signatories, _holderSlugs[term.Value][0]))
                        {
                            scratch.Add(new Hit(match.Start, match.End, TermKind.Holder, term.Value));
                        }
                        else
                        {
                            scratch.Others.Add(new Hit(match.Start, match.End, TermKind.Party, term.Value));
                        }

                        continue;
                    }

                    scratch.Add(new Hit(match.Start, match.End, term.Kind, term.Value));
                }
            }

            m = k;
            scratch.Inherited = inherited;
            int before = suggestions.Count;
            SuggestInSentence(body, index, scratch, signatories, suggestions, context);
            if (learned is not null)
            {
                SuggestLearned(body, index, scratch, signatories, suggestions, before, learned);
            }

            if (!EndsWith(body, scratch, ';', '；'))
            {
                inherited = null;
            }
            else if (HolderBefore(body, scratch, end) is { } last)
            {
                inherited = Holders(body, scratch, last, signatories);
            }
        }

        return suggestions;
    }

    /// <summary>
    /// Readings of the learned model less likely than this to hold a claim are not offered. Chosen on the development set, each
    /// statement read by a model that had not learned from it: lower thresholds add recall at a steeper cost in precision.
    /// </summary>
    public const double LearnedThreshold = 0.9;

    private const int MinLearnedPassage = 6;

    private static readonly string[] LeadInVerbs =
        ["认为", "認為", "指出", "表示", "声明", "聲明", "强调", "強調", "重申", "注意到", "如下", "宣布", "wish to", "as follows"];

    /// <summary>
    /// The passages of the sentence that no suggestion touches, read by the model the curators' claims trained: a stance it is
    /// sure enough of is proposed on the passage, with the words that weighed most as its cue.
    /// </summary>
    private void SuggestLearned(
        string body, CodePointIndex index, SentenceScratch s, IReadOnlyList<string> signatories, List<Suggestion> output, int first, StanceModel learned)
    {
        var text = body.AsSpan();
        StanceModel.PassagesOf(text, s.Start, s.End, s.Passages);
        foreach (var passage in s.Passages)
        {
            var span = index.ToCodePoints(passage.Start, passage.End);
            bool touched = false;
            for (int i = first; i < output.Count && !touched; i++)
            {
                touched = output[i].Span.Overlaps(span);
            }

            // A short passage ("与此同时") or a lead-in ("双方指出", "發言人重申") says nothing of its own: the position follows it.
            var words = text[passage.Start..passage.End];
            if (touched || span.Length < MinLearnedPassage || EndsWithAny(words, LeadInVerbs)
                || learned.Read(words, passage.Start, LearnedThreshold) is not { } reading)
            {
                continue;
            }

            // The holder is the one named before the end of the strongest word ("中方必将予以坚决回击": 中方); whom a request or a
            // criticism names is spoken of, and those who signed hold it.
            var holders = Holders(text, s, reading.Words.Count > 0 ? reading.Words[0].End : passage.Start, signatories);
            if (reading.Stance == Stance.CallsFor || reading.Stance.Polarity() < 0)
            {
                holders = SpokenOfBySignatories(holders, signatories);
            }

            output.Add(ProposeObject(
                body, index, passage, passage, holders, reading.Stance, reading.Stance.DefaultIntensity(), reading.Cue(body), signatories, confidenceCut: 0.1)
                with { Learned = true });
        }
    }

    /// <summary>
    /// The sentences as UTF-16 ranges, each quoted one on its own: the segmenter keeps a spokesman's quoted words
    /// ("發言人表示：「…香港。美方一再…。」") in one sentence, but each of their sentences is a position of its own.
    /// </summary>
    private static IEnumerable<(int Start, int End)> QuotedSentences(string body, CodePointIndex index, IReadOnlyList<TextSpan> sentences)
    {
        foreach (var sentence in sentences)
        {
            int start = index.ToUtf16(sentence.Start), end = index.ToUtf16(sentence.End);
            for (int at = body.AsSpan(start, end - start).IndexOfAny(ChineseEnds); at >= 0;)
            {
                int cut = start + at + 1;
                while (cut < end && (body[cut] is '」' or '』' or '”' || char.IsWhiteSpace(body[cut])))
                {
                    cut++;
                }

                if (end - cut < 2)
                {
                    break;
                }

                yield return (start, cut);
                start = cut;
                at = body.AsSpan(start, end - start).IndexOfAny(ChineseEnds);
            }

            yield return (start, end);
        }
    }

    private static readonly SearchValues<char> ChineseEnds = SearchValues.Create("。！？");

    private void SuggestInSentence(string body, CodePointIndex index, SentenceScratch s, IReadOnlyList<string> signatories, List<Suggestion> output, Context context)
    {
        var text = body.AsSpan();
        LongestFirst(s.Topics);
        Drop(s.Cues, s.Topics);
        Drop(s.Cues, s.NotCues);
        LongestFirst(s.Cues);
        DropInvitation(text, s);
        DropDisregarded(text, s);
        DropPassive(text, s);
        DenyAcceptance(text, s);
        DenyRejection(text, s);
        DropOwnedCommitment(text, s);
        EnglishClauses(text, s);
        AddProgressive(text, s);
        AddListedActions(text, s);
        AddListedInfinitives(text, s);
        WillUphold(text, s);
        KeepFrame(text, s);
        Drop(s.Negations, s.Topics);
        Drop(s.Intensifiers, s.Topics);
        Drop(s.Threats, s.Topics);
        Drop(s.Holders, s.Topics);
        JoinOthers(text, s, signatories);
        DropInsideOthers(s);
        LongestFirst(s.Holders);
        LongestFirst(s.Targets);

        bool listItem = StartsWithEnumerator(text, s.Start);
        if (s.Cues.Count == 0)
        {
            // An item of a list whose lead-in holds the cue ("the Secretary of Defense shall: (i) …; (ii) …").
            if (context.Carry is { } carry && s.Topics.Count > 0)
            {
                SuggestFromCarry(body, index, s, carry, output);
            }
            else if (s.Topics.Count > 0 && (s.Threats.Count > 0 || s.Targets.Count > 0) && !DeniesRight(text, s))
            {
                // Codebook: an accusation of someone ("个别国家及其盟友利用…") is opposed, a plain description of a threat is a concern.
                var word = s.Targets.Count > 0 ? s.Targets[0] : s.Threats[0];
                var carried = s.Targets.Count > 0 ? new Carry(Stance.Opposes, 2, signatories, body[word.Start..word.End]) : new Carry(Stance.Concerned, 1, signatories, body[word.Start..word.End]);
                SuggestFromCarry(body, index, s, carried, output, confidence: 0.25);
            }
            else if (s.Topics.Count == 0 && (s.Targets.Count > 0 || s.Others.Count > 0 || s.Holders.Count > 0) && s.Threats.Count > 0
                && !DeniesRight(text, s) && ProposeAccusation(body, index, s, signatories) is { } accusation)
            {
                output.Add(accusation);
            }
            else if (s.Topics.Count == 0 && ProposeStatedContent(body, index, s, signatories) is { } stated)
            {
                output.Add(stated);
            }
            else if (s.Topics.Count > 0 && CharClass.HasHan(text[s.Start..s.End]) && !Narrates(text[s.Start..s.End]))
            {
                // "…，共同推动互联互通、数字经济等各领域务实合作": a verbless sentence that sets out to advance something commits to it.
                if (ActionVerb(text, s) is { } verb)
                {
                    SuggestFromCarry(body, index, s, new Carry(Stance.Commits, Stance.Commits.DefaultIntensity(), signatories, verb), output, confidence: 0.2);
                }
                else
                {

                // A Chinese statement's sentence names its topics as positions even without a verb ("国际法原则是…的基础"):
                // offered as mild support, at the lowest confidence, for the curator to confirm. A verbless sentence of
                // English or Russian is narrative ("President Reagan endeavored to build …"), not a position.
                    SuggestFromCarry(body, index, s, new Carry(Stance.Supports, 1, signatories, ""), output, confidence: 0.15);
                }
            }

            if (!(listItem || EndsWith(text, s, ';', '；')))
            {
                context.Carry = null;
            }

            context.Topics.Clear();
            return;
        }

        var governing = new bool[s.Cues.Count];
        int first = output.Count;
        foreach (var topic in s.Topics)
        {
            int cue = GoverningCue(text, s, topic);
            if (cue < 0)
            {
                continue;
            }

            // The cues between the governing one and its topic belong to the same position ("应摒弃…"), not to new ones.
            for (int c = 0; c < s.Cues.Count; c++)
            {
                governing[c] |= c == cue || (s.Cues[c].Start >= s.Cues[cue].End && s.Cues[c].End <= topic.Start);
            }

            // So does the rest of a criticism series that follows its topic ("對於…，我們堅決反對，嚴厲譴責，並表達強烈抗議").
            for (int c = cue + 1; s.Cues[cue].Start >= topic.End && c < s.Cues.Count && CriticismSeries(text, s.Cues[c - 1], s.Cues[c]); c++)
            {
                governing[c] = true;
            }

            var suggestion = Build(body, index, s, cue, topic, signatories);
            AddOnePerTopic(output, first, suggestion);
        }

        CondemnBack(body, s, output, first);

        if (s.Topics.Count == 0 && s.References.Count > 0 && context.Topics.Count > 0)
        {
            // "双方对此种…行为表示强烈谴责": the stance is here, its topics are in the sentence before.
            int cue = StrongestOfChain(text, s, s.Cues.Count - 1);
            foreach (var topic in context.Topics)
            {
                AddOnePerTopic(output, first, Build(body, index, s, cue, topic, signatories) with { Confidence = 0.35 });
            }

            Array.Fill(governing, true);
        }

        for (int c = 0; c < s.Cues.Count; c++)
        {
            if (!governing[c] && Propose(body, index, s, c, signatories) is { } proposal)
            {
                output.Add(proposal);
            }
        }

        context.Topics.Clear();
        context.Topics.AddRange(s.Topics);
        if (EndsWith(text, s, ':', '：'))
        {
            int last = StrongestOfChain(text, s, s.Cues.Count - 1);
            var (clauseStart, _) = Clause(text, s, s.Cues[last].Start);
            var stance = (Stance)s.Cues[last].Value;
            context.Carry = new Carry(stance, Intensity(s, last, stance, clauseStart), Holders(text, s, s.Cues[last].Start, signatories), body[s.Cues[last].Start..s.Cues[last].End]);
        }
        else if (!listItem)
        {
            context.Carry = null;
        }
    }

    private static readonly string[] DeniedRights = ["无权", "無權", "不得", "no right"];

    // "都无权否定", "神圣不可侵犯", "主權不容侵犯": rejection that may not be done.
    private static readonly string[] DeniedRejections = ["无权", "無權", "不得", "不可", "不容", "不可能"];

    /// <summary>
    /// "任何外部勢力無權置喙", "任何外國機構無權干涉": a sentence that denies a party the right to an act states the norm (here
    /// non-interference), which the holders support; it accuses no one, though it names the party.
    /// </summary>
    private static bool DeniesRight(ReadOnlySpan<char> text, SentenceScratch s) =>
        ContainsAny(text[s.Start..s.End], DeniedRights, StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> InvitationWords = SearchValues.Create(["邀请", "邀請", "请求", "請求"], StringComparison.Ordinal);

    /// <summary>
    /// "应法兰西共和国总统希拉克先生的邀请", "应菲律宾共和国单方面请求建立的仲裁庭": 应 before an invitation or a request is "at", not
    /// "should".
    /// </summary>
    private static void DropInvitation(ReadOnlySpan<char> text, SentenceScratch s)
    {
        for (int c = 0; c < s.Cues.Count; c++)
        {
            var cue = s.Cues[c];
            if (cue.Length == 1 && text[cue.Start] is '应' or '應')
            {
                var (_, clauseEnd) = Clause(text, s, cue.Start);
                var rest = text[cue.End..clauseEnd];
                if (rest.ContainsAny(InvitationWords))
                {
                    s.Cues.RemoveAt(c--);
                }
            }
        }
    }

    private static readonly string[] PejorativeAdverbs = ["顽固", "頑固", "执意", "執意", "蓄意", "肆意", "公然"];

    private static bool Pejorative(ReadOnlySpan<char> text, int clauseStart, Hit cue) =>
        (cue.End < text.Length && text[cue.End] == '搞')
        || EndsWithAny(text[Math.Max(clauseStart, cue.Start - 2)..cue.Start], PejorativeAdverbs);

    private static readonly string[] DisregardWords = ["不顾", "不顧", "无视", "無視"];

    private static readonly SearchValues<char> DisregardEnds = SearchValues.Create("顾顧视視");

    /// <summary>
    /// "如果美方不顾中方和国际社会反对": a stance after "disregarding" in its clause is the one disregarded, said of others.
    /// </summary>
    private static void DropDisregarded(ReadOnlySpan<char> text, SentenceScratch s)
    {
        // Their second characters, searched for at once, rule out almost every sentence.
        if (s.Cues.Count == 0 || !text[s.Start..s.End].ContainsAny(DisregardEnds))
        {
            return;
        }

        for (int c = 0; c < s.Cues.Count; c++)
        {
            var (clauseStart, _) = Clause(text, s, s.Cues[c].Start);
            if (ContainsAny(text[clauseStart..s.Cues[c].Start], DisregardWords, StringComparison.Ordinal))
            {
                s.Cues.RemoveAt(c--);
            }
        }
    }

    private static readonly string[] PassiveMarkers = ["得到", "受到", "获得", "獲得", "获", "獲", "引起", "遭到", "遭受"];

    /// <summary>
    /// "这些原则进一步得到尊重", "已廣泛受到國際社會高度關注": a stance word after a passive marker (得到, 受到) is what others do
    /// to the subject, not the holders' position; the cue before it, if any, governs.
    /// </summary>
    private static void DropPassive(ReadOnlySpan<char> text, SentenceScratch s)
    {
        Hit? dropped = null;
        for (int c = 0; c < s.Cues.Count; c++)
        {
            var cue = s.Cues[c];
            // "已遭到…的嚴厲譴責與堅決反對": a cue coordinated with a passive one is passive too.
            if (dropped is { } passive && cue.Start >= passive.End && cue.Start - passive.End <= 4
                && text[passive.End] is '与' or '與' or '和' or '及' or '并' or '並' or '、')
            {
                s.Cues.RemoveAt(c--);
                dropped = cue;
                continue;
            }

            int from = Math.Max(Math.Max(s.Start, cue.Start - 20), c > 0 ? s.Cues[c - 1].End : s.Start);
            if (from >= cue.Start || !CharClass.HasHan(text[cue.Start..cue.End]))
            {
                continue;
            }

            // Only the cue's own clause: "…國際秩序，已廣泛受到國際社會高度關注".
            var before = text[from..cue.Start];
            before = before[(before.LastIndexOfAny('，', '；', '：') + 1)..];
            foreach (var marker in PassiveMarkers)
            {
                if (before.Contains(marker, StringComparison.Ordinal))
                {
                    s.Cues.RemoveAt(c--);
                    dropped = cue;
                    break;
                }
            }
        }
    }

    private static readonly string[] Denials = ["不", "未", "拒绝", "拒絕", "不会", "不會", "不能", "无法", "無法", "not", "cannot", "never", "n't"];

    /// <summary>
    /// "中国不承认仲裁庭的裁决", "we do not recognize …": acceptance denied right before its word is rejection, like the
    /// codebook's "不接受"; so the holders oppose the object rather than support it.
    /// </summary>
    private static void DenyAcceptance(ReadOnlySpan<char> text, SentenceScratch s)
    {
        for (int c = 0; c < s.Cues.Count; c++)
        {
            var cue = s.Cues[c];
            if ((Stance)cue.Value is not (Stance.Supports or Stance.Welcomes) || cue.Kind != TermKind.Cue)
            {
                continue;
            }

            var before = text[Math.Max(s.Start, cue.Start - 8)..cue.Start];
            bool han = CharClass.HasHan(text[cue.Start..cue.End]);
            if (!han)
            {
                before = before.TrimEnd();
            }

            foreach (var denial in Denials)
            {
                // Chinese denies with the particle right before the verb; English with a whole word ("not", "never", "don't").
                if (before.EndsWith(denial, StringComparison.Ordinal) && CharClass.HasHan(denial) == han
                    && (han || denial == "n't" || before.Length == denial.Length || !char.IsAsciiLetter(before[^(denial.Length + 1)])))
                {
                    s.Cues[c] = cue with { Value = (int)Stance.Opposes };
                    break;
                }
            }
        }
    }

    /// <summary>
    /// "任何国家、组织和机构都无权否定中国在南海的领土主权": rejection denied as a right, right before its word, upholds the
    /// object; the holders support it.
    /// </summary>
    private static void DenyRejection(ReadOnlySpan<char> text, SentenceScratch s)
    {
        for (int c = 0; c < s.Cues.Count; c++)
        {
            var cue = s.Cues[c];
            if (((Stance)cue.Value).Polarity() >= 0 || cue.Kind != TermKind.Cue || !CharClass.HasHan(text[cue.Start..cue.End]))
            {
                continue;
            }

            if (RejectionDenied(text, s, cue))
            {
                s.Cues[c] = cue with { Value = (int)Stance.Supports };
            }
        }
    }

    /// <summary>
    /// "they welcome the Quad’s commitment to support …": a commitment another party owns is what the holders' earlier cue is
    /// about, not a commitment of theirs.
    /// </summary>
    private static void DropOwnedCommitment(ReadOnlySpan<char> text, SentenceScratch s)
    {
        for (int c = 1; c < s.Cues.Count; c++)
        {
            var cue = s.Cues[c];
            if ((Stance)cue.Value != Stance.Commits || CharClass.HasHan(text[cue.Start..cue.End]) || !IsCommitmentNoun(text[cue.Start..cue.End]))
            {
                continue;
            }

            // The owner's possessive, with at most two adjectives between it and the noun ("the Quad’s steadfast commitment").
            var before = text[Math.Max(s.Start, cue.Start - 40)..cue.Start].TrimEnd();
            for (int words = 0; words < 3; words++)
            {
                if (before.EndsWith("’s", StringComparison.Ordinal) || before.EndsWith("'s", StringComparison.Ordinal))
                {
                    s.Cues.RemoveAt(c--);
                    break;
                }

                int space = before.LastIndexOf(' ');
                if (space < 0)
                {
                    break;
                }

                before = before[..space].TrimEnd();
            }
        }
    }

    private static readonly string[] RelativeWords = [" who ", " which ", " whose "];

    /// <summary>
    /// Two English readings of a cue by its place: "We must ensure that democracies … can deliver" is what the holders take on
    /// (commits), not a request; "countering the efforts of those who seek to undermine our alliances" describes others in a
    /// relative clause, so its cues are not the holders' position.
    /// </summary>
    private static void EnglishClauses(ReadOnlySpan<char> text, SentenceScratch s)
    {
        for (int c = 0; c < s.Cues.Count; c++)
        {
            var cue = s.Cues[c];
            if (CharClass.HasHan(text[cue.Start..cue.End]))
            {
                continue;
            }

            var before = text[Math.Max(s.Start, cue.Start - 12)..cue.Start].TrimEnd();
            if ((Stance)cue.Value == Stance.CallsFor && IsModal(text[cue.Start..cue.End]) && (before.EndsWith(" we", StringComparison.OrdinalIgnoreCase)
                || before.Equals("we", StringComparison.OrdinalIgnoreCase) || before.EndsWith("we also", StringComparison.OrdinalIgnoreCase)))
            {
                s.Cues[c] = cue with { Value = (int)Stance.Commits };
                continue;
            }

            // "the suffering and loss of life it continues to cause": what "it" does in a clause that describes a noun is
            // narrative; "…, it seeks to uphold peace" opens a clause of the holder's own.
            if (c > 0 && DescribesNoun(text[Math.Max(s.Start, cue.Start - 24)..cue.Start]))
            {
                s.Cues.RemoveAt(c--);
                continue;
            }

            int from = c > 0 ? s.Cues[c - 1].End : s.Start;
            if (c > 0 && from < cue.Start && IsRelative(text[from..cue.Start]))
            {
                // The relative clause's cues up to the next clause break ("seek to undermine") are the others' when they
                // criticise; "…, which will strengthen … and support …" is still what the holders take on.
                int last = c, end = cue.End;
                bool criticises = ((Stance)cue.Value).Polarity() < 0;
                while (last + 1 < s.Cues.Count && !HasBreak(text[end..s.Cues[last + 1].Start]))
                {
                    last++;
                    end = s.Cues[last].End;
                    criticises |= ((Stance)s.Cues[last].Value).Polarity() < 0;
                }

                if (criticises)
                {
                    s.Cues.RemoveRange(c, last - c + 1);
                    c--;
                }
            }
        }
    }

    private static readonly string[] ClauseOpeners = ["and", "that", "which", "as", "because", "while", "so", "but", "where", "when", "if", "how", "what", "whether"];

    /// <summary>Whether the text before a cue ends with "it" right after a noun ("the suffering … it").</summary>
    private static bool DescribesNoun(ReadOnlySpan<char> before)
    {
        before = before.TrimEnd();
        if (!before.EndsWith(" it", StringComparison.Ordinal))
        {
            return false;
        }

        before = before[..^3].TrimEnd();
        if (before.IsEmpty || !char.IsAsciiLetterLower(before[^1]))
        {
            return false;
        }

        var word = before[(before.LastIndexOf(' ') + 1)..];
        foreach (var opener in ClauseOpeners)
        {
            if (word.SequenceEqual(opener))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsModal(ReadOnlySpan<char> cue) =>
        cue is "must" or "should" or "need to" or "needs to" or "ought to" or "have to";

    private static bool IsRelative(ReadOnlySpan<char> between) => ContainsAny(between, RelativeWords, StringComparison.OrdinalIgnoreCase);

    private static bool HasBreak(ReadOnlySpan<char> text) => text.IndexOfAny(',', ';', ':') >= 0;

    private static readonly string[] ProgressiveAdverbs = ["also ", "further ", "now ", "already ", "actively ", "jointly ", "currently ", "continually ", "steadily "];

    private static bool RejectionDenied(ReadOnlySpan<char> text, SentenceScratch s, Hit cue) =>
        EndsWithAny(text[Math.Max(s.Start, cue.Start - 3)..cue.Start], DeniedRejections);

    /// <summary>
    /// "中方将继续扩大改革开放，维护多边贸易体制，推动全球贸易投资自由化和便利化": after a commitment, each later clause of the
    /// sentence that opens with an action verb and has no cue of its own is one more thing the holders will do. Only there: an
    /// action verb elsewhere is too often narrative to be a position. A clause with a known topic needs no cue of its own:
    /// the commitment governs it already, quoted from its start. The verb stays of kind <see cref="TermKind.Action"/>: it
    /// proposes its clause's object and governs no topic.
    /// </summary>
    private static void AddListedActions(ReadOnlySpan<char> text, SentenceScratch s)
    {
        if (s.Actions.Count == 0)
        {
            return;
        }

        int commitment = FirstCommitment(text, s, chinese: true);
        if (commitment < 0)
        {
            return;
        }

        foreach (var action in s.Actions)
        {
            var (clauseStart, clauseEnd) = Clause(text, s, action.Start);
            if (action.Start <= s.Cues[commitment].End || action.Start != clauseStart || text[clauseStart - 1] is not ('，' or ',')
                || CueBetween(s, clauseStart, clauseEnd) || TopicBetween(s, clauseStart, clauseEnd) || HolderStartsBetween(s, s.Cues[commitment].End, clauseEnd)
                || text[s.Cues[commitment].End..clauseStart].IndexOfAny('；', ';') >= 0)
            {
                continue;
            }

            InsertCue(s, new Hit(action.Start, action.End, TermKind.Action, (int)Stance.Commits));
        }
    }

    /// <summary>Adds a cue the lexicon did not find where it belongs in the sentence's cues, which stay in text order.</summary>
    private static void InsertCue(SentenceScratch s, Hit cue)
    {
        int at = 0;
        while (at < s.Cues.Count && s.Cues[at].Start <= cue.Start)
        {
            at++;
        }

        s.Cues.Insert(at, cue);
    }

    /// <summary>The first commitment cue of the sentence in Chinese (or in another script), or −1.</summary>
    private static int FirstCommitment(ReadOnlySpan<char> text, SentenceScratch s, bool chinese)
    {
        for (int c = 0; c < s.Cues.Count; c++)
        {
            if ((Stance)s.Cues[c].Value == Stance.Commits && CharClass.HasHan(text[s.Cues[c].Start..s.Cues[c].End]) == chinese)
            {
                return c;
            }
        }

        return -1;
    }

    private static readonly string[] InfinitiveItems = ["; to ", ", to ", "; and to ", ", and to "];

    /// <summary>
    /// "we resolve to harness … ; to open new markets; to promote …": in English, each later item of a commitment's list that
    /// opens with "to" and has no cue or known topic of its own is one more thing committed to (kind
    /// <see cref="TermKind.Action"/>, like <see cref="AddListedActions"/>).
    /// </summary>
    private static void AddListedInfinitives(ReadOnlySpan<char> text, SentenceScratch s)
    {
        int commitment = FirstCommitment(text, s, chinese: false);
        if (commitment < 0)
        {
            return;
        }

        int from = s.Cues[commitment].End;
        while (from < s.End)
        {
            int at = -1, length = 0;
            foreach (var item in InfinitiveItems)
            {
                int found = text[from..s.End].IndexOf(item, StringComparison.Ordinal);
                if (found >= 0 && (at < 0 || from + found < at))
                {
                    (at, length) = (from + found, item.Length);
                }
            }

            if (at < 0 || HolderStartsBetween(s, s.Cues[commitment].End, at))
            {
                return;
            }

            int to = at + length - 3;
            int itemEnd = text[(at + length)..s.End].IndexOfAny(';', ',') is var stop and >= 0 ? at + length + stop : s.End;
            if (!CueBetween(s, to, itemEnd) && !TopicBetween(s, to, itemEnd))
            {
                InsertCue(s, new Hit(to, to + 2, TermKind.Action, (int)Stance.Commits));
            }

            from = itemEnd;
        }
    }

    private static readonly string[] Intensifying = ["坚定", "堅定", "坚决", "堅決"];

    /// <summary>
    /// "政府將堅定捍衛國家主權", "我方將…堅定捍衛國家主權尊嚴": what the holders will uphold, said as a new undertaking, is a
    /// commitment; "双方将继续坚定捍卫…" continues (the cue is "将继续"), so restates; "将重申" restates.
    /// </summary>
    private static void WillUphold(ReadOnlySpan<char> text, SentenceScratch s)
    {
        for (int c = 0; c < s.Cues.Count; c++)
        {
            var cue = s.Cues[c];
            if ((Stance)cue.Value != Stance.Reaffirms || !CharClass.HasHan(text[cue.Start..cue.End]) || RestatesInChinese(text[cue.Start..cue.End]))
            {
                continue;
            }

            var before = text[Math.Max(s.Start, cue.Start - 3)..cue.Start];
            if (EndsWithAny(before, Intensifying))
            {
                before = before[..^2];
            }

            if (before.EndsWith('将') || before.EndsWith('將') || UndertakenInEarlierClause(text, s, c))
            {
                s.Cues[c] = cue with { Value = (int)Stance.Commits };
            }
        }
    }

    private static readonly string[] ClauseAdverbs = ["并", "並", "共同", "积极", "積極", "坚定", "堅定", "坚决", "堅決"];

    /// <summary>
    /// "中方愿同各方加强团结协调，…，捍卫国际公平正义", "我方將站穩…，堅定捍衛國家主權尊嚴": an upholding verb that opens a later
    /// clause of a sentence whose earlier clause undertakes something (愿, 将…) is one more thing undertaken.
    /// </summary>
    private static bool UndertakenInEarlierClause(ReadOnlySpan<char> text, SentenceScratch s, int c)
    {
        var cue = s.Cues[c];
        var (clauseStart, _) = Clause(text, s, cue.Start);
        if (clauseStart <= s.Start || text[clauseStart - 1] is not ('，' or ','))
        {
            return false;
        }

        var lead = text[clauseStart..cue.Start];
        foreach (var adverb in ClauseAdverbs)
        {
            if (lead.StartsWith(adverb, StringComparison.Ordinal))
            {
                lead = lead[adverb.Length..];
            }
        }

        if (!lead.IsEmpty)
        {
            return false;
        }

        for (int e = c - 1; e >= 0; e--)
        {
            var earlier = s.Cues[e];
            if (text[earlier.End..clauseStart].IndexOfAny('；', ';') >= 0 || HolderStartsBetween(s, earlier.End, clauseStart))
            {
                return false;
            }

            if ((Stance)earlier.Value == Stance.Commits)
            {
                return true;
            }

            if ((Stance)earlier.Value != Stance.Reaffirms)
            {
                return false;
            }
        }

        return false;
    }

    private static bool RestatesInChinese(ReadOnlySpan<char> cue) => cue.Contains("重申", StringComparison.Ordinal) || cue.Contains("强调", StringComparison.Ordinal) || cue.Contains("強調", StringComparison.Ordinal);

    private static readonly string[] NotUndertakings = ["being", "going", "facing", "seeing", "witnessing", "experiencing", "living", "meeting", "bring", "receiving", "hearing", "talking"];

    /// <summary>
    /// "We are enhancing junior officer exchanges", "Japan, the ROK, and the United States are promoting …": the holders'
    /// present progressive is something they do and keep doing, a commitment, though no cue word stands there.
    /// </summary>
    private static void AddProgressive(ReadOnlySpan<char> text, SentenceScratch s)
    {
        foreach (var holder in s.Holders)
        {
            var rest = text[holder.End..s.End];
            if (!rest.StartsWith(" are ", StringComparison.Ordinal))
            {
                continue;
            }

            // "We are also deepening our engagement": an adverb may stand before the verb.
            int verbStart = holder.End + 5;
            foreach (var adverb in ProgressiveAdverbs)
            {
                if (text[verbStart..s.End].StartsWith(adverb, StringComparison.Ordinal))
                {
                    verbStart += adverb.Length;
                    break;
                }
            }

            int verbEnd = verbStart;
            while (verbEnd < s.End && char.IsAsciiLetterLower(text[verbEnd]))
            {
                verbEnd++;
            }

            var verb = text[verbStart..verbEnd];
            if (verb.Length < 6 || !verb.EndsWith("ing", StringComparison.Ordinal) || NotUndertakings.Contains(verb.ToString()))
            {
                continue;
            }

            int at = 0;
            while (at < s.Cues.Count && s.Cues[at].Start < holder.End)
            {
                at++;
            }

            if (at < s.Cues.Count && s.Cues[at].Start < verbEnd)
            {
                continue;
            }

            s.Cues.Insert(at, new Hit(holder.End + 1, verbEnd, TermKind.Cue, (int)Stance.Commits));
        }
    }

    private static readonly string[] MeetingWords = ["交换意见", "交換意見", "会谈", "會談", "会见", "會見", "举行", "舉行", "宣布"];

    /// <summary>
    /// "两国领导人就双边关系及共同关心的问题深入交换意见", "國台辦今（7）日宣布將…列為「台獨頑固份子」": a verbless sentence
    /// that tells of a meeting or of what was announced takes no position.
    /// </summary>
    private static bool Narrates(ReadOnlySpan<char> sentence) => ContainsAny(sentence, MeetingWords, StringComparison.Ordinal);

    /// <summary>
    /// "遗憾的是，并非所有核武器国家都奉行上述立场": a stance that opens the sentence as a frame ("…的是，") is the holders'
    /// stance on all of it; the cues after it tell what others do, not further positions.
    /// </summary>
    private static void KeepFrame(ReadOnlySpan<char> text, SentenceScratch s)
    {
        for (int c = 0; c < s.Cues.Count; c++)
        {
            var cue = s.Cues[c];
            if (cue.End + 2 <= s.End && text.Slice(cue.End, 2) is "的是" && cue.Start - s.Start <= 6)
            {
                s.Cues.RemoveRange(c + 1, s.Cues.Count - c - 1);
                return;
            }
        }
    }

    /// <summary>
    /// "…图谋偷换法律概念…，双方对这种霸权行径予以强烈谴责": a condemnation that refers back within its sentence
    /// condemns the criticised topics before it, not only the topic of its own clause.
    /// </summary>
    private static void CondemnBack(string body, SentenceScratch s, List<Suggestion> output, int first)
    {
        var text = body.AsSpan();
        for (int c = 0; c < s.Cues.Count; c++)
        {
            var cue = s.Cues[c];
            if ((Stance)cue.Value != Stance.Condemns)
            {
                continue;
            }

            var (clauseStart, _) = Clause(text, s, cue.Start);
            foreach (var reference in s.References)
            {
                if (reference.Start < clauseStart || reference.End > cue.Start)
                {
                    continue;
                }

                for (int i = first; i < output.Count; i++)
                {
                    if (output[i].Stance.Polarity() < 0 && output[i].Stance != Stance.Condemns && output[i].Cue.Length > 0 && IsBefore(output[i], clauseStart, s))
                    {
                        output[i] = output[i] with { Stance = Stance.Condemns, Intensity = StanceRules.MaxIntensity };
                    }
                }

                return;
            }
        }
    }

    /// <summary>The topic of the signatories' own relationship, or −1.</summary>
    private int Relation(IReadOnlyList<string> signatories)
    {
        foreach (var (actors, topic) in _relations)
        {
            if (actors.Length == signatories.Count && actors.All(a => Signed(signatories, a)))
            {
                return topic;
            }
        }

        return -1;
    }

    /// <summary>
    /// The parties a relationship topic's English name joins with dashes: every part but the last is an actor's name or alias,
    /// the last begins with one and names a relationship ("U.S. trilateral partnership", "Russia relations"). Null for any
    /// other name ("China–Russia Declaration on …"), or fewer than two parties.
    /// </summary>
    public static string[]? RelationParties(string label, IReadOnlyList<SuggesterActor> actors)
    {
        var parts = label.Split('–');
        if (parts.Length < 2 || !RelationWords.Any(w => parts[^1].Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var found = new string[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            var part = Undotted(parts[i].Trim());
            string? slug = null;
            int longest = 0;
            foreach (var actor in actors)
            {
                foreach (var alias in actor.Aliases)
                {
                    var name = Undotted(alias.Trim());
                    bool fits = i < parts.Length - 1
                        ? string.Equals(part, name, StringComparison.OrdinalIgnoreCase)
                        : part.Length > name.Length && part.StartsWith(name + " ", StringComparison.OrdinalIgnoreCase);
                    if (fits && name.Length > longest)
                    {
                        (slug, longest) = (actor.Slug, name.Length);
                    }
                }
            }

            if (slug is null)
            {
                return null;
            }

            found[i] = slug;
        }

        return found.Distinct(StringComparer.Ordinal).Count() == found.Length ? found : null;
    }

    private static readonly string[] RelationWords = [" partnership", " relations", " relationship", " alliance", " cooperation"];

    private static string Undotted(string name) => name.Replace(".", "", StringComparison.Ordinal);

    /// <summary>Only blanks, an enumerator ("三、") or nothing between the clause's start and <paramref name="position"/>.</summary>
    private static bool OpensClause(string body, int sentenceStart, int position)
    {
        int i = position - 1;
        while (i >= sentenceStart && char.IsWhiteSpace(body[i]))
        {
            i--;
        }

        return i < sentenceStart || IsClauseBreak(body[i]) || body[i] is '、' or '）' or ')';
    }

    private static bool Signed(IReadOnlyList<string> signatories, string slug)
    {
        foreach (var signatory in signatories)
        {
            if (string.Equals(signatory, slug, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBefore(Suggestion suggestion, int utf16, SentenceScratch s) =>
        suggestion.End <= s.CodePoint(utf16);

    private void SuggestFromCarry(string body, CodePointIndex index, SentenceScratch s, Carry carry, List<Suggestion> output, double confidence = 0.35)
    {
        var text = body.AsSpan();
        int first = output.Count;
        foreach (var topic in s.Topics)
        {
            var (start, end) = Clause(text, s, topic.Start);
            bool negated = false;
            foreach (var negation in s.Negations)
            {
                negated |= negation.Start >= start && negation.End <= topic.Start;
            }

            var span = index.ToCodePoints(start, end);
            AddOnePerTopic(output, first, new Suggestion(
                span.Start, span.End, body[start..end], carry.Holders, carry.Stance, carry.Intensity,
                _topics[topic.Value].Slug, _topics[topic.Value].Label, null, negated, confidence, carry.Cue));
        }
    }

    private IReadOnlyList<string> Holders(ReadOnlySpan<char> text, SentenceScratch s, int position, IReadOnlyList<string> signatories) =>
        Holders(text, s, HolderBefore(text, s, position), signatories);

    /// <summary>
    /// The actors of the holder phrase nearest before the cue; holder phrases joined by a conjunction hold together
    /// ("The United States and the ROK reaffirm", "中方和俄方"), and a phrase for every signatory ("双方", "We") means the signatories.
    /// </summary>
    private IReadOnlyList<string> Holders(ReadOnlySpan<char> text, SentenceScratch s, Hit? holder, IReadOnlyList<string> signatories)
    {
        if (holder is null && s.Inherited is { } inherited)
        {
            return inherited;
        }

        if (holder is not { } nearest || _holderSlugs[nearest.Value].Length == 0)
        {
            return signatories;
        }

        // "President Biden and President Moon reaffirm": the leader named beside a known one is the other signatory.
        if (signatories.Count > 1 && StartsWithLeaderTitle(text[nearest.End..Math.Min(text.Length, nearest.End + 24)]))
        {
            return signatories;
        }

        // "President Donald J. Trump and Prime Minister Ishiba": so is a leader named before, of a statement of two.
        if (signatories.Count == 2 && EndsWithTitledLeader(text[Math.Max(s.Start, nearest.Start - 48)..nearest.Start])
            && JoinedBefore(text, s, nearest) is null)
        {
            return signatories;
        }

        var slugs = _holderSlugs[nearest.Value];
        if (JoinedBefore(text, s, nearest) is null)
        {
            // Almost always: a holder phrase of its own, with nothing to join (and no list to build).
            return slugs;
        }

        var joined = new List<string>(slugs);
        var current = nearest;
        while (JoinedBefore(text, s, current) is { } previous)
        {
            if (_holderSlugs[previous.Value].Length == 0)
            {
                return signatories;
            }

            joined.AddRange(_holderSlugs[previous.Value].Where(slug => !joined.Contains(slug)));
            current = previous;
        }

        if (joined.Count == slugs.Length)
        {
            return slugs;
        }

        return signatories.Count > 0 && signatories.All(joined.Contains) && joined.All(signatories.Contains) ? signatories : joined;
    }

    /// <summary>
    /// "Russia must comply with its international obligations", "美方应停止…": a party that did not sign the statement is
    /// asked by those who did; the request is the signatories'.
    /// </summary>
    private static IReadOnlyList<string> Asking(Stance stance, IReadOnlyList<string> holders, IReadOnlyList<string> signatories) =>
        stance == Stance.CallsFor ? SpokenOfBySignatories(holders, signatories) : holders;

    /// <summary>The signatories when a holder found is a party that did not sign (it is spoken of, not speaking), else the holders.</summary>
    private static IReadOnlyList<string> SpokenOfBySignatories(IReadOnlyList<string> holders, IReadOnlyList<string> signatories)
    {
        if (signatories.Count == 0)
        {
            return holders;
        }

        foreach (var holder in holders)
        {
            if (!signatories.Contains(holder))
            {
                return signatories;
            }
        }

        return holders;
    }

    /// <summary>The holder phrase that ends just before <paramref name="holder"/> with only a conjunction or a comma between.</summary>
    private static Hit? JoinedBefore(ReadOnlySpan<char> text, SentenceScratch s, Hit holder)
    {
        foreach (var other in s.Holders)
        {
            if (other.End > holder.Start || other.End < holder.Start - 34)
            {
                continue;
            }

            // "Japan, the Republic of Korea (ROK), and the United States": an acronym in brackets after a name is the name.
            var between = text[other.End..holder.Start].Trim();
            if (between.StartsWith('(') && between.IndexOf(')') is int close and > 0)
            {
                between = between[(close + 1)..].Trim();
            }

            // "The United States and the European Union": the article belongs to the next name.
            if (between.EndsWith(" the", StringComparison.OrdinalIgnoreCase))
            {
                between = between[..^4].TrimEnd();
            }

            // "the President of the United States and Prime Minister of the United Kingdom": titles of the two.
            if (between.StartsWith("and ", StringComparison.Ordinal) && between.EndsWith(" of", StringComparison.Ordinal) && between.Length <= 30)
            {
                between = "and";
            }

            if (other.End >= holder.Start - 8 || between.Length < text[other.End..holder.Start].Trim().Length)
            {
                if (IsConjunction(between))
                {
                    return other;
                }
            }
        }

        return null;
    }

    private static readonly string[] LeaderTitles = ["President ", "Prime Minister ", "Chancellor ", "Premier "];

    /// <summary>
    /// "President Donald J. Trump and Prime Minister Ishiba": a leader named by title and name, then "and", before the holder.
    /// </summary>
    private static bool EndsWithTitledLeader(ReadOnlySpan<char> before)
    {
        before = before.TrimEnd();
        if (!before.EndsWith(" and", StringComparison.Ordinal))
        {
            return false;
        }

        before = before[..^4];
        foreach (var title in LeaderTitles)
        {
            int at = before.LastIndexOf(title, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            // Only the leader's name between the title and "and": capitalised words and initials.
            var name = before[(at + title.Length)..];
            bool onlyName = !name.IsEmpty;
            foreach (var word in name.Split(' '))
            {
                onlyName &= word.End.Value == word.Start.Value || char.IsUpper(name[word.Start]);
            }

            if (onlyName)
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithLeaderTitle(ReadOnlySpan<char> after)
    {
        after = after.TrimStart();
        if (!after.StartsWith("and ", StringComparison.Ordinal))
        {
            return false;
        }

        after = after[4..];
        foreach (var title in LeaderTitles)
        {
            if (after.StartsWith(title, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsConjunction(ReadOnlySpan<char> between) =>
        between is "and" or "," or ", and" or "和" or "与" or "與" or "及" or "以及" or "同" or "、" or "и"
        || (between.Length == 3 && between.Equals("and", StringComparison.OrdinalIgnoreCase));

    private static bool EndsWith(ReadOnlySpan<char> text, SentenceScratch s, char a, char b)
    {
        int end = s.End;
        while (end > s.Start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end > s.Start && (text[end - 1] == a || text[end - 1] == b);
    }

    /// <summary>"(a)", "(iv)", "（一）", "一、", "1." at the start of a sentence: an item of a list.</summary>
    private static bool StartsWithEnumerator(ReadOnlySpan<char> text, int start)
    {
        var rest = text[start..];
        if (rest.Length > 2 && rest[0] is '(' or '（')
        {
            int close = rest[..Math.Min(rest.Length, 8)].IndexOfAny(')', '）');
            return close > 1;
        }

        int i = 0;
        while (i < rest.Length && i < 4 && (char.IsAsciiDigit(rest[i]) || "一二三四五六七八九十".Contains(rest[i], StringComparison.Ordinal)))
        {
            i++;
        }

        return i > 0 && i < rest.Length && rest[i] is '、' or '.' or '．';
    }

    /// <summary>What one sentence leaves to the next: its topics, and the cue of a list's lead-in.</summary>
    private sealed class Context
    {
        public Carry? Carry { get; set; }
        public List<Hit> Topics { get; } = [];
    }

    private sealed record Carry(Stance Stance, int Intensity, IReadOnlyList<string> Holders, string Cue);

    /// <summary>
    /// The cue nearest before the topic governs it ("双方反对A、B和C"); a cue after the topic in the same clause
    /// governs it instead when nothing before does in that clause and the cue is criticism, which Chinese often
    /// puts last ("…的计划令人关切", "…成为最亟待消除的风险").
    /// </summary>
    private static int GoverningCue(ReadOnlySpan<char> text, SentenceScratch s, Hit topic)
    {
        int before = -1, after = -1;
        for (int c = 0; c < s.Cues.Count; c++)
        {
            var cue = s.Cues[c];
            if (cue.Kind == TermKind.Action)
            {
                continue;
            }

            if (cue.End <= topic.Start && (before < 0 || cue.End > s.Cues[before].End) && !DescribesObject(s, c))
            {
                before = c;
            }
            else if (cue.Start >= topic.End && (after < 0 || cue.Start < s.Cues[after].Start))
            {
                after = c;
            }
        }

        var (clauseStart, clauseEnd) = Clause(text, s, topic.Start);
        bool afterInClause = after >= 0 && s.Cues[after].End <= clauseEnd;
        // So does an obligation after its subject ("各国主权和领土完整应得到尊重").
        if (afterInClause && (((Stance)s.Cues[after].Value).Polarity() < 0 || (Stance)s.Cues[after].Value == Stance.CallsFor)
            && (before < 0 || s.Cues[before].Start < clauseStart || s.Cues[before].Kind == TermKind.WeakCue))
        {
            return after;
        }

        // The only cue of a sentence governs all of it, wherever it stands ("…，成为最亟待消除的战略风险之一").
        return before >= 0 ? StrongestOfChain(text, s, before) : after >= 0 ? StrongestOfSeries(text, s, after) : after;
    }

    /// <summary>
    /// A rejecting word that is also a negation ("违反", "违背", "violate", "摒弃"), after another cue of the sentence, describes
    /// the object of that cue rather than opening a position of its own: "谴责违反国际法的…制裁" condemns (the law is what is
    /// violated, so the claim on it is negated), "重申…不得违反《联合国宪章》…的原则" reaffirms, "应摒弃冷战思维" calls for.
    /// </summary>
    private static bool DescribesObject(SentenceScratch s, int c) =>
        c > 0 && ((Stance)s.Cues[c].Value).Polarity() < 0 && IsAlso(s.Negations, s.Cues[c]);

    /// <summary>
    /// Of the cues that stand together before an object, a request or obligation governs what it asks for
    /// ("呼吁各国坚持…", "必须遵循…", "call on all States to support"); otherwise the last strong cue does, because
    /// framing verbs and modals wrap the position ("重申反对", "将大力支持"); when all are weak, the last.
    /// </summary>
    private static int StrongestOfChain(ReadOnlySpan<char> text, SentenceScratch s, int last)
    {
        var (clauseStart, _) = Clause(text, s, s.Cues[last].Start);
        int first = last;
        while (first > 0 && (s.Cues[first - 1].Start >= clauseStart
                || (CriticismSeries(text, s.Cues[first - 1], s.Cues[first]) && !IsAlso(s.Negations, s.Cues[first - 1])))
            && !TopicBetween(s, s.Cues[first - 1].End, s.Cues[first].Start))
        {
            first--;
        }

        int strong = -1, reaffirm = -1;
        bool negativeAfterReaffirm = false;
        for (int c = first; c <= last; c++)
        {
            var stance = (Stance)s.Cues[c].Value;

            // A request or obligation governs its content, even a modal one: "必须遵循…原则" calls for the principle; restated
            // right after "重申" it is the restatement ("重申主张多边主义", "重申必须尊重《联合国宪章》").
            if (stance == Stance.CallsFor)
            {
                // "我們必須鄭重重申，…": a modal on the holders' own restating is theirs to do, not a request.
                if (c < last && RestatesRightAfter(text, s.Cues[c], s.Cues[c + 1]))
                {
                    continue;
                }

                if (reaffirm >= 0 && reaffirm == c - 1 && text[s.Cues[reaffirm].End..s.Cues[c].Start].IsWhiteSpace())
                {
                    return reaffirm;
                }

                // "特區政府重申，外國議會不應…干預…": a request the clause after "重申，" restates.
                return c == first && c > 0 && (Stance)s.Cues[c - 1].Value == Stance.Reaffirms && EndsItsClause(text, s, s.Cues[c - 1], clauseStart)
                    ? c - 1
                    : c;
            }

            if (s.Cues[c].Kind == TermKind.Cue)
            {
                // Coordinated cues ("强烈谴责和反对", "support and welcome") are one position: the stronger on the codebook's ladder.
                // So is criticism after criticism: "谴责美化甚至妄图复活…" condemns what the other side attempts.
                if (strong >= 0 && ((Stance)s.Cues[strong].Value).LadderRank() > stance.LadderRank()
                    && ((Stance)s.Cues[strong].Value).Polarity() == stance.Polarity()
                    && (stance.Polarity() < 0 || Coordinated(text, s.Cues[strong], s.Cues[c])))
                {
                    continue;
                }

                // "undermines respect for them": a support word right after a rejecting one is what is rejected.
                if (strong >= 0 && ((Stance)s.Cues[strong].Value).Polarity() < 0 && stance.Polarity() > 0 && stance != Stance.CallsFor
                    && s.Cues[strong].End <= s.Cues[c].Start && text[s.Cues[strong].End..s.Cues[c].Start].IsWhiteSpace())
                {
                    continue;
                }

                // "並全力支持和配合國家捍衛自身主權": what the holders support may be another party upholding something.
                if (strong >= 0 && (Stance)s.Cues[strong].Value == Stance.Supports && s.Cues[strong].Kind == TermKind.Cue
                    && stance is Stance.Reaffirms or Stance.Commits && CharClass.HasHan(text[s.Cues[c].Start..s.Cues[c].End])
                    && !Coordinated(text, s.Cues[strong], s.Cues[c]))
                {
                    continue;
                }

                // "外交部誠摯感謝友邦…堅定支持台灣的參與", "welcome efforts to support …": what is welcomed may itself be a
                // support, which is the other party's; the holders welcome it.
                if (strong >= 0 && (Stance)s.Cues[strong].Value == Stance.Welcomes && stance.Polarity() > 0 && stance != Stance.CallsFor
                    && !Coordinated(text, s.Cues[strong], s.Cues[c]))
                {
                    continue;
                }

                strong = c;
                if (stance == Stance.Reaffirms && reaffirm < 0)
                {
                    reaffirm = c;
                }
                else if (reaffirm >= 0 && stance.Polarity() < 0)
                {
                    negativeAfterReaffirm = true;
                }
            }
        }

        // "Australia is committed to adhering to …", "it seeks to uphold peace": in English, a commitment to keep something up
        // is a commitment; restating stays with "reaffirm", "remain committed to".
        if (reaffirm > first && !negativeAfterReaffirm && (Stance)s.Cues[reaffirm - 1].Value == Stance.Commits
            && text[s.Cues[reaffirm - 1].End..s.Cues[reaffirm].Start].IsWhiteSpace()
            && !IsCommitmentNoun(text[s.Cues[reaffirm - 1].Start..s.Cues[reaffirm - 1].End])
            && !CharClass.HasHan(text[s.Cues[reaffirm].Start..s.Cues[reaffirm].End]))
        {
            return reaffirm - 1;
        }

        // "affirmed their determination to pursue", "confirmed that they intend to further strengthen": affirming or stressing
        // (not restating) what the holders intend is the commitment itself; "affirmed that the ROK will apply …" restates.
        if (reaffirm >= 0 && !negativeAfterReaffirm && StressesOnly(text[s.Cues[reaffirm].Start..s.Cues[reaffirm].End]))
        {
            for (int c = reaffirm + 1; c <= last; c++)
            {
                if ((Stance)s.Cues[c].Value == Stance.Commits && StartsWithAny(text[s.Cues[c].Start..s.Cues[c].End], EnglishIntending))
                {
                    return c;
                }
            }
        }

        // Restating a commitment or a support is a reaffirmation ("重申愿…", "重申致力于…", "reaffirm the importance of");
        // restating criticism keeps the criticism ("重申反对…").
        if (reaffirm >= 0 && !negativeAfterReaffirm)
        {
            return ListCommitment(text, s, first, reaffirm) is var listed and >= 0 ? listed : reaffirm;
        }

        // "中方重申，坚定支持所罗门群岛…": a support or commitment in the clause right after "重申，" is restated.
        if (strong >= 0 && first > 0 && ((Stance)s.Cues[strong].Value).Polarity() > 0 && (Stance)s.Cues[first - 1].Value == Stance.Reaffirms
            && s.Cues[first - 1].Kind == TermKind.Cue && EndsItsClause(text, s, s.Cues[first - 1], clauseStart))
        {
            return first - 1;
        }

        // "underscore their unwavering commitment to", "highlighted the U.S. commitment to", "affirms our ongoing commitment to
        // sustaining our enduring values": a commitment named as a noun after a word that stresses it is restated, though
        // stressing words alone are weak.
        for (int k = first + 1; k <= last; k++)
        {
            if ((Stance)s.Cues[k].Value == Stance.Commits && IsCommitmentNoun(text[s.Cues[k].Start..s.Cues[k].End])
                && (Stance)s.Cues[k - 1].Value == Stance.Reaffirms)
            {
                return k - 1;
            }
        }

        // "which will strengthen Philippine security and support …", "We are committed to working closely with ASEAN to support …":
        // in English, what the holders will do or are committed to is a commitment, support among it ("将大力支持" stays support).
        if (strong >= 0 && (Stance)s.Cues[strong].Value == Stance.Supports && !CharClass.HasHan(text[s.Cues[strong].Start..s.Cues[strong].End]))
        {
            for (int c = first; c < strong; c++)
            {
                if ((Stance)s.Cues[c].Value == Stance.Commits)
                {
                    return c;
                }
            }
        }

        int result = strong >= 0 ? strong : last;
        return ListCommitment(text, s, first, result) is var commitment and >= 0 ? commitment : result;
    }

    /// <summary>
    /// "We will champion transparency, uphold the rule of law, and support civil society": in English, each verb of a list
    /// after "will" is what the holders will do, a commitment, until another holder speaks. The cue of that commitment, or −1.
    /// </summary>
    private static int ListCommitment(ReadOnlySpan<char> text, SentenceScratch s, int first, int result)
    {
        var cue = s.Cues[result];
        if (first == 0 || CharClass.HasHan(text[cue.Start..cue.End])
            || !((Stance)cue.Value == Stance.Supports || ((Stance)cue.Value == Stance.Reaffirms && !Restates(text[cue.Start..cue.End]))))
        {
            return -1;
        }

        for (int c = first - 1; c >= 0; c--)
        {
            var earlier = s.Cues[c];
            if (text[earlier.End..s.Cues[first].Start].IndexOfAny(';', ':') >= 0 || HolderStartsBetween(s, earlier.End, s.Cues[first].Start))
            {
                break;
            }

            if ((Stance)earlier.Value == Stance.Commits && !IsCommitmentNoun(text[earlier.Start..earlier.End]))
            {
                return c;
            }
        }

        return -1;
    }

    private static readonly string[] EnglishRestating = ["reaffirm", "reiterat", "affirm", "confirm", "restate", "underline", "underscore", "emphasi", "stress", "highlight", "remain", "no change", "recommit", "stand united"];

    private static readonly string[] EnglishStressing = ["affirm", "confirm", "underline", "underscore", "emphasi", "stress", "highlight"];

    private static readonly string[] EnglishIntending = ["intend", "determination", "determined", "resolve", "plan", "aim"];

    /// <summary>An English word that affirms or stresses ("confirmed", "emphasized") without saying it is said again.</summary>
    private static bool StressesOnly(ReadOnlySpan<char> cue) => StartsWithAny(cue, EnglishStressing);

    private static bool Restates(ReadOnlySpan<char> cue) => StartsWithAny(cue, EnglishRestating);

    private static bool HolderStartsBetween(SentenceScratch s, int start, int end)
    {
        foreach (var holder in s.Holders)
        {
            if (holder.Start >= start && holder.Start < end)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] RestatingWords = ["重申", "reaffirm", "reiterate"];

    /// <summary>Whether <paramref name="next"/> restates ("重申", "reaffirm") with at most an adverb between it and <paramref name="modal"/>.</summary>
    private static bool RestatesRightAfter(ReadOnlySpan<char> text, Hit modal, Hit next)
    {
        if ((Stance)next.Value != Stance.Reaffirms || next.Start < modal.End || next.Start - modal.End > 4)
        {
            return false;
        }

        var between = text[modal.End..next.Start];
        if (between.IndexOfAny('，', ',', '；') >= 0)
        {
            return false;
        }

        var word = text[next.Start..next.End];
        foreach (var restating in RestatingWords)
        {
            if (word.StartsWith(restating, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The strongest cue of the criticism series that starts at <paramref name="c"/> ("對…，堅決反對，嚴厲譴責").</summary>
    private static int StrongestOfSeries(ReadOnlySpan<char> text, SentenceScratch s, int c)
    {
        int strongest = c;
        for (int next = c + 1; next < s.Cues.Count && CriticismSeries(text, s.Cues[next - 1], s.Cues[next])
            && !IsAlso(s.Negations, s.Cues[next]) && !TopicBetween(s, s.Cues[next - 1].End, s.Cues[next].Start); next++)
        {
            if (((Stance)s.Cues[next].Value).LadderRank() > ((Stance)s.Cues[strongest].Value).LadderRank())
            {
                strongest = next;
            }
        }

        return strongest;
    }

    /// <summary>
    /// "堅決反對，嚴厲譴責，並向美方表達強烈抗議": criticism verbs in a row of short clauses, nothing else between them, are one
    /// position; the strongest on the ladder stands for the series. A violation word ("悖離") describes its object instead.
    /// </summary>
    private static bool CriticismSeries(ReadOnlySpan<char> text, Hit earlier, Hit later) =>
        ((Stance)earlier.Value).Polarity() < 0 && ((Stance)later.Value).Polarity() < 0 && later.Start >= earlier.End
        && later.Start - earlier.End <= 10 && text[earlier.End..later.Start].IndexOfAny('，', '、') >= 0
        && text[earlier.End..later.Start].IndexOfAny('。', '；', '：') < 0 && CharClass.HasHan(text[earlier.Start..earlier.End]);

    private static bool IsCommitmentNoun(ReadOnlySpan<char> cue) =>
        cue.StartsWith("commitment", StringComparison.OrdinalIgnoreCase) || cue is "承诺" or "承諾";

    /// <summary>Whether only a comma stands between <paramref name="cue"/> and the clause that starts at <paramref name="clauseStart"/>.</summary>
    private static bool EndsItsClause(ReadOnlySpan<char> text, SentenceScratch s, Hit cue, int clauseStart) =>
        cue.End < clauseStart && text[cue.End..clauseStart].Trim() is "，" or "," && CharClass.HasHan(text[cue.Start..cue.End]);

    /// <summary>Two cues with only a conjunction between them ("谴责和反对", "support and welcome", "反对并谴责").</summary>
    private static bool Coordinated(ReadOnlySpan<char> text, Hit first, Hit second)
    {
        if (first.End > second.Start)
        {
            return false;
        }

        var between = text[first.End..second.Start].Trim();
        return IsConjunction(between) || between is "并" or "並" or "并且" or "並且" or "or" or "или";
    }

    private static readonly string[] Copulas = [" is", " are", " was", " were", " remains", " remain"];

    /// <summary>Where the copula that ends an English clause's subject ("… are" of "… are unacceptable") starts, or −1.</summary>
    private static int SubjectBeforeCopula(ReadOnlySpan<char> text, int clauseStart, int cueStart)
    {
        var before = text[clauseStart..cueStart].TrimEnd();
        foreach (var copula in Copulas)
        {
            if (before.EndsWith(copula, StringComparison.Ordinal) && Words(before) > 2)
            {
                return clauseStart + before.Length - copula.Length;
            }
        }

        return -1;
    }

    private static bool CueBetween(SentenceScratch s, int start, int end)
    {
        foreach (var cue in s.Cues)
        {
            if (cue.Start >= start && cue.End <= end)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TopicBetween(SentenceScratch s, int start, int end)
    {
        foreach (var topic in s.Topics)
        {
            if (topic.Start >= start && topic.End <= end)
            {
                return true;
            }
        }

        return false;
    }

    private Suggestion Build(string body, CodePointIndex index, SentenceScratch s, int c, Hit topic, IReadOnlyList<string> signatories)
    {
        var text = body.AsSpan();
        var cue = s.Cues[c];
        var stance = (Stance)cue.Value;
        bool negated = false;
        var (topicClauseStart, topicClauseEnd) = Clause(text, s, topic.Start);

        // "应摒弃冷战思维": a rejecting verb after a modal cue is the object being negated, not a second stance.
        if (IsAlso(s.Negations, cue) && ModalBefore(text, s, c) is int modal and >= 0)
        {
            stance = (Stance)s.Cues[modal].Value;
            negated = true;
            c = modal;
            cue = s.Cues[modal];
        }
        else if (cue.End <= topic.Start)
        {
            foreach (var negation in s.Negations)
            {
                if (negation.Start >= cue.End && negation.End <= topic.Start && negation.Start >= topicClauseStart)
                {
                    negated = true;
                    break;
                }
            }
        }

        var (cueClauseStart, cueClauseEnd) = Clause(text, s, cue.Start);
        int intensity = Intensity(s, c, stance, cueClauseStart);

        var holder = HolderBefore(text, s, cue.Start);
        var holders = Asking(stance, Holders(text, s, holder, signatories), signatories);

        string? target = null;
        foreach (var t in s.Targets)
        {
            if (t.End <= topic.Start || (t.Start >= topicClauseStart && t.End <= topicClauseEnd))
            {
                target = _targets[t.Value];
            }
        }

        // "国际上少数势力继续顽固奉行单边主义": a commitment or support whose subject is a criticised party is what that
        // party does, which the holders denounce; a request stays a request ("某些国家应…" is asked of them).
        if (stance.Polarity() > 0 && stance != Stance.CallsFor && TargetSubject(s, cue, cueClauseStart, holder) is { } subject
            && !(CharClass.HasHan(text[cue.Start..cue.End]) && RejectionDenied(text, s, cue)))
        {
            stance = Stance.Opposes;
            intensity = stance.DefaultIntensity();
            negated = false;
            target = _targets[subject.Value];
        }
        else if (stance.Polarity() > 0 && stance != Stance.CallsFor && Pejorative(text, cueClauseStart, cue))
        {
            // "如果美方…坚持搞单边主义和贸易保护主义行径", "民进党当局顽固坚持“台独”分裂立场": what a party "keeps engaging in"
            // (搞) or "stubbornly" upholds is what the holders reject.
            stance = Stance.Opposes;
            intensity = stance.DefaultIntensity();
            negated = false;
        }

        int quoteStart, quoteEnd;
        if (cue.End <= topic.Start)
        {
            quoteStart = cueClauseStart;
            quoteEnd = topicClauseEnd;
        }
        else
        {
            quoteStart = topicClauseStart;
            quoteEnd = cueClauseEnd;
        }

        double confidence = 0.45;
        confidence += cueClauseStart == topicClauseStart ? 0.2 : 0;
        confidence += holder is not null ? 0.1 : 0;
        confidence += cue.Length >= 2 ? 0.1 : 0;
        confidence -= Math.Abs(topic.Start - cue.End) > 60 ? 0.15 : 0;
        var span = index.ToCodePoints(quoteStart, quoteEnd);
        return new Suggestion(
            span.Start, span.End, body[quoteStart..quoteEnd], holders, stance, intensity,
            _topics[topic.Value].Slug, _topics[topic.Value].Label, target, negated,
            Math.Round(Math.Clamp(confidence, 0.05, 0.95), 2), body[cue.Start..cue.End]);
    }

    /// <summary>
    /// A cue that governs no known topic: its object (the rest of its clause) goes to the topic it resembles most
    /// (<see cref="TopicResemblance"/>), or else is proposed as a new topic. Only the last cue of a chain proposes, with the
    /// stance of the chain ("affirmed that the ROK will apply …" reaffirms).
    /// </summary>
    private Suggestion? Propose(string body, CodePointIndex index, SentenceScratch s, int c, IReadOnlyList<string> signatories)
    {
        var text = body.AsSpan();
        var cue = s.Cues[c];
        var (clauseStart, clauseEnd) = Clause(text, s, cue.Start);
        int objectStart = cue.End;
        int objectEnd = clauseEnd;
        foreach (var other in s.Cues)
        {
            // Another cue in the clause takes the object ("reaffirm our support for …", "will continue to"): only the last proposes.
            // A weak one that ends the clause is a noun ("支持法院裁決和警方決定"); one after 、 opens the next item of a list
            // ("堅持自由民主憲政、堅持…互不隸屬、…").
            if (other.Start >= cue.End && other.Start < objectEnd
                && !(other.Kind == TermKind.WeakCue && text[other.End..objectEnd].Trim().Length == 0 && CharClass.HasHan(text[other.Start..other.End])))
            {
                if (other.Kind == TermKind.Cue && other.Start > cue.End + 1 && text[other.Start - 1] == '、'
                    && text[other.Start..other.End].SequenceEqual(text[cue.Start..cue.End]))
                {
                    objectEnd = other.Start - 1;
                    break;
                }

                // "We thank all those who are already providing humanitarian aid to Ukraine and ask others to join": a verb
                // after "and" and an object of several words is a position of its own.
                if (text[cue.End..other.Start].TrimEnd() is var between && between.EndsWith(" and", StringComparison.Ordinal)
                    && between.Count(' ') >= 4 && !CharClass.HasHan(between))
                {
                    objectEnd = cue.End + between.Length - 4;
                    break;
                }

                return null;
            }
        }

        while (objectStart < objectEnd && (char.IsWhiteSpace(text[objectStart]) || char.IsPunctuation(text[objectStart])))
        {
            objectStart++;
        }

        while (objectEnd > objectStart && (char.IsWhiteSpace(text[objectEnd - 1]) || char.IsPunctuation(text[objectEnd - 1])))
        {
            objectEnd--;
        }

        // "堅決反對，嚴厲譴責": of a criticism series only the last cue proposes, with the series' strongest stance.
        if (objectEnd - objectStart < 2 && c + 1 < s.Cues.Count && CriticismSeries(text, cue, s.Cues[c + 1]))
        {
            return null;
        }

        // "X对Y表示坚决反对": Chinese puts the object of a stance it "expresses" (表示, 予以, 感到) before it, after 对.
        if (objectEnd - objectStart < 2 && ObjectBefore(text, s, clauseStart, cue.Start) is var (before, beforeEnd) && before >= 0)
        {
            (objectStart, objectEnd) = (before, beforeEnd);
        }
        else if (objectEnd - objectStart < 2 && NominalObject(text, clauseStart, cue.Start) is var (nominal, nominalEnd) && nominal >= 0)
        {
            // "我們感謝美國對台海安全的重視": a stance named as a noun ("…的重視", "…的支持") has its object between 对 and 的.
            (objectStart, objectEnd) = (nominal, nominalEnd);
        }
        else if (objectEnd - objectStart < 2 && CharClass.HasHan(text[cue.Start..cue.End])
            && ObjectClauseBefore(text, s, SeriesStart(text, s, c)) is var (earlier, earlierEnd) && earlier >= 0)
        {
            // "對於…竄訪中國台灣地區，澳門特區政府表示堅決反對，予以強烈譴責", "就報告載列的…失實指控，特區政府表示遺憾":
            // the object stands in a clause of its own before the stance, opened by 对于 or 就.
            (objectStart, objectEnd, clauseStart) = (earlier, earlierEnd, Clause(text, s, earlier).Start);
        }
        else if (objectEnd - objectStart < 2 && CharClass.HasHan(text[cue.Start..cue.End])
            && (((Stance)cue.Value).Polarity() < 0 || ((Stance)cue.Value is Stance.Supports or Stance.Reaffirms && cue.Kind == TermKind.Cue))
            && CriticizedSubject(text, s, c) is var (subject, subjectEnd, subjectClause) && subject >= 0
            && !((Stance)cue.Value == Stance.Reaffirms && (EndsWithSpeaker(text[subject..subjectEnd]) || CueBetween(s, subject, subjectEnd))))
        {
            // "该裁决是无效的，没有拘束力", "有关裁决对中国没有约束力": a denying predicate said of its subject, which is what
            // the holders reject; so is criticism that ends its clause ("中共對台持續文攻武嚇", "美方…言行與此背道而馳"), and
            // support or resolve said as a predicate is of its subject ("中巴关系在中国外交政策中具有特殊意义",
            // "中國政府推進香港國安立法的決心堅定不移"), though not of a spokesman who restates ("發言人重申，…").
            (objectStart, objectEnd, clauseStart) = (subject, subjectEnd, subjectClause);
        }
        else if (objectEnd - objectStart < 2 && clauseEnd < s.End && text[clauseEnd] is '，' && CharClass.HasHan(text[cue.Start..cue.End]))
        {
            // "双方一致认为，国家不分大小、强弱、贫富一律平等": what is held stands in the next clause, when no cue there takes it.
            var (nextStart, nextEnd) = Clause(text, s, clauseEnd + 1);
            foreach (var other in s.Cues)
            {
                if (other.Start >= nextStart && other.Start < nextEnd)
                {
                    return null;
                }
            }

            (objectStart, objectEnd, clauseEnd) = (nextStart, nextEnd, nextEnd);
        }
        else if (objectEnd - objectStart < 2 && c > 0 && cue.Kind == TermKind.Cue && s.Cues[c - 1].Start >= clauseStart
            && s.Cues[c - 1].End + 2 < cue.Start && CharClass.HasHan(text[cue.Start..cue.End]) && ((Stance)s.Cues[c - 1].Value).Polarity() > 0)
        {
            // "双方重申在涉及彼此核心利益和重大关切问题上坚定相互支持": the object stands between the two cues of the clause
            // ("反對任何外部勢力干涉香港事務的決心堅定不移" restates the opposition, which has its object already).
            (objectStart, objectEnd) = (s.Cues[c - 1].End, cue.Start);
            foreach (var word in s.Intensifiers)
            {
                if (word.End == objectEnd && word.Start >= objectStart)
                {
                    objectEnd = word.Start;
                }
            }
        }
        else if (objectEnd - objectStart < 2 && CharClass.HasHan(text[cue.Start..cue.End]) && ((Stance)cue.Value).Polarity() < 0 && clauseEnd >= s.End - 1
            && clauseStart > s.Start && Clause(text, s, clauseStart - 1) is var (previous, previousEnd) && previousEnd - previous >= 4
            && !CueBetween(s, previous, previousEnd))
        {
            // "如果出现这种情况，中方绝不接受。": rejection that ends the sentence with nothing after it rejects what the clause
            // before it says.
            (objectStart, objectEnd, clauseStart) = (previous, previousEnd, previous);
        }
        else if (objectEnd - objectStart < 2 && !CharClass.HasHan(text[cue.Start..cue.End]) && SubjectBeforeCopula(text, clauseStart, cue.Start) is var copula and > 0)
        {
            // "The siege of Mariupol …, and the denial of humanitarian access … are unacceptable": a predicate is of its subject.
            (objectStart, objectEnd) = (clauseStart, copula);
        }

        // A modal with nothing of its own ("将", "will") before another cue is not a position, nor is a lone verb leading into
        // a list ("The architecture shall include:"); a request may ask for one verb ("ask others to join").
        if (objectEnd - objectStart < 2 || (!CharClass.HasHan(text[objectStart..objectEnd]) && Words(text[objectStart..objectEnd]) < 2
            && !((Stance)cue.Value == Stance.CallsFor && text[cue.Start..cue.End].EndsWith(" to", StringComparison.Ordinal) && objectEnd == clauseEnd)))
        {
            return null;
        }

        int chain = StrongestOfChain(text, s, c);
        var stance = (Stance)s.Cues[chain].Value;
        if (stance == Stance.CallsFor && IsWarning(text[objectStart..objectEnd]))
        {
            // "否則只會是玩火自焚，必須自身承擔任何嚴重後果": who must bear the consequences is warned, not asked.
            stance = Stance.Opposes;
        }

        var holders = Asking(stance, Holders(text, s, s.Cues[chain].Start, signatories), signatories);
        int intensity = Intensity(s, chain, stance, clauseStart);
        var cueText = body[s.Cues[chain].Start..s.Cues[chain].End];
        return ProposeObject(body, index, (clauseStart, clauseEnd), (objectStart, objectEnd), holders, stance, intensity, cueText, signatories);
    }

    /// <summary>
    /// The suggestion for an object no topic alias names: the topic its head resembles, else a new topic of its own words
    /// (confidence 0.3 and 0.2; <paramref name="confidenceCut"/> lowers both for weaker evidence).
    /// </summary>
    private Suggestion ProposeObject(
        string body, CodePointIndex index, (int Start, int End) clause, (int Start, int End) obj, IReadOnlyList<string> holders,
        Stance stance, int intensity, string cueText, IReadOnlyList<string> signatories, double confidenceCut = 0)
    {
        var text = body.AsSpan();
        var span = index.ToCodePoints(clause.Start, clause.End);
        // The head of the object stands near the cue; a long clause would resemble anything somewhere.
        var head = text[obj.Start..obj.End];
        int topic = _resemblance.Match(head[..Math.Min(head.Length, CharClass.HasHan(head) ? MaxHanHead : MaxSpacedHead)]);
        if (topic < 0 && Relation(signatories) is var relation and >= 0
            && (NamesRelation(head, signatories.Count)
                || (holders.Count == signatories.Count && SpeaksOfWorkingTogether(head))))
        {
            // "We applaud our expanding trilateral security cooperation", "重申了两国之间的深厚友谊": the parties' own relationship.
            topic = relation;
        }

        if (topic >= 0)
        {
            return new Suggestion(
                span.Start, span.End, body[clause.Start..clause.End], holders, stance, intensity,
                _topics[topic].Slug, _topics[topic].Label, null, false, 0.3 - confidenceCut, cueText, TopicGuessed: true);
        }

        var label = body[obj.Start..obj.End];
        if (label.Length > MaxProposalLength)
        {
            int cut = label.LastIndexOf(' ', MaxProposalLength);
            label = label[..(cut > 10 ? cut : MaxProposalLength)];
        }

        return new Suggestion(
            span.Start, span.End, body[clause.Start..clause.End], holders, stance, intensity,
            null, label, null, false, 0.2 - confidenceCut, cueText);
    }

    private static readonly SearchValues<char> DenyingCharacters = SearchValues.Create("不无無没沒未非");

    /// <summary>
    /// "外交部表示，中華民國台灣與中華人民共和國互不隸屬，…": what a spokesman or ministry states (表示, 指出, 聲明) in a Chinese
    /// statement is its position even without a stance word or a known topic. Offered at the lowest confidence, its object the
    /// first clause of what is stated: opposition when that clause denies or accuses, else support.
    /// </summary>
    private Suggestion? ProposeStatedContent(string body, CodePointIndex index, SentenceScratch s, IReadOnlyList<string> signatories)
    {
        var text = body.AsSpan();
        var opening = text[s.Start..Math.Min(s.End, s.Start + 16)];
        int comma = opening.IndexOfAny('，', '：');
        if (comma < 2 || !CharClass.HasHan(opening) || !EndsWithAny(opening[..comma], SayingVerbs) || Narrates(text[s.Start..s.End]))
        {
            return null;
        }

        var content = Clause(text, s, s.Start + comma + 1);
        if (content.End - content.Start < 4)
        {
            return null;
        }

        bool opposing = s.Targets.Count > 0 || s.Threats.Count > 0 || text[content.Start..content.End].ContainsAny(DenyingCharacters);
        var stance = opposing ? Stance.Opposes : Stance.Supports;
        var holders = Holders(text, s, s.Start + comma, signatories);
        return ProposeObject(body, index, content, content, holders, stance, 1, body[(s.Start + comma - 2)..(s.Start + comma)], signatories, confidenceCut: 0.1);
    }

    /// <summary>
    /// "中共的行徑不僅凸顯其霸權心態，更暴露出中共「麻煩製造者」的本性": a sentence with no stance word and no known topic that names a
    /// criticised party and what is wrong with it accuses that party, which the holders oppose; "Russia’s attack has already
    /// risked the safety and security of nuclear sites": another named party and a threat are a concern. Proposed at the
    /// lowest confidences, the object the clause of the threatening word.
    /// </summary>
    private Suggestion? ProposeAccusation(string body, CodePointIndex index, SentenceScratch s, IReadOnlyList<string> signatories)
    {
        var text = body.AsSpan();
        Hit? party = s.Targets.Count > 0 ? s.Targets[0] : null;
        foreach (var other in s.Others.Concat(s.Holders))
        {
            // A party named in passing ("Others") or as a holder phrase, but not one of the signatories.
            bool outsider = _holderSlugs[other.Value] is { Length: > 0 } slugs && !slugs.All(signatories.Contains);
            if (outsider && (party is null || other.Start < party.Value.Start))
            {
                party = party is { Kind: TermKind.Target } ? party : other;
            }
        }

        foreach (var threat in s.Threats)
        {
            if (party is not { } named || named.Start > threat.Start)
            {
                continue;
            }

            var clause = Clause(text, s, threat.Start);
            // The accused party holds nothing: those who signed speak of it.
            var holders = SpokenOfBySignatories(Holders(text, s, threat.Start, signatories), signatories);
            var stance = named.Kind == TermKind.Target ? Stance.Opposes : Stance.Concerned;
            var suggestion = ProposeObject(body, index, clause, clause, holders, stance, stance.DefaultIntensity(), body[threat.Start..threat.End], signatories, confidenceCut: 0.05);
            return named.Kind == TermKind.Target ? suggestion with { Target = _targets[named.Value] } : suggestion;
        }

        return null;
    }

    private static readonly string[] Consequences = ["后果", "後果", "consequences"];

    private static bool IsWarning(ReadOnlySpan<char> obj) => ContainsAny(obj, Consequences, StringComparison.OrdinalIgnoreCase);

    private static readonly (string Word, int Parties)[] RelationMentions =
    [
        ("trilateral", 3), ("bilateral", 2), ("alliance", 0), ("两国", 2), ("兩國", 2), ("双边", 2), ("雙邊", 2), ("伙伴关系", 0), ("夥伴關係", 0),
    ];

    /// <summary>Whether an object speaks of the parties' relationship ("trilateral", "alliance", "两国", "伙伴关系").</summary>
    private static bool NamesRelation(ReadOnlySpan<char> obj, int parties)
    {
        foreach (var (word, count) in RelationMentions)
        {
            if ((count == 0 || count == parties) && obj.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] WorkingTogether =
    [
        "our cooperation", "our coordination", "work together", "working together", "meet regularly", "meet at least",
        "战略合作", "戰略合作", "互利合作", "务实合作", "務實合作", "交流合作", "高层交往", "高層交往",
    ];

    /// <summary>
    /// "strengthen our cooperation", "meet regularly", "深化各领域互利合作": what all the parties say they will do together is
    /// about their own relationship when the object names nothing else.
    /// </summary>
    private static bool SpeaksOfWorkingTogether(ReadOnlySpan<char> obj) => ContainsAny(obj, WorkingTogether, StringComparison.OrdinalIgnoreCase);

    private static readonly string[] ObjectMarkers = ["对于", "對於", "对", "對"];
    private static readonly string[] Expressions = ["表示", "予以", "感到", "深表"];

    /// <summary>
    /// The object between "对于/對於" (or "对/對" opening the clause or following its holder) and the verb that expresses the
    /// stance ("表示", "予以"): "澳門特別行政區政府對於歐洲議會通過…的內容表示堅決反對". (−1, −1) when there is none.
    /// </summary>
    private static (int Start, int End) ObjectBefore(ReadOnlySpan<char> text, SentenceScratch s, int clauseStart, int cueStart)
    {
        int at = clauseStart;
        foreach (var holder in s.Holders)
        {
            if (holder.Start >= clauseStart && holder.End <= cueStart && holder.Start <= at + 1)
            {
                at = holder.End;
            }
        }

        foreach (var marker in ObjectMarkers)
        {
            // "对于" is always the preposition; "对" alone also begins words ("对话", "对抗"), so it counts only at the clause's start
            // or after its holder.
            int found = marker.Length == 2 ? text[clauseStart..cueStart].IndexOf(marker, StringComparison.Ordinal) : -1;
            if (found >= 0)
            {
                at = clauseStart + found;
            }
            else if (!text[at..cueStart].StartsWith(marker, StringComparison.Ordinal))
            {
                continue;
            }

            int start = at + marker.Length, end = cueStart;
            foreach (var expression in Expressions)
            {
                int e = text[start..cueStart].LastIndexOf(expression, StringComparison.Ordinal);
                if (e > 0)
                {
                    end = Math.Min(end, start + e);
                }
            }

            return end - start >= 2 && end < cueStart ? (start, end) : (-1, -1);
        }

        return (-1, -1);
    }

    /// <summary>The object of a Chinese stance named as a noun, "对 X 的 cue": X, or (−1, −1).</summary>
    private static (int Start, int End) NominalObject(ReadOnlySpan<char> text, int clauseStart, int cueStart)
    {
        int of = cueStart - 1;
        while (of > clauseStart && text[of] is not '的' && cueStart - of <= 4)
        {
            // "對台灣的堅定支持": an intensifier may stand between 的 and the noun.
            of--;
        }

        if (of <= clauseStart || text[of] != '的')
        {
            return (-1, -1);
        }

        // Not the 对 of "反对" ("反對任何外部勢力干涉香港事務的決心").
        int marker = text[clauseStart..of].LastIndexOfAny('对', '對');
        bool opposing = marker > 0 && text[clauseStart + marker - 1] == '反';
        return marker >= 0 && !opposing && of - (clauseStart + marker + 1) >= 2 ? (clauseStart + marker + 1, of) : (-1, -1);
    }

    /// <summary>
    /// The first cue of the clause of cue <paramref name="c"/>, or of the criticism series it ends ("堅決反對，予以強烈譴責",
    /// "…污衊抹黑，表示強烈不滿和反對").
    /// </summary>
    private static int SeriesStart(ReadOnlySpan<char> text, SentenceScratch s, int c)
    {
        while (c > 0 && (s.Cues[c - 1].Start >= Clause(text, s, s.Cues[c].Start).Start || CriticismSeries(text, s.Cues[c - 1], s.Cues[c])))
        {
            c--;
        }

        return c;
    }

    private static readonly string[] ClauseObjectMarkers = ["对于", "對於", "对", "對", "就", "关于", "關於", "针对", "針對"];

    /// <summary>
    /// The object of cue <paramref name="c"/> in the clause before its own, when that clause opens with 对于, 对 or 就 (after its
    /// holder, if any) and holds no cue: "外交部對於友邦及友好國家的正義之聲，申致謝忱". (−1, −1) when there is none.
    /// </summary>
    private static (int Start, int End) ObjectClauseBefore(ReadOnlySpan<char> text, SentenceScratch s, int c)
    {
        var (clauseStart, _) = Clause(text, s, s.Cues[c].Start);
        if (clauseStart <= s.Start)
        {
            return (-1, -1);
        }

        // A known topic there is the cue's already ("對於外空武器化，我們堅決反對，嚴厲譴責"), so is one with a cue of its own.
        var (start, end) = Clause(text, s, clauseStart - 1);
        if (TopicBetween(s, start, end))
        {
            return (-1, -1);
        }

        foreach (var cue in s.Cues)
        {
            if (cue.Start >= start && cue.End <= end)
            {
                return (-1, -1);
            }
        }

        // The marker opens the clause, follows its holder or a government's name ("香港特別行政區（特區）政府就…"); "对于" and
        // "关于" are prepositions wherever they stand.
        foreach (var marker in ClauseObjectMarkers)
        {
            int found = text[start..end].IndexOf(marker, StringComparison.Ordinal);
            if (found >= 0 && end - start - found - marker.Length >= 2
                && (found == 0 || marker.Length == 2 || EndsWithSpeaker(text[start..(start + found)])))
            {
                return (start + found + marker.Length, end);
            }

            foreach (var holder in s.Holders)
            {
                if (holder.Start >= start && holder.End < end && text[holder.End..end].StartsWith(marker, StringComparison.Ordinal)
                    && end - holder.End - marker.Length >= 2)
                {
                    return (holder.End + marker.Length, end);
                }
            }
        }

        return (-1, -1);
    }

    private static readonly string[] Speakers = ["政府", "当局", "當局", "发言人", "發言人", "公署", "外交部", "委员会", "委員會"];

    private static bool EndsWithSpeaker(ReadOnlySpan<char> text) => EndsWithAny(text, Speakers);

    /// <summary>
    /// The subject that rejecting cue <paramref name="c"/>, the first of its clause (or a denying predicate, "无效", "没有…"),
    /// is said of, with the clause's start; (−1, −1, −1) when there is none.
    /// </summary>
    private static (int Start, int End, int Clause) CriticizedSubject(ReadOnlySpan<char> text, SentenceScratch s, int c)
    {
        // Of a series ("该裁决是无效的，没有拘束力") the subject stands before its first cue; failing that, before this one.
        int head = SeriesStart(text, s, c);
        return head != c && SubjectOfCue(text, s, head) is var found && found.Start >= 0 ? found : SubjectOfCue(text, s, c);
    }

    private static (int Start, int End, int Clause) SubjectOfCue(ReadOnlySpan<char> text, SentenceScratch s, int c)
    {
        var cue = s.Cues[c];
        var (clauseStart, _) = Clause(text, s, cue.Start);
        if (!(text[cue.Start] is '无' or '無' or '没' or '沒' or '不' or '非' || c == 0 || s.Cues[c - 1].End <= clauseStart))
        {
            return (-1, -1, -1);
        }

        var (start, end) = SubjectBefore(text, s, clauseStart, cue.Start);
        return start >= 0 ? (start, end, clauseStart) : (-1, -1, -1);
    }

    private static readonly string[] SayingVerbs = ["声明", "聲明", "指出", "表示"];

    /// <summary>
    /// The subject of a Chinese clause that ends in a rejecting predicate ("该裁决是无效的", "有关裁决对中国没有约束力"): the clause
    /// before the cue, after its holder and any saying verb, without the copula or the "对…" it is said to hold against.
    /// </summary>
    private static (int Start, int End) SubjectBefore(ReadOnlySpan<char> text, SentenceScratch s, int clauseStart, int cueStart)
    {
        if (!CharClass.HasHan(text[clauseStart..cueStart]))
        {
            return (-1, -1);
        }

        int start = clauseStart, end = cueStart;
        foreach (var holder in s.Holders)
        {
            if (holder.Start >= clauseStart && holder.End <= cueStart && holder.Start <= start + 1)
            {
                start = holder.End;
            }
        }

        foreach (var verb in SayingVerbs)
        {
            int at = text[start..end].LastIndexOf(verb, StringComparison.Ordinal);
            if (at >= 0)
            {
                start += at + verb.Length;
            }
        }

        int against = text[start..end].IndexOfAny('对', '對');
        if (against > 0)
        {
            end = start + against;
        }

        while (end > start && text[end - 1] is '是' or '都' or '均' or '皆' or '也')
        {
            end--;
        }

        // "…的权利神圣不可侵犯": the denial and its adverb belong to the predicate.
        foreach (var word in (ReadOnlySpan<string>)["不可", "不容", "神圣", "神聖"])
        {
            if (text[start..end].EndsWith(word, StringComparison.Ordinal))
            {
                end -= word.Length;
            }
        }

        // "表示強烈反對": an intensifier is not a subject.
        foreach (var word in s.Intensifiers)
        {
            if (word.End == end && word.Start >= start)
            {
                end = word.Start;
            }
        }

        return end - start is >= 2 and <= 24 ? (start, end) : (-1, -1);
    }

    /// <summary>Default intensity of the stance, one up for an intensifier at the cue ("强烈谴责", "firmly support"), one down for a softener.</summary>
    private static int Intensity(SentenceScratch s, int c, Stance stance, int clauseStart)
    {
        var cue = s.Cues[c];
        int previousCueEnd = c > 0 ? s.Cues[c - 1].End : s.Start;
        int intensity = stance.DefaultIntensity();
        // Only an intensifier at the cue counts: "坚决反对", "strongly condemn", or the cue itself ("坚信").
        int from = Math.Max(Math.Max(clauseStart, cue.Start - 12), previousCueEnd);
        foreach (var word in s.Intensifiers)
        {
            if (word.Start >= from && word.End <= cue.End)
            {
                intensity++;
                break;
            }
        }

        foreach (var word in s.Softeners)
        {
            if ((word.End <= cue.Start && word.Start >= previousCueEnd) || (word.Start >= cue.Start && word.End <= cue.End))
            {
                intensity--;
                break;
            }
        }

        return Math.Clamp(intensity, StanceRules.MinIntensity, StanceRules.MaxIntensity);
    }

    /// <summary>A target phrase in the cue's clause before it, nearer to the cue than any holder phrase: the subject of the cue.</summary>
    private static Hit? TargetSubject(SentenceScratch s, Hit cue, int clauseStart, Hit? holder)
    {
        Hit? subject = null;
        foreach (var t in s.Targets)
        {
            if (t.Start >= clauseStart && t.End <= cue.Start && (holder is null || holder.Value.End <= t.Start))
            {
                subject = t;
            }
        }

        return subject;
    }

    /// <summary>
    /// The holder nearest before <paramref name="position"/>. A holder that opens a clause of its own with no stance word in it
    /// is the subject of what is held, not a holder of later clauses: in "所方重申，…，中华人民共和国政府是代表全中国的唯一合法政府，
    /// …，坚决反对…" the opposition is still 所方's.
    /// </summary>
    private static Hit? HolderBefore(ReadOnlySpan<char> text, SentenceScratch s, int position)
    {
        Hit? nearest = null;
        var (positionClause, _) = Clause(text, s, position);
        foreach (var holder in s.Holders)
        {
            if (holder.End <= position && (nearest is null || holder.End > nearest.Value.End) && !Possessive(text, holder)
                && (holder.Start >= positionClause || !IsStatedContent(text, s, holder)) && !IsObjectOfCue(s, holder)
                && !AfterPreposition(text, s, holder))
            {
                nearest = holder;
            }
        }

        return nearest;
    }

    private static readonly string[] Prepositions =
        ["with", "to", "for", "on", "by", "against", "toward", "towards", "from", "between", "among", "including", "into", "about", "in", "at", "urging", "urge", "urges", "urged"];

    /// <summary>
    /// "acknowledged the need to work with China", "urging North Korea to …": an English name after a preposition is an object;
    /// "held their first meeting in Washington, D.C., where they affirmed …": a place.
    /// </summary>
    private static bool AfterPreposition(ReadOnlySpan<char> text, SentenceScratch s, Hit holder)
    {
        var before = text[s.Start..holder.Start].TrimEnd();
        int space = before.LastIndexOf(' ');
        var word = before[(space + 1)..];
        if (word.IsEmpty || !char.IsAsciiLetter(word[0]))
        {
            return false;
        }

        foreach (var preposition in Prepositions)
        {
            if (word.Equals(preposition, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"赞赏中方以人民为中心的发展思想", "坚定支持中方在涉港…问题上的立场": a party right after a stance word is its object.</summary>
    private static bool IsObjectOfCue(SentenceScratch s, Hit holder)
    {
        foreach (var cue in s.Cues)
        {
            if (cue.End == holder.Start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"the United States’ and the Philippines’ commitment", "President Yoon’s vision": a possessive names no holder.</summary>
    private static bool Possessive(ReadOnlySpan<char> text, Hit holder) =>
        holder.End < text.Length && text[holder.End] is '’' or '\''
        && (holder.End + 1 == text.Length || !char.IsLetter(text[holder.End + 1]) || text[holder.End + 1] == 's');

    /// <summary>Whether the clause <paramref name="holder"/> opens says what it is ("…政府是…") rather than what it holds: no cue.</summary>
    private static bool IsStatedContent(ReadOnlySpan<char> text, SentenceScratch s, Hit holder)
    {
        var (start, end) = Clause(text, s, holder.Start);
        if (holder.End >= end || !CharClass.HasHan(text[holder.Start..holder.End]))
        {
            return false;
        }

        foreach (var cue in s.Cues)
        {
            if (cue.Start >= start && cue.End <= end)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A calls-for or commits cue before cue <paramref name="c"/> in its clause, or −1.</summary>
    private static int ModalBefore(ReadOnlySpan<char> text, SentenceScratch s, int c)
    {
        var (clauseStart, _) = Clause(text, s, s.Cues[c].Start);
        for (int p = c - 1; p >= 0; p--)
        {
            var candidate = s.Cues[p];
            if (candidate.Start < clauseStart)
            {
                break;
            }

            if ((Stance)candidate.Value is Stance.CallsFor or Stance.Commits && candidate.End <= s.Cues[c].Start)
            {
                return p;
            }
        }

        return -1;
    }

    private static bool IsAlso(List<Hit> hits, Hit hit)
    {
        foreach (var h in hits)
        {
            if (h.Start == hit.Start && h.End == hit.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The clause around <paramref name="position"/>: between clause punctuation, within the sentence, trimmed.</summary>
    private static (int Start, int End) Clause(ReadOnlySpan<char> text, SentenceScratch s, int position)
    {
        // Clause breaks are found once per sentence: long Chinese sentences are asked about many times.
        var breaks = s.ClauseBreaks(text);
        int start = s.Start, end = s.End;
        foreach (var b in breaks)
        {
            if (b < position)
            {
                start = b + 1;
            }
            else
            {
                end = b;
                break;
            }
        }

        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || IsSentenceEnd(text[end - 1])))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>The first verb of action in the sentence that is not part of a topic's name ("推动" but not in "推动构建…共同体").</summary>
    private static string? ActionVerb(ReadOnlySpan<char> text, SentenceScratch s)
    {
        foreach (var action in s.Actions)
        {
            if (!InsideTopic(s, action.Start))
            {
                return text[action.Start..action.End].ToString();
            }
        }

        return null;
    }

    private static bool InsideTopic(SentenceScratch s, int position)
    {
        foreach (var topic in s.Topics)
        {
            if (position >= topic.Start && position < topic.End)
            {
                return true;
            }
        }

        return false;
    }

    private static int Words(ReadOnlySpan<char> text)
    {
        int words = 0;
        for (int i = 0; i < text.Length; i++)
        {
            words += char.IsLetter(text[i]) && (i == 0 || !char.IsLetter(text[i - 1])) ? 1 : 0;
        }

        return words;
    }

    private static bool EndsWithAny(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.EndsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(ReadOnlySpan<char> text, string[] words, StringComparison comparison)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, comparison))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsClauseBreak(char c) => c is '，' or '；' or '：' or ',' or ';' or ':' or '\n';

    private static bool IsSentenceEnd(char c) => c is '。' or '.' or '！' or '？' or '!' or '?';

    /// <summary>
    /// One suggestion per topic, stance and holders in a sentence: a topic named twice under one cue is one claim, while
    /// "俄方支持…，中方支持…" or "欢迎…非洲国家…，将继续就非洲事务…" are two.
    /// </summary>
    private static void AddOnePerTopic(List<Suggestion> output, int first, Suggestion suggestion)
    {
        for (int i = first; i < output.Count; i++)
        {
            if (output[i].TopicSlug == suggestion.TopicSlug && output[i].Stance == suggestion.Stance && SameHolders(output[i].Holders, suggestion.Holders))
            {
                if (suggestion.Confidence > output[i].Confidence)
                {
                    output[i] = suggestion;
                }

                return;
            }
        }

        output.Add(suggestion);
    }

    private static bool SameHolders(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var slug in a)
        {
            if (!b.Contains(slug))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Keeps the longest of overlapping hits (longest match wins), then restores text order.</summary>
    private static void LongestFirst(List<Hit> hits)
    {
        if (hits.Count < 2)
        {
            return;
        }

        hits.Sort(static (a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Start.CompareTo(b.Start));
        int kept = 0;
        for (int i = 0; i < hits.Count; i++)
        {
            bool overlaps = false;
            for (int j = 0; j < kept; j++)
            {
                if (hits[i].Start < hits[j].End && hits[j].Start < hits[i].End)
                {
                    overlaps = true;
                    break;
                }
            }

            if (!overlaps)
            {
                hits[kept++] = hits[i];
            }
        }

        hits.RemoveRange(kept, hits.Count - kept);
        hits.Sort(static (a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>Removes the hits that lie inside one of <paramref name="containers"/> ("防止" inside the topic "防止核战争").</summary>
    /// <summary>
    /// "The United States and the European Union represent …": a signatory named right after a holder and a conjunction
    /// holds with it, though its name does not open the clause.
    /// </summary>
    private void JoinOthers(ReadOnlySpan<char> text, SentenceScratch s, IReadOnlyList<string> signatories)
    {
        for (int i = 0; i < s.Others.Count; i++)
        {
            var other = s.Others[i];
            if (!Signed(signatories, _holderSlugs[other.Value][0]))
            {
                continue;
            }

            foreach (var holder in s.Holders)
            {
                if (holder.End > other.Start || other.Start - holder.End > 12)
                {
                    continue;
                }

                var between = text[holder.End..other.Start].Trim();
                if (between.EndsWith(" the", StringComparison.OrdinalIgnoreCase))
                {
                    between = between[..^4].TrimEnd();
                }

                if (IsConjunction(between))
                {
                    s.Holders.Add(other with { Kind = TermKind.Holder });
                    s.Others.RemoveAt(i--);
                    break;
                }
            }
        }
    }

    /// <summary>"urging North Korea to abide by …", "the Democratic People's Republic of Korea": a holder phrase ("Korea")
    /// inside the longer name of another party holds nothing.</summary>
    private static void DropInsideOthers(SentenceScratch s)
    {
        foreach (var other in s.Others)
        {
            s.Holders.RemoveAll(h => h.Start >= other.Start && h.End <= other.End && h.Length < other.Length);
        }
    }

    private static void Drop(List<Hit> hits, List<Hit> containers)
    {
        if (containers.Count == 0)
        {
            return;
        }

        int kept = 0;
        for (int i = 0; i < hits.Count; i++)
        {
            var h = hits[i];
            bool inside = false;
            foreach (var c in containers)
            {
                if (h.Start >= c.Start && h.End <= c.End && (h.Start != c.Start || h.End != c.End || c.Kind != TermKind.Topic))
                {
                    inside = true;
                    break;
                }
            }

            if (!inside)
            {
                hits[kept++] = h;
            }
        }

        hits.RemoveRange(kept, hits.Count - kept);
    }

    private static string Folded(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = PatternMatcher.Fold(source[i]);
        }
    });

    private enum TermKind : byte
    {
        Topic,
        Cue,
        WeakCue,
        Intensifier,
        Softener,
        Negation,
        Holder,
        Target,
        NotCue,
        Reference,
        Threat,
        Party,
        Relation,
        Action,
    }

    private readonly record struct Term(TermKind Kind, int Value, string Text, bool ExactCase);

    private readonly record struct Hit(int Start, int End, TermKind Kind, int Value)
    {
        public int Length => End - Start;
    }

    /// <summary>The hits of one sentence by kind, reused from sentence to sentence.</summary>
    private sealed class SentenceScratch
    {
        public int Start { get; private set; }
        public int End { get; private set; }
        public List<Hit> Topics { get; } = [];
        public List<Hit> Cues { get; } = [];
        public List<Hit> Intensifiers { get; } = [];
        public List<Hit> Softeners { get; } = [];
        public List<Hit> Negations { get; } = [];
        public List<Hit> Holders { get; } = [];
        public List<Hit> Targets { get; } = [];
        public List<Hit> NotCues { get; } = [];
        public List<Hit> References { get; } = [];

        /// <summary>The sentence's passages as the learned model reads them, filled only when it reads.</summary>
        public List<(int Start, int End)> Passages { get; } = [];
        public List<Hit> Threats { get; } = [];

        /// <summary>Verbs of action, in text order.</summary>
        public List<Hit> Actions { get; } = [];

        /// <summary>Names of parties that do not hold here: they did not sign, or stand as an object.</summary>
        public List<Hit> Others { get; } = [];

        /// <summary>The holders of the sentence before, when it ended with "；" and this one names none ("密方坚定奉行…；坚决反对…").</summary>
        public IReadOnlyList<string>? Inherited { get; set; }

        private readonly List<int> _breaks = [];
        private bool _breaksFound;

        public List<int> ClauseBreaks(ReadOnlySpan<char> text)
        {
            if (!_breaksFound)
            {
                for (int i = Start; i < End; i++)
                {
                    if (IsClauseBreak(text[i]))
                    {
                        _breaks.Add(i);
                    }
                }

                _breaksFound = true;
            }

            return _breaks;
        }

        public CodePointIndex? Index { get; set; }

        public int CodePoint(int utf16) => Index!.ToCodePoint(utf16);

        public void Clear(int start, int end)
        {
            Start = start;
            End = end;
            _breaks.Clear();
            _breaksFound = false;
            Topics.Clear();
            Cues.Clear();
            Intensifiers.Clear();
            Softeners.Clear();
            Negations.Clear();
            Holders.Clear();
            Targets.Clear();
            NotCues.Clear();
            References.Clear();
            Threats.Clear();
            Actions.Clear();
            Others.Clear();
        }

        public void Add(Hit hit) => (hit.Kind switch
        {
            TermKind.Topic => Topics,
            TermKind.Cue or TermKind.WeakCue => Cues,
            TermKind.Intensifier => Intensifiers,
            TermKind.Softener => Softeners,
            TermKind.Negation => Negations,
            TermKind.Holder => Holders,
            TermKind.Target => Targets,
            TermKind.Reference => References,
            TermKind.Threat => Threats,
            TermKind.Action => Actions,
            _ => NotCues,
        }).Add(hit);
    }
}
