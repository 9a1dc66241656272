using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;

namespace Tracker.Web.Features.Documents;

/// <summary>A document of the page already in Tracker, by its normalized body's hash.</summary>
public sealed record ExistingDocument(int Id, string Title);

/// <summary>
/// Confirms an import: every document is checked by the API's own validator first, then all are stored by
/// the API's own handler in one transaction, so a page is imported whole or not at all.
/// </summary>
public sealed class ImportDocumentsHandler(TrackerDbContext db, CreateDocumentHandler creator, IValidator<CreateDocumentRequest> validator)
{
    /// <summary>The documents already stored with one of these body hashes.</summary>
    public async Task<Dictionary<string, ExistingDocument>> ExistingAsync(IEnumerable<string> hashes, CancellationToken cancellationToken)
    {
        var wanted = hashes.Distinct().ToList();
        return (await db.Documents.AsNoTracking().Where(d => wanted.Contains(d.ContentHash))
                .OrderBy(d => d.Id).Select(d => new { d.ContentHash, d.Id, d.Title }).ToListAsync(cancellationToken))
            .DistinctBy(d => d.ContentHash)
            .ToDictionary(d => d.ContentHash, d => new ExistingDocument(d.Id, d.Title));
    }

    /// <summary>
    /// Stores the parts; a <see cref="ValidationException"/> names each failing field as
    /// <c>Documents[i].Field</c> with i the part's position in the import.
    /// </summary>
    public async Task<List<DocumentDto>> HandleAsync(IReadOnlyList<ImportPart> parts, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        var seen = new Dictionary<string, int>();
        foreach (var part in parts)
        {
            var result = await validator.ValidateAsync(part.Input.ToRequest(part.Text), cancellationToken);
            failures.AddRange(result.Errors.Select(e => new ValidationFailure($"Documents[{part.Index}].{e.PropertyName}", e.ErrorMessage)));
            if (!seen.TryAdd(part.Hash, part.Index))
            {
                failures.Add(new ValidationFailure($"Documents[{part.Index}].Text", $"This document has the same text as document {seen[part.Hash] + 1}."));
            }
        }

        var existing = await ExistingAsync(parts.Select(p => p.Hash), cancellationToken);
        foreach (var part in parts.Where(p => existing.ContainsKey(p.Hash)))
        {
            var twin = existing[part.Hash];
            failures.Add(new ValidationFailure($"Documents[{part.Index}].Text",
                $"This text is already in Tracker as document {twin.Id}, \"{twin.Title}\"; remove it from the import or open the existing one."));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = new List<DocumentDto>();
        foreach (var part in parts)
        {
            created.Add(await creator.HandleAsync(part.Input.ToRequest(part.Text), cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return created;
    }
}
