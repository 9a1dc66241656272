using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Data.Documents;
using Tracker.Domain;
using Tracker.Domain.Documents;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Documents;

public sealed record CreateDocumentRequest(
    string? Title,
    string? IssuedOn,
    string? Language,
    string? Kind,
    List<string>? Signatories,
    string? SourceUrl,
    string? Place,
    string? Note,
    int? TranslationOf,
    string? Text) : IHasText;

public sealed class CreateDocumentValidator : AbstractValidator<CreateDocumentRequest>
{
    public CreateDocumentValidator(NameDirectory directory, TrackerDbContext db)
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(Limits.Title);
        RuleFor(x => x.IssuedOn).IssuedOnDate();
        RuleFor(x => x.Language).NotEmpty()
            .Must(l => Languages.Canonical(l) is not null)
            .WithMessage($"Language is one of: {string.Join(", ", Languages.All)}.");
        RuleFor(x => x.Kind)
            .Must(k => k is null || DocumentKinds.TryParse(k, out _))
            .WithMessage($"Kind is one of: {string.Join(", ", DocumentKinds.Codes)}.");
        this.Signatories(x => x.Signatories, directory);
        RuleFor(x => x.SourceUrl).SourceUrl();
        RuleFor(x => x.Place).MaximumLength(200);
        RuleFor(x => x.Note).MaximumLength(4000);
        RuleFor(x => x.TranslationOf!.Value)
            .MustAsync((id, ct) => db.Documents.AnyAsync(d => d.Id == id, ct))
            .When(x => x.TranslationOf is not null)
            .WithName("translationOf")
            .WithMessage("Document {PropertyValue} does not exist.");
        RuleFor(x => x.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("The text is empty.");
    }
}

public sealed class CreateDocumentHandler(TrackerDbContext db, NameDirectory directory, AuditLog audit, CurrentUser user, TimeProvider clock)
{
    public async Task<DocumentDto> HandleAsync(CreateDocumentRequest request, CancellationToken cancellationToken)
    {
        var document = new Document
        {
            Title = request.Title!.Trim(),
            Kind = DocumentKinds.TryParse(request.Kind, out var kind) ? kind : DocumentKind.Other,
            IssuedOn = DocumentRules.ParseDate(request.IssuedOn!),
            Language = Languages.Canonical(request.Language)!,
            Place = request.Place,
            SourceUrl = string.IsNullOrEmpty(request.SourceUrl) ? null : request.SourceUrl,
            Note = request.Note,
            TranslationOfId = request.TranslationOf,
            RawText = "",
            Body = "",
            ContentHash = "",
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = user.Name,
        };
        DocumentText.Apply(document, request.Text!);
        if (document.Body.Length == 0)
        {
            throw new ValidationException([new ValidationFailure("text", "Nothing is left of the text once page markers and white space are removed.")]);
        }

        var existing = await db.Documents.Where(d => d.ContentHash == document.ContentHash)
            .Select(d => new { d.Id, d.Title }).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            throw new ConflictException(
                $"This text is already in Tracker as document {existing.Id}, \"{existing.Title}\".",
                new Dictionary<string, object?> { ["existingDocumentId"] = existing.Id });
        }

        foreach (var (name, position) in request.Signatories!.Select((s, i) => (s, i)))
        {
            var actor = (await directory.ActorAsync(name, cancellationToken)).Entity!;
            if (document.Signatories.All(s => s.ActorId != actor.Id))
            {
                document.Signatories.Add(new DocumentSignatory { ActorId = actor.Id, Actor = actor, Position = position, IssuedOn = document.IssuedOn });
            }
        }

        db.Documents.Add(document);

        // An import stores several documents in one transaction of its own; alone, a document gets its own.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        var dto = document.ToDto();
        audit.Record("document", document.Id, "created", null, new { dto.Title, dto.Kind, dto.IssuedOn, dto.Language, Signatories = dto.Signatories.Select(s => s.Slug), document.ContentHash });
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return dto;
    }
}
