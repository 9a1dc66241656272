using Microsoft.EntityFrameworkCore;
using Tracker.Data.Claims;
using Tracker.Data.Documents;
using Tracker.Domain;
using Tracker.Domain.Actors;
using Tracker.Domain.Claims;
using Tracker.Domain.Documents;
using Tracker.Domain.Topics;
using Tracker.Text;
using Tracker.Text.Suggesting;

namespace Tracker.Data.Seeding;

/// <summary>
/// Loads seed/ into the database: actors, topics, documents and their curated claims. Only what is missing is
/// added (by slug and document key), so a second start adds nothing and curators' edits are never overwritten.
/// Everything is checked before anything is written, and written in one transaction.
/// </summary>
public sealed class SeedLoader(TrackerDbContext db, TimeProvider clock)
{
    public const string Curator = "seed";

    public async Task<SeedResult> LoadAsync(string directory, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var actors = await SeedJson.ReadAsync<List<SeedActor>>(Path.Combine(directory, "actors.json"), cancellationToken);
        var topics = await SeedJson.ReadAsync<List<SeedTopic>>(Path.Combine(directory, "topics.json"), cancellationToken);
        var documents = await SeedJson.ReadAsync<List<SeedDocument>>(Path.Combine(directory, "documents.json"), cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var actorsBySlug = await db.Actors.ToDictionaryAsync(a => a.Slug, cancellationToken);
        var newActors = AddMissing(
            actors, actorsBySlug, a => a.Slug, a => a.Parent, "actors.json", problems,
            a => new Actor
            {
                Slug = a.Slug,
                Kind = ParseKind(a, problems),
                IsoCode = a.Iso,
                Aliases = Aliases.Build(a.Names, a.Aliases, (language, text, key, isName) =>
                    new ActorAlias { Language = language, Text = text, Key = key, IsName = isName }),
            },
            (actor, parent) => actor.Parent = parent);
        db.Actors.AddRange(newActors);

        var topicsBySlug = await db.Topics.ToDictionaryAsync(t => t.Slug, cancellationToken);
        var newTopics = AddMissing(
            topics, topicsBySlug, t => t.Slug, t => t.Parent, "topics.json", problems,
            t => new Topic
            {
                Slug = t.Slug,
                Description = t.Description,
                Aliases = Aliases.Build(t.Names, t.Aliases, (language, text, key, isName) =>
                    new TopicAlias { Language = language, Text = text, Key = key, IsName = isName }),
            },
            (topic, parent) => topic.Parent = parent);
        db.Topics.AddRange(newTopics);
        var lexiconCount = await AddMissingLexiconAsync(directory, problems, cancellationToken);

        var existingKeys = await db.Documents.Where(d => d.Key != null).Select(d => d.Key!).ToListAsync(cancellationToken);
        var claimCount = 0;
        var newDocuments = new List<Document>();
        foreach (var seed in documents.Where(d => !existingKeys.Contains(d.Key)))
        {
            var document = await BuildDocumentAsync(directory, seed, actorsBySlug, problems, cancellationToken);
            if (document is null)
            {
                continue;
            }

            var claimsPath = Path.Combine(directory, "claims", seed.Key + ".json");
            if (File.Exists(claimsPath))
            {
                var file = await SeedJson.ReadAsync<SeedClaimFile>(claimsPath, cancellationToken);
                if (file.Document != seed.Key)
                {
                    problems.Add($"claims/{seed.Key}.json: names document '{file.Document}', expected '{seed.Key}'.");
                }

                document.Claims = BuildClaims(file, document, actorsBySlug, topicsBySlug, problems);
                claimCount += document.Claims.Count;
            }

            newDocuments.Add(document);
        }

        if (problems.Count > 0)
        {
            throw new SeedException(problems);
        }

        db.Documents.AddRange(newDocuments);
        await db.SaveChangesAsync(cancellationToken);
        await HeldPositions.RefreshAsync(db, newDocuments.SelectMany(d => d.Claims).Select(c => c.Id).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SeedResult(newActors.Count, newTopics.Count, newDocuments.Count, claimCount, lexiconCount);
    }

    /// <summary>Adds the lexicon entries of seed/lexicon that the database lacks; curators' additions stay.</summary>
    private async Task<int> AddMissingLexiconAsync(string directory, List<string> problems, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(directory, "lexicon");
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        Lexicon lexicon;
        try
        {
            lexicon = Lexicon.Load(folder);
        }
        catch (LexiconException e)
        {
            problems.Add($"lexicon/{e.Message}");
            return 0;
        }

        var existing = (await db.LexiconEntries.Select(e => new { e.Language, e.Kind, e.Key, e.Text }).ToListAsync(cancellationToken))
            .Select(e => (e.Language, e.Kind, e.Key, e.Text))
            .ToHashSet();
        var added = lexicon.Languages.SelectMany(LexiconRows.ToEntries)
            .Where(e => existing.Add((e.Language, e.Kind, e.Key, e.Text)))
            .ToList();
        db.LexiconEntries.AddRange(added);
        return added.Count;
    }

    /// <summary>Creates the entities whose slugs are not in the database yet and links them to their parents.</summary>
    private static List<TEntity> AddMissing<TSeed, TEntity>(
        List<TSeed> seeds,
        Dictionary<string, TEntity> bySlug,
        Func<TSeed, string> slugOf,
        Func<TSeed, string?> parentOf,
        string file,
        List<string> problems,
        Func<TSeed, TEntity> create,
        Action<TEntity, TEntity> setParent)
    {
        var created = new List<TEntity>();
        foreach (var seed in seeds)
        {
            var slug = slugOf(seed);
            if (string.IsNullOrWhiteSpace(slug) || slug != AliasKey.Slugify(slug))
            {
                problems.Add($"{file}: '{slug}' is not a valid slug (lower-case letters, digits and dashes).");
                continue;
            }

            if (bySlug.ContainsKey(slug))
            {
                if (created.Any(c => ReferenceEquals(c, bySlug[slug])))
                {
                    problems.Add($"{file}: slug '{slug}' is defined twice.");
                }

                continue;
            }

            var entity = create(seed);
            bySlug[slug] = entity;
            created.Add(entity);
            var parent = parentOf(seed);
            if (parent is null)
            {
                continue;
            }

            if (bySlug.TryGetValue(parent, out var parentEntity))
            {
                setParent(entity, parentEntity);
            }
            else
            {
                problems.Add($"{file}: '{slug}' names parent '{parent}', which is not defined before it.");
            }
        }

        return created;
    }

    private async Task<Document?> BuildDocumentAsync(
        string directory, SeedDocument seed, Dictionary<string, Actor> actors, List<string> problems, CancellationToken cancellationToken)
    {
        var where = $"documents.json: '{seed.Key}'";
        var path = Path.Combine(directory, seed.File);
        if (!File.Exists(path))
        {
            problems.Add($"{where}: file '{seed.File}' does not exist.");
            return null;
        }

        if (await ReadPartAsync(path, seed, problems, cancellationToken) is not { } raw)
        {
            return null;
        }

        if (!DocumentKinds.TryParse(seed.Kind, out var kind))
        {
            problems.Add($"{where}: kind '{seed.Kind}' is not one of {string.Join(", ", DocumentKinds.Codes)}.");
        }

        var language = Languages.Canonical(seed.Language);
        if (language is null)
        {
            problems.Add($"{where}: language '{seed.Language}' is not one of {string.Join(", ", Languages.All)}.");
        }

        var document = new Document
        {
            Key = seed.Key,
            Title = seed.Title,
            Kind = kind,
            IssuedOn = seed.IssuedOn,
            Place = seed.Place,
            Language = language ?? seed.Language,
            SourceUrl = seed.SourceUrl,
            Note = seed.Note,
            RawText = "",
            Body = "",
            ContentHash = "",
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = Curator,
        };
        DocumentText.Apply(document, raw);

        foreach (var (slug, position) in seed.Signatories.Select((s, i) => (s, i)))
        {
            if (actors.TryGetValue(slug, out var actor))
            {
                document.Signatories.Add(new DocumentSignatory { Actor = actor, Position = position, IssuedOn = document.IssuedOn });
            }
            else
            {
                problems.Add($"{where}: signatory '{slug}' is not in actors.json.");
            }
        }

        return document;
    }

    /// <summary>The raw text of the document's part of its file, or null (with the problem noted) when the file has no such part.</summary>
    private static async Task<string?> ReadPartAsync(string path, SeedDocument seed, List<string> problems, CancellationToken cancellationToken)
    {
        var text = CorpusHeader.Parse(await File.ReadAllTextAsync(path, cancellationToken)).Body;
        var parts = DocumentSplitter.Split(text);
        if (seed.Part < 1 || seed.Part > parts.Count)
        {
            problems.Add($"documents.json: '{seed.Key}': part {seed.Part} asked for, but the splitter finds {parts.Count} document(s) in '{seed.File}'.");
            return null;
        }

        return new CodePointIndex(text).Slice(parts[seed.Part - 1].BodySpan);
    }

    /// <summary>
    /// The curated statements of a folder in the seed's format (seed/dev), read without a database, as the learned model of the
    /// suggester takes them: each body and its sentences as a load would store them, each claim anchored as a load would anchor
    /// it. Claims whose quote is not found once, or whose stance is unknown, are left out (the evaluation and
    /// check-references.py report them); a folder without documents.json has none.
    /// </summary>
    public static async Task<List<CuratedDocument>> ReadCuratedAsync(string directory, CancellationToken cancellationToken = default)
    {
        var curated = new List<CuratedDocument>();
        var list = Path.Combine(directory, "documents.json");
        if (!File.Exists(list))
        {
            return curated;
        }

        var ignored = new List<string>();
        foreach (var seed in await SeedJson.ReadAsync<List<SeedDocument>>(list, cancellationToken))
        {
            var path = Path.Combine(directory, seed.File);
            var claimsPath = Path.Combine(directory, "claims", seed.Key + ".json");
            if (!File.Exists(path) || !File.Exists(claimsPath) || await ReadPartAsync(path, seed, ignored, cancellationToken) is not { } raw)
            {
                continue;
            }

            var document = new Document { Title = seed.Title, Language = seed.Language, RawText = "", Body = "", ContentHash = "" };
            DocumentText.Apply(document, raw);
            var locator = new QuoteLocator(document.Body);
            var claims = new List<CuratedStance>();
            foreach (var claim in (await SeedJson.ReadAsync<SeedClaimFile>(claimsPath, cancellationToken)).Claims)
            {
                if (StanceRules.TryParse(claim.Stance, out var stance) && locator.Find(claim.Quote, claim.Occurrence ?? 1) is { } span)
                {
                    claims.Add(new CuratedStance(span, stance));
                }
            }

            curated.Add(new CuratedDocument(document.Body, document.Sentences.Select(s => new TextSpan(s.Start, s.End)).ToList(), claims)
            {
                Kind = DocumentKinds.TryParse(seed.Kind, out var kind) ? kind : DocumentKind.Other,
            });
        }

        return curated;
    }

    private List<Claim> BuildClaims(
        SeedClaimFile file, Document document, Dictionary<string, Actor> actors, Dictionary<string, Topic> topics, List<string> problems)
    {
        var claims = new List<Claim>();
        var now = clock.GetUtcNow();
        var locator = new QuoteLocator(document.Body);
        foreach (var (seed, number) in file.Claims.Select((c, i) => (c, i + 1)))
        {
            var where = $"claims/{file.Document}.json: claim {number} (\"{Shorten(seed.Quote)}\")";
            if (seed.Occurrence is null && locator.Find(seed.Quote, 2) is not null)
            {
                problems.Add($"{where}: the quote occurs more than once in the document; set \"occurrence\".");
                continue;
            }

            var span = locator.Find(seed.Quote, seed.Occurrence ?? 1);
            if (span is null)
            {
                problems.Add($"{where}: the quote is not in the document.");
                continue;
            }

            var anchor = Anchor.Create(document.Body, document.Sentences, span.Value.Start, span.Value.End, seed.Quote);
            if (anchor.Anchor is null)
            {
                problems.Add($"{where}: {anchor.Error}");
                continue;
            }

            if (!StanceRules.TryParse(seed.Stance, out var stance))
            {
                problems.Add($"{where}: stance '{seed.Stance}' is not one of {string.Join(", ", StanceRules.Codes)}.");
            }

            var intensity = seed.Intensity ?? stance.DefaultIntensity();
            if (intensity is < StanceRules.MinIntensity or > StanceRules.MaxIntensity)
            {
                problems.Add($"{where}: intensity {intensity} is outside 1–3.");
            }

            if (!topics.TryGetValue(seed.Topic, out var topic))
            {
                problems.Add($"{where}: topic '{seed.Topic}' is not in topics.json.");
            }

            Actor? target = null;
            if (seed.Target is not null && !actors.TryGetValue(seed.Target, out target))
            {
                problems.Add($"{where}: target '{seed.Target}' is not in actors.json.");
            }

            var holders = new List<ClaimHolder>();
            foreach (var slug in seed.Holders.Distinct())
            {
                if (actors.TryGetValue(slug, out var holder))
                {
                    holders.Add(new ClaimHolder { Actor = holder });
                }
                else
                {
                    problems.Add($"{where}: holder '{slug}' is not in actors.json.");
                }
            }

            if (holders.Count == 0)
            {
                problems.Add($"{where}: a claim needs at least one holder.");
            }

            var claim = new Claim
            {
                Start = anchor.Anchor.Start,
                End = anchor.Anchor.End,
                Exact = anchor.Anchor.Exact,
                Prefix = anchor.Anchor.Prefix,
                Suffix = anchor.Anchor.Suffix,
                Holders = holders,
                Stance = stance,
                Intensity = intensity,
                Topic = topic,
                TargetActor = target,
                Implicit = seed.Implicit,
                Negated = seed.Negated,
                Note = seed.Note,
                Status = ClaimStatus.Accepted,
                CuratedBy = Curator,
                CuratedAt = now,
                CreatedAt = now,
                Version = 1,
            };
            claims.Add(claim);
            Commitments.Track(db, claim, now);
        }

        return claims;
    }

    private static ActorKind ParseKind(SeedActor actor, List<string> problems)
    {
        if (actor.Kind is null)
        {
            return ActorKind.Unspecified;
        }

        if (Enum.TryParse<ActorKind>(actor.Kind, ignoreCase: true, out var kind) && !int.TryParse(actor.Kind, out _))
        {
            return kind;
        }

        problems.Add($"actors.json: '{actor.Slug}' has kind '{actor.Kind}', not one of {string.Join(", ", Enum.GetNames<ActorKind>()).ToLowerInvariant()}.");
        return ActorKind.Unspecified;
    }

    private static string Shorten(string quote) => quote.Length <= 24 ? quote : quote[..24] + "…";
}
