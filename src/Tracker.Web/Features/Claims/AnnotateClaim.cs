using FluentValidation;
using FluentValidation.Results;
using Tracker.Data;
using Tracker.Domain;
using Tracker.Web.Features.Topics;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Claims;

/// <summary>A topic the curator creates while annotating, because none of the taxonomy fits.</summary>
/// <param name="Name">The English name (the slug is made from it).</param>
/// <param name="Alias">Optional name in the document's language.</param>
public sealed record NewTopic(string Name, string? Alias, string? AliasLanguage, string? Parent);

/// <summary>
/// Saves a claim from the reader's form: the claim handler's own rules and audit, plus an optional new topic
/// created in the same transaction, so a refused claim leaves no orphan topic behind.
/// </summary>
public sealed class AnnotateClaimHandler(
    TrackerDbContext db,
    SaveClaimHandler claims,
    SaveTopicHandler topics,
    IValidator<SaveClaimRequest> claimValidator,
    IValidator<SaveTopicRequest> topicValidator)
{
    public async Task<ClaimDto> SaveAsync(int documentId, int? claimId, SaveClaimRequest request, NewTopic? newTopic, CancellationToken cancellationToken)
    {
        if (newTopic is null)
        {
            await claimValidator.ValidateAndThrowAsync(request, cancellationToken);
            return claimId is { } id
                ? await claims.UpdateAsync(id, request, cancellationToken)
                : await claims.CreateAsync(documentId, request, cancellationToken);
        }

        var topicRequest = TopicRequest(newTopic);
        var topicErrors = await topicValidator.ValidateAsync(topicRequest, cancellationToken);
        if (!topicErrors.IsValid)
        {
            throw new ValidationException(topicErrors.Errors.Select(e => new ValidationFailure("newTopic", e.ErrorMessage)));
        }

        // Accepting an edited suggestion holds the transaction already, to record the decision in it too.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        TopicDto topic;
        try
        {
            topic = await topics.CreateAsync(topicRequest, cancellationToken);
        }
        catch (Exception e) when (e is ConflictException or ValidationException)
        {
            throw new ValidationException([new ValidationFailure("newTopic", e is ValidationException v ? v.Errors.First().ErrorMessage : e.Message)]);
        }

        request = request with { Topic = topic.Slug };
        await claimValidator.ValidateAndThrowAsync(request, cancellationToken);
        var claim = claimId is { } existing
            ? await claims.UpdateAsync(existing, request, cancellationToken)
            : await claims.CreateAsync(documentId, request, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return claim;
    }

    private static SaveTopicRequest TopicRequest(NewTopic topic)
    {
        var names = new Dictionary<string, string> { [Languages.English] = topic.Name.Trim() };
        if (!string.IsNullOrWhiteSpace(topic.Alias) && topic.AliasLanguage is { } language && language != Languages.English)
        {
            names[language] = topic.Alias.Trim();
        }

        return new SaveTopicRequest(null, string.IsNullOrWhiteSpace(topic.Parent) ? null : topic.Parent, null, names, null);
    }
}
