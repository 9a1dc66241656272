using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Data.Claims;
using Tracker.Domain.Actors;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Actors;

/// <summary>Merge the actor <see cref="Duplicate"/> into the one addressed (the survivor).</summary>
public sealed record MergeActorRequest(string? Duplicate);

public sealed class MergeActorValidator : AbstractValidator<MergeActorRequest>
{
    public MergeActorValidator(TrackerDbContext db) =>
        RuleFor(r => r.Duplicate).NotEmpty().WithMessage("Choose the duplicate to merge into this actor.")
            .MustAsync((slug, ct) => db.Actors.AnyAsync(a => a.Slug == slug, ct)).WithMessage("There is no actor '{PropertyValue}'.");
}

public sealed record MergeResult(string Survivor, string Duplicate, int Claims, int Signatures, int Targets, int Aliases);

/// <summary>
/// Folds a duplicate actor into another: its claims (as holder and as target), signatures, sub-actors and
/// aliases move to the survivor, then the duplicate is deleted, all in one transaction with an audit entry.
/// Rows the survivor already has (the same claim held by both) are kept once.
/// </summary>
public sealed class MergeActorsHandler(TrackerDbContext db, IValidator<MergeActorRequest> validator, AuditLog audit)
{
    public async Task<MergeResult> MergeAsync(string survivorSlug, MergeActorRequest request, CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(request, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var survivor = await db.Actors.Include(a => a.Aliases).Include(a => a.Parent).SingleOrDefaultAsync(a => a.Slug == survivorSlug, cancellationToken)
            ?? throw new NotFoundException($"No actor with slug '{survivorSlug}'.");
        var duplicate = await db.Actors.Include(a => a.Aliases).Include(a => a.Parent).SingleAsync(a => a.Slug == request.Duplicate, cancellationToken);
        if (survivor.Id == duplicate.Id)
        {
            throw Invalid("An actor cannot be merged into itself.");
        }

        if (await IsUnderAsync(survivor, duplicate.Id, cancellationToken))
        {
            throw Invalid($"{survivor.DisplayName()} belongs to {duplicate.DisplayName()}; move it out first, or merge the other way round.");
        }

        var before = new { survivor = survivor.ToDto(), duplicate = duplicate.ToDto() };
        var (s, d) = (survivor.Id, duplicate.Id);

        // Claims whose holders change get a new version, so an edit based on the old holders is refused (409).
        var claimIds = await db.ClaimHolders.Where(h => h.ActorId == d).Select(h => h.ClaimId).ToListAsync(cancellationToken);
        await db.Claims.Where(c => claimIds.Contains(c.Id) || c.TargetActorId == d)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        await db.ClaimHolders.Where(h => h.ActorId == d && db.ClaimHolders.Any(o => o.ClaimId == h.ClaimId && o.ActorId == s))
            .ExecuteDeleteAsync(cancellationToken);
        await db.ClaimHolders.Where(h => h.ActorId == d).ExecuteUpdateAsync(set => set.SetProperty(h => h.ActorId, s), cancellationToken);
        await HeldPositions.MergeActorAsync(db, d, s, cancellationToken);
        var targets = await db.Claims.Where(c => c.TargetActorId == d).ExecuteUpdateAsync(set => set.SetProperty(c => c.TargetActorId, s), cancellationToken);

        var signatures = await db.DocumentSignatories.CountAsync(x => x.ActorId == d, cancellationToken);
        await db.DocumentSignatories.Where(x => x.ActorId == d && db.DocumentSignatories.Any(o => o.DocumentId == x.DocumentId && o.ActorId == s))
            .ExecuteDeleteAsync(cancellationToken);
        await db.DocumentSignatories.Where(x => x.ActorId == d).ExecuteUpdateAsync(set => set.SetProperty(x => x.ActorId, s), cancellationToken);

        await db.Actors.Where(a => a.ParentId == d).ExecuteUpdateAsync(set => set.SetProperty(a => a.ParentId, s), cancellationToken);
        if (survivor.ParentId is null && duplicate.ParentId is { } parentId && parentId != s)
        {
            survivor.ParentId = parentId;
        }

        var aliases = MoveAliases(survivor, duplicate);
        db.Actors.Remove(duplicate);
        await db.SaveChangesAsync(cancellationToken);

        await db.Entry(survivor).Reference(a => a.Parent).LoadAsync(cancellationToken);
        audit.Record("actor", survivor.Id, "merged", before, survivor.ToDto());
        audit.Record("actor", duplicate.Id, "merged-into", before.duplicate, new { into = survivor.Slug });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MergeResult(survivor.Slug, duplicate.Slug, claimIds.Count, signatures, targets, aliases);
    }

    // The duplicate's names become the survivor's names where it has none in that language, aliases otherwise.
    private static int MoveAliases(Actor survivor, Actor duplicate)
    {
        var moved = 0;
        foreach (var alias in duplicate.Aliases.OrderByDescending(a => a.IsName).ToList())
        {
            if (survivor.Aliases.Any(a => a.Language == alias.Language && a.Key == alias.Key))
            {
                continue;
            }

            var isName = alias.IsName && !survivor.Aliases.Any(a => a.Language == alias.Language && a.IsName);
            survivor.Aliases.Add(new ActorAlias { Language = alias.Language, Text = alias.Text, Key = alias.Key, IsName = isName });
            moved++;
        }

        return moved;
    }

    private async Task<bool> IsUnderAsync(Actor actor, int ancestorId, CancellationToken cancellationToken)
    {
        var parents = await db.Actors.Select(a => new { a.Id, a.ParentId }).ToDictionaryAsync(a => a.Id, a => a.ParentId, cancellationToken);
        for (var current = actor.ParentId; current is not null; current = parents.GetValueOrDefault(current.Value))
        {
            if (current == ancestorId)
            {
                return true;
            }
        }

        return false;
    }

    private static ValidationException Invalid(string message) => new([new ValidationFailure(nameof(MergeActorRequest.Duplicate), message)]);
}
