using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Data.Claims;
using Tracker.Domain.Topics;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Topics;

/// <summary>Merge the topic <see cref="Duplicate"/> into the one addressed (the survivor).</summary>
public sealed record MergeTopicRequest(string? Duplicate);

public sealed class MergeTopicValidator : AbstractValidator<MergeTopicRequest>
{
    public MergeTopicValidator(TrackerDbContext db) =>
        RuleFor(r => r.Duplicate).NotEmpty().WithMessage("Choose the duplicate to merge into this topic.")
            .MustAsync((slug, ct) => db.Topics.AnyAsync(t => t.Slug == slug, ct)).WithMessage("There is no topic '{PropertyValue}'.");
}

public sealed record MergeTopicResult(string Survivor, string Duplicate, int Claims, int Subtopics, int Aliases);

/// <summary>
/// Folds a duplicate topic into another: its claims, subtopics and aliases move to the survivor, then the
/// duplicate is deleted, in one transaction with an audit entry.
/// </summary>
public sealed class MergeTopicsHandler(TrackerDbContext db, IValidator<MergeTopicRequest> validator, AuditLog audit)
{
    public async Task<MergeTopicResult> MergeAsync(string survivorSlug, MergeTopicRequest request, CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(request, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var survivor = await db.Topics.Include(t => t.Aliases).Include(t => t.Parent).SingleOrDefaultAsync(t => t.Slug == survivorSlug, cancellationToken)
            ?? throw new NotFoundException($"No topic with slug '{survivorSlug}'.");
        var duplicate = await db.Topics.Include(t => t.Aliases).Include(t => t.Parent).SingleAsync(t => t.Slug == request.Duplicate, cancellationToken);
        if (survivor.Id == duplicate.Id)
        {
            throw Invalid("A topic cannot be merged into itself.");
        }

        // Its subtopics would become the survivor's, and one of them is the survivor's own ancestor: a cycle.
        if ((await TopicTree.SubtreeAsync(db, duplicate.Id, cancellationToken)).Contains(survivor.Id))
        {
            throw Invalid($"{survivor.DisplayName()} lies under {duplicate.DisplayName()}; move it out first, or merge the other way round.");
        }

        var before = new { survivor = survivor.ToDto(), duplicate = duplicate.ToDto() };
        var (s, d) = (survivor.Id, duplicate.Id);

        // A new version on every moved claim, so an edit based on the old topic is refused (409).
        var claims = await db.Claims.Where(c => c.TopicId == d)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.TopicId, s).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        await HeldPositions.MergeTopicAsync(db, d, s, cancellationToken);
        var subtopics = await db.Topics.Where(t => t.ParentId == d).ExecuteUpdateAsync(set => set.SetProperty(t => t.ParentId, s), cancellationToken);

        var aliases = 0;
        foreach (var alias in duplicate.Aliases.OrderByDescending(a => a.IsName).ToList())
        {
            if (survivor.Aliases.Any(a => a.Language == alias.Language && a.Key == alias.Key))
            {
                continue;
            }

            var isName = alias.IsName && !survivor.Aliases.Any(a => a.Language == alias.Language && a.IsName);
            survivor.Aliases.Add(new TopicAlias { Language = alias.Language, Text = alias.Text, Key = alias.Key, IsName = isName });
            aliases++;
        }

        db.Topics.Remove(duplicate);
        await db.SaveChangesAsync(cancellationToken);

        audit.Record("topic", survivor.Id, "merged", before, survivor.ToDto());
        audit.Record("topic", duplicate.Id, "merged-into", before.duplicate, new { into = survivor.Slug });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MergeTopicResult(survivor.Slug, duplicate.Slug, claims, subtopics, aliases);
    }

    private static ValidationException Invalid(string message) => new([new ValidationFailure(nameof(MergeTopicRequest.Duplicate), message)]);
}
