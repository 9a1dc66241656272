using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Claims;
using Tracker.Domain.Commitments;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Commitments;

/// <summary>Why a commitment has a status: a later claim, or a source a curator cites, with a note.</summary>
public sealed record RecordEvidenceRequest(string? Status, int? ClaimId, string? SourceUrl, string? Note);

public sealed class RecordEvidenceValidator : AbstractValidator<RecordEvidenceRequest>
{
    public RecordEvidenceValidator(TrackerDbContext db)
    {
        RuleFor(x => x.Status).NotEmpty().Must(s => CommitmentStatuses.TryParse(s, out _))
            .WithMessage("Status is one of: made, reaffirmed, kept, broken, stalled.");
        RuleFor(x => x.SourceUrl).NotEmpty().When(x => x.ClaimId is null)
            .WithMessage("Cite the evidence: a claim id or a source URL.");
        RuleFor(x => x.SourceUrl!).MaximumLength(2000)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            .WithMessage("The source is an absolute http(s) URL.")
            .When(x => !string.IsNullOrWhiteSpace(x.SourceUrl));
        RuleFor(x => x.ClaimId).MustAsync(async (id, ct) => await db.Claims.AnyAsync(c => c.Id == id && c.Status == ClaimStatus.Accepted, ct))
            .WithMessage("'{PropertyValue}' is not an accepted claim.")
            .When(x => x.ClaimId is not null);
        RuleFor(x => x.Note).MaximumLength(4000);
    }
}

public sealed class RecordEvidenceHandler(TrackerDbContext db, AuditLog audit, CurrentUser user, TimeProvider clock, ListCommitmentsHandler commitments)
{
    /// <summary>Adds the evidence and sets the commitment's status in one transaction, audited with it.</summary>
    public async Task<CommitmentDto> HandleAsync(int commitmentId, RecordEvidenceRequest request, CancellationToken cancellationToken)
    {
        var commitment = await db.Commitments.SingleOrDefaultAsync(c => c.Id == commitmentId, cancellationToken)
            ?? throw new NotFoundException($"No commitment {commitmentId}.");
        if (!CommitmentStatuses.TryParse(request.Status, out var status))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("status", "Status is one of: made, reaffirmed, kept, broken, stalled.")]);
        }

        var before = new { status = commitment.Status.Code() };
        var evidence = new CommitmentEvidence
        {
            Status = status,
            ClaimId = request.ClaimId,
            SourceUrl = string.IsNullOrWhiteSpace(request.SourceUrl) ? null : request.SourceUrl.Trim(),
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            RecordedAt = clock.GetUtcNow(),
            RecordedBy = user.Name,
        };
        commitment.Evidence.Add(evidence);
        commitment.Status = status;
        commitment.UpdatedAt = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("commitment", commitment.Id, "evidence", before, new { status = status.Code(), evidence = evidence.ToDto() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await commitments.GetAsync(commitmentId, cancellationToken))!;
    }
}
