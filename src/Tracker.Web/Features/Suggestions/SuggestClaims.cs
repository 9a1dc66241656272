using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Claims;
using Tracker.Text;
using Tracker.Text.Suggesting;
using Tracker.Web.Features.Actors;

namespace Tracker.Web.Features.Suggestions;

/// <summary>A suggested claim as the API returns it (DESIGN.md: GET /api/documents/{id}/suggestions).</summary>
/// <param name="Key">Names the suggestion for accepting or rejecting it: span, stance and topic.</param>
/// <param name="Learned">Proposed by the model learned from curated claims, not by a lexicon cue: <c>Cue</c> is the words that weighed most.</param>
public sealed record SuggestionDto(
    string Key,
    int Start,
    int End,
    string Quote,
    IReadOnlyList<ActorRef> Holders,
    string Stance,
    int Intensity,
    SuggestedTopic Topic,
    string? Target,
    bool Negated,
    double Confidence,
    string Cue,
    bool Learned = false);

/// <summary>
/// The topic of a suggestion; <c>Slug</c> is null when the suggester proposes a new topic with this label;
/// <c>Guessed</c> when no alias of the topic is in the quote and its object only resembles the topic's names.
/// </summary>
public sealed record SuggestedTopic(string? Slug, string Label, bool Proposed, bool Guessed = false)
{
    /// <summary>A known topic named in the quote: what "accept all in sentence" takes without a look of its own.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Settled => !Proposed && !Guessed;

    /// <summary>
    /// Whether "accept all in sentence" takes a suggestion of this topic: a settled one always, a guessed one only from its own
    /// card (<paramref name="chosen"/>), a proposed one never (its topic has to be created first).
    /// </summary>
    public bool TakenByAcceptAll(bool chosen) => Settled || (chosen && !Proposed);
}

public static class SuggestionKeys
{
    public static string Of(int start, int end, string stance, string? topicSlug, string topicLabel) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{start}-{end}-{stance}-{topicSlug ?? "+" + topicLabel}");

    /// <summary>The start offset a key names, or null for text that is no key.</summary>
    public static int? StartOf(string key) =>
        int.TryParse(key.AsSpan(0, Math.Max(0, key.IndexOf('-', StringComparison.Ordinal))), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var start)
            ? start : null;
}

/// <summary>Runs the suggester over a stored document and leaves out what curators have already decided.</summary>
public sealed class SuggestClaimsHandler(TrackerDbContext db, SuggesterProvider provider)
{
    /// <returns>The suggestions, or null when there is no such document.</returns>
    public async Task<List<SuggestionDto>?> HandleAsync(int documentId, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking()
            .Where(d => d.Id == documentId)
            .Select(d => new
            {
                d.Kind,
                d.Body,
                Sentences = d.Sentences.OrderBy(s => s.Ordinal).Select(s => new { s.Start, s.End }).ToList(),
                Signatories = d.Signatories.OrderBy(s => s.Position).Select(s => s.Actor!.Slug).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return null;
        }

        var suggester = await provider.GetAsync(db, cancellationToken);
        var model = await provider.GetModelAsync(db, cancellationToken) is { } learned && learned.Reads(document.Kind) ? learned : null;
        var sentences = document.Sentences.Select(s => new TextSpan(s.Start, s.End)).ToList();
        var suggestions = suggester.Suggest(document.Body, sentences, document.Signatories, model);

        // Any claim already on the document, accepted, rejected or pending, has been decided or is being decided. The model speaks
        // only where nothing was said, so any claim on its passage answers it, whatever the topic (it learned that claim, too).
        var existing = await db.Claims.AsNoTracking()
            .Where(c => c.DocumentId == documentId)
            .Select(c => new { c.Start, c.End, c.Topic!.Slug })
            .ToListAsync(cancellationToken);
        suggestions.RemoveAll(s => existing.Any(c => (s.Learned || c.Slug == s.TopicSlug) && c.Start < s.End && s.Start < c.End));

        // A rejected suggestion is not made again: same span, stance and topic. Nor does the model read again where a curator
        // rejected anything: having learned from the rejection, it might otherwise offer the same passage with another stance.
        var decisions = await db.SuggestionDecisions.AsNoTracking()
            .Where(d => d.DocumentId == documentId && !d.Accepted)
            .Select(d => new { d.Start, d.End, d.Stance, d.TopicSlug, d.TopicLabel })
            .ToListAsync(cancellationToken);
        var rejected = decisions.Select(d => SuggestionKeys.Of(d.Start, d.End, d.Stance, d.TopicSlug, d.TopicLabel)).ToHashSet(StringComparer.Ordinal);
        suggestions.RemoveAll(s => rejected.Contains(SuggestionKeys.Of(s.Start, s.End, s.Stance.Code(), s.TopicSlug, s.TopicLabel))
            || (s.Learned && decisions.Any(d => d.Start < s.End && s.Start < d.End)));

        var slugs = suggestions.SelectMany(s => s.Holders).Distinct().ToList();
        var actors = await db.Actors.AsNoTracking().Include(a => a.Aliases)
            .Where(a => slugs.Contains(a.Slug))
            .ToDictionaryAsync(a => a.Slug, cancellationToken);
        var topicSlugs = suggestions.Where(s => s.TopicSlug is not null).Select(s => s.TopicSlug!).Distinct().ToList();
        var topics = await db.Topics.AsNoTracking().Include(t => t.Aliases)
            .Where(t => topicSlugs.Contains(t.Slug))
            .ToDictionaryAsync(t => t.Slug, cancellationToken);

        return suggestions
            .Select(s => new SuggestionDto(
                SuggestionKeys.Of(s.Start, s.End, s.Stance.Code(), s.TopicSlug, s.TopicLabel),
                s.Start,
                s.End,
                s.Quote,
                s.Holders.Where(actors.ContainsKey).Select(h => actors[h].ToRef()).ToList(),
                s.Stance.Code(),
                s.Intensity,
                s.TopicSlug is { } slug && topics.TryGetValue(slug, out var topic)
                    ? new SuggestedTopic(slug, topic.DisplayName(), false, s.TopicGuessed)
                    : new SuggestedTopic(null, s.TopicLabel, true),
                s.Target,
                s.Negated,
                s.Confidence,
                s.Cue,
                s.Learned))
            .ToList();
    }
}
