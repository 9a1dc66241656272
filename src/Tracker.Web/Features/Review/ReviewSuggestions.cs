using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Lexicon;
using Tracker.Web.Features.Claims;
using Tracker.Web.Features.Suggestions;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Review;

/// <summary>
/// A curator's decisions on suggestions: accept (the suggestion becomes an accepted claim), accept after
/// editing, accept every suggestion of a sentence, or reject. Each decision is remembered with the cue that made
/// the suggestion, in the transaction that writes the claim.
/// </summary>
public sealed class ReviewSuggestionsHandler(
    TrackerDbContext db,
    SuggestClaimsHandler suggester,
    SaveClaimHandler claims,
    AnnotateClaimHandler annotate,
    IValidator<SaveClaimRequest> validator,
    AuditLog audit,
    CurrentUser user,
    TimeProvider clock)
{
    /// <summary>The suggestions still waiting for a decision, in text order.</summary>
    public async Task<List<SuggestionDto>> PendingAsync(int documentId, CancellationToken cancellationToken) =>
        (await suggester.HandleAsync(documentId, cancellationToken) ?? throw new NotFoundException($"No document {documentId}."))
            .OrderBy(s => s.Start).ThenBy(s => s.End).ToList();

    public async Task<ClaimDto> AcceptAsync(int documentId, string key, CancellationToken cancellationToken) =>
        (await AcceptAllAsync(documentId, [await FindAsync(documentId, key, cancellationToken)], cancellationToken)).Single();

    /// <summary>
    /// Accepts the suggestion <paramref name="key"/> and every other pending suggestion of its sentence whose topic is known by name
    /// (<see cref="SuggestedTopic.Settled"/>): a guessed topic needs a look and a proposed one creating, so the others wait for their own decision.
    /// </summary>
    public async Task<List<ClaimDto>> AcceptSentenceAsync(int documentId, string key, CancellationToken cancellationToken)
    {
        var pending = await PendingAsync(documentId, cancellationToken);
        var chosen = pending.Find(s => s.Key == key) ?? throw Gone();
        var sentence = await db.DocumentSentences.AsNoTracking()
            .Where(s => s.DocumentId == documentId && s.Start <= chosen.Start && s.End >= chosen.End)
            .Select(s => new { s.Start, s.End })
            .FirstOrDefaultAsync(cancellationToken);
        var inSentence = pending
            .Where(s => s.Topic.TakenByAcceptAll(s.Key == key)
                && (sentence is null ? s.Key == key : s.Start >= sentence.Start && s.End <= sentence.End))
            .ToList();
        return await AcceptAllAsync(documentId, inSentence, cancellationToken);
    }

    /// <summary>Accepts a suggestion as the curator edited it in the claim form.</summary>
    public async Task<ClaimDto> AcceptEditedAsync(int documentId, string key, SaveClaimRequest request, NewTopic? newTopic, CancellationToken cancellationToken)
    {
        var suggestion = await FindAsync(documentId, key, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claim = await annotate.SaveAsync(documentId, null, request, newTopic, cancellationToken);
        await DecideAsync(documentId, suggestion, claim.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claim;
    }

    public async Task<SuggestionDto> RejectAsync(int documentId, string key, CancellationToken cancellationToken)
    {
        var suggestion = await FindAsync(documentId, key, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var decision = await DecideAsync(documentId, suggestion, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("suggestion", decision.Id, "rejected", null, suggestion);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return suggestion;
    }

    /// <summary>The claim a suggestion would become if accepted as it stands.</summary>
    public static SaveClaimRequest ToRequest(SuggestionDto s)
    {
        var implicitTarget = s.Target == Text.Suggesting.LexiconLanguage.ImplicitTarget;
        return new SaveClaimRequest(
            s.Start, s.End, s.Quote, s.Holders.Select(h => h.Slug).ToList(), s.Stance, s.Intensity, s.Topic.Slug,
            implicitTarget ? null : s.Target, implicitTarget, s.Negated, null, null, null);
    }

    private async Task<List<ClaimDto>> AcceptAllAsync(int documentId, List<SuggestionDto> suggestions, CancellationToken cancellationToken)
    {
        var accepted = new List<ClaimDto>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var suggestion in suggestions)
        {
            if (suggestion.Topic.Proposed)
            {
                throw new ValidationException([new ValidationFailure("topic", $"“{suggestion.Topic.Label}” is not a topic yet: edit the suggestion to choose or create one.")]);
            }

            var request = ToRequest(suggestion);
            await validator.ValidateAndThrowAsync(request, cancellationToken);
            var claim = await claims.CreateAsync(documentId, request, cancellationToken);
            await DecideAsync(documentId, suggestion, claim.Id, cancellationToken);
            accepted.Add(claim);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return accepted;
    }

    private async Task<SuggestionDto> FindAsync(int documentId, string key, CancellationToken cancellationToken) =>
        (await PendingAsync(documentId, cancellationToken)).Find(s => s.Key == key) ?? throw Gone();

    private static NotFoundException Gone() =>
        new("That suggestion is no longer pending: someone decided on it, the lexicon changed, or the model learned from a decision and reads the passage otherwise. The list has been refreshed.");

    private async Task<SuggestionDecision> DecideAsync(int documentId, SuggestionDto suggestion, int? claimId, CancellationToken cancellationToken)
    {
        var decision = new SuggestionDecision
        {
            DocumentId = documentId,
            Start = suggestion.Start,
            End = suggestion.End,
            Stance = suggestion.Stance,
            TopicSlug = suggestion.Topic.Proposed ? null : suggestion.Topic.Slug,
            TopicLabel = suggestion.Topic.Label,
            Cue = suggestion.Cue,
            LexiconEntryId = await LexiconEntryAsync(documentId, suggestion, cancellationToken),
            Accepted = claimId is not null,
            Learned = suggestion.Learned,
            ClaimId = claimId,
            DecidedBy = user.Name,
            DecidedAt = clock.GetUtcNow(),
        };
        db.SuggestionDecisions.Add(decision);
        return decision;
    }

    /// <summary>
    /// The lexicon entry behind a suggestion's cue: the cue is the text as it stood ("Supports"), matched without
    /// case like the suggester does; the entry of the suggested stance and the document's language wins a tie.
    /// </summary>
    private async Task<int?> LexiconEntryAsync(int documentId, SuggestionDto suggestion, CancellationToken cancellationToken)
    {
        // The words a learned suggestion shows are no lexicon entry's doing, even when they read like one.
        var cue = Fold(suggestion.Cue);
        if (cue.Length == 0 || suggestion.Learned)
        {
            return null;
        }

        var language = await db.Documents.Where(d => d.Id == documentId).Select(d => d.Language).SingleAsync(cancellationToken);
        var length = suggestion.Cue.Length;
        var candidates = await db.LexiconEntries.AsNoTracking()
            .Where(e => (e.Kind == LexiconKinds.Cue || e.Kind == LexiconKinds.WeakCue || e.Kind == LexiconKinds.Threat) && e.Text.Length == length)
            .Select(e => new { e.Id, e.Text, e.Key, e.Language })
            .ToListAsync(cancellationToken);
        return candidates
            .Where(e => Fold(e.Text) == cue)
            .OrderByDescending(e => e.Key == suggestion.Stance)
            .ThenByDescending(e => e.Language == language)
            .ThenBy(e => e.Id)
            .Select(e => (int?)e.Id)
            .FirstOrDefault();
    }

    private static string Fold(string text) => text.Trim().ToLowerInvariant().Replace('ё', 'е');
}
