using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Data.Claims;
using CommitmentTracking = Tracker.Data.Claims.Commitments;
using Tracker.Domain.Actors;
using Tracker.Domain.Claims;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Claims;

/// <summary>The fields a curator sets on a claim. Version is required on update (optimistic concurrency).</summary>
public sealed record SaveClaimRequest(
    int? Start,
    int? End,
    string? Quote,
    List<string>? Holders,
    string? Stance,
    int? Intensity,
    string? Topic,
    string? Target,
    bool Implicit,
    bool Negated,
    string? Note,
    string? Status,
    int? Version);

public sealed class SaveClaimValidator : AbstractValidator<SaveClaimRequest>
{
    public SaveClaimValidator(NameDirectory directory)
    {
        RuleFor(x => x.Start).NotNull().GreaterThanOrEqualTo(0);
        RuleFor(x => x.End).NotNull().GreaterThan(x => x.Start ?? 0).WithMessage("End must be after start.");
        RuleFor(x => x.Quote).MaximumLength(Limits.Quote);
        RuleFor(x => x.Holders).NotEmpty().WithMessage("Name at least one holder (slug or any alias of an actor).");
        RuleForEach(x => x.Holders).CustomAsync(async (name, context, ct) => Check(await directory.ActorAsync(name, ct), name, "actor", context));
        RuleFor(x => x.Stance).NotEmpty()
            .Must(s => StanceRules.TryParse(s, out _))
            .WithMessage($"Stance is one of: {string.Join(", ", StanceRules.Codes)}.");
        RuleFor(x => x.Intensity).InclusiveBetween(StanceRules.MinIntensity, StanceRules.MaxIntensity);
        RuleFor(x => x.Topic).NotEmpty();
        RuleFor(x => x.Topic!).CustomAsync(async (name, context, ct) => Check(await directory.TopicAsync(name, ct), name, "topic", context))
            .When(x => !string.IsNullOrWhiteSpace(x.Topic));
        RuleFor(x => x.Target!).CustomAsync(async (name, context, ct) => Check(await directory.ActorAsync(name, ct), name, "actor", context))
            .When(x => !string.IsNullOrWhiteSpace(x.Target));
        RuleFor(x => x.Note).MaximumLength(4000);
        RuleFor(x => x.Status)
            .Must(s => s is null || Enum.TryParse<ClaimStatus>(s, ignoreCase: true, out _) && !int.TryParse(s, out _))
            .WithMessage("Status is one of: suggested, accepted, rejected.");
    }

    private static void Check<T>(Resolution<T> resolution, string name, string what, ValidationContext<SaveClaimRequest> context)
        where T : class
    {
        if (resolution.IsAmbiguous)
        {
            context.AddFailure($"'{name}' names several {what}s; use a slug.");
        }
        else if (!resolution.IsFound)
        {
            context.AddFailure($"'{name}' is not a known {what}.");
        }
    }
}

public sealed class SaveClaimHandler(TrackerDbContext db, NameDirectory directory, AuditLog audit, CurrentUser user, TimeProvider clock)
{
    public async Task<ClaimDto> CreateAsync(int documentId, SaveClaimRequest request, CancellationToken cancellationToken)
    {
        var claim = new Claim { DocumentId = documentId, Exact = "", CreatedAt = clock.GetUtcNow(), Version = 1 };
        await ApplyAsync(claim, request, cancellationToken);
        db.Claims.Add(claim);
        CommitmentTracking.Track(db, claim, clock.GetUtcNow());

        // A caller that also writes other rows (a topic created with the claim) holds the transaction already.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        await HeldPositions.RefreshAsync(db, [claim.Id], cancellationToken);
        var dto = claim.ToDto();
        audit.Record("claim", claim.Id, "created", null, dto);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return dto;
    }

    public async Task<ClaimDto> UpdateAsync(int id, SaveClaimRequest request, CancellationToken cancellationToken)
    {
        if (request.Version is null)
        {
            throw new ValidationException([new ValidationFailure("version", "Send the version you read, so a concurrent edit is not overwritten.")]);
        }

        var claim = await db.Claims.WithDetails().SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No claim {id}.");
        if (claim.Version != request.Version)
        {
            throw StaleVersion(claim);
        }

        var before = claim.ToDto();
        await ApplyAsync(claim, request, cancellationToken);

        // The database checks the version too, which catches an edit saved between our read and our write.
        claim.Version++;
        await CommitmentTracking.SyncAsync(db, claim, clock.GetUtcNow(), cancellationToken);
        var after = claim.ToDto();
        audit.Record("claim", claim.Id, "updated", before, after);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await HeldPositions.RefreshAsync(db, [claim.Id], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return after;
    }

    public async Task DeleteAsync(int id, int? version, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.WithDetails().SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No claim {id}.");
        if (version is not null && claim.Version != version)
        {
            throw StaleVersion(claim);
        }

        audit.Record("claim", claim.Id, "deleted", claim.ToDto(), null);
        // Its held positions go with it by cascade.
        db.Claims.Remove(claim);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ConflictException StaleVersion(Claim claim) => new(
        $"Claim {claim.Id} has changed since you read it (your version is out of date; the current one is {claim.Version}). Reload it and apply your change again.",
        new Dictionary<string, object?> { ["currentVersion"] = claim.Version });

    private async Task ApplyAsync(Claim claim, SaveClaimRequest request, CancellationToken cancellationToken)
    {
        var document = await db.Documents.Include(d => d.Sentences).SingleOrDefaultAsync(d => d.Id == claim.DocumentId, cancellationToken)
            ?? throw new NotFoundException($"No document {claim.DocumentId}.");
        var anchor = Anchor.Create(document.Body, document.Sentences, request.Start!.Value, request.End!.Value, request.Quote);
        if (anchor.Anchor is not { } a)
        {
            throw new ValidationException([new ValidationFailure(anchor.Field, anchor.Error)]);
        }

        var stance = StanceRules.Parse(request.Stance!);
        var status = request.Status is null ? ClaimStatus.Accepted : Enum.Parse<ClaimStatus>(request.Status, ignoreCase: true);

        claim.Start = a.Start;
        claim.End = a.End;
        claim.Exact = a.Exact;
        claim.Prefix = a.Prefix;
        claim.Suffix = a.Suffix;
        claim.Stance = stance;
        claim.Intensity = request.Intensity ?? stance.DefaultIntensity();
        claim.Topic = (await directory.TopicAsync(request.Topic!, cancellationToken)).Entity!;
        claim.TargetActor = string.IsNullOrWhiteSpace(request.Target) ? null : (await directory.ActorAsync(request.Target, cancellationToken)).Entity;
        claim.TargetActorId = claim.TargetActor?.Id;
        claim.Implicit = request.Implicit;
        claim.Negated = request.Negated;
        claim.Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (claim.Status != status || claim.CuratedBy is null)
        {
            claim.CuratedBy = user.Name;
            claim.CuratedAt = clock.GetUtcNow();
        }

        claim.Status = status;
        await SetHoldersAsync(claim, request.Holders!, cancellationToken);
    }

    private async Task SetHoldersAsync(Claim claim, List<string> names, CancellationToken cancellationToken)
    {
        var actors = new List<Actor>();
        foreach (var name in names)
        {
            var actor = (await directory.ActorAsync(name, cancellationToken)).Entity!;
            if (!actors.Contains(actor))
            {
                actors.Add(actor);
            }
        }

        claim.Holders.RemoveAll(h => actors.All(a => a.Id != h.ActorId));
        foreach (var actor in actors.Where(a => claim.Holders.All(h => h.ActorId != a.Id)))
        {
            claim.Holders.Add(new ClaimHolder { ActorId = actor.Id, Actor = actor });
        }
    }
}
