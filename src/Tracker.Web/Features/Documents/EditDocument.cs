using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Actors;
using Tracker.Domain.Documents;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Documents;

/// <summary>
/// A document's details as they should be: all of them, as a PUT replaces them (an absent place or source URL
/// is cleared). The text, its language and its claims are not details: they are changed elsewhere or not at all.
/// </summary>
public sealed record UpdateDocumentRequest(
    string? Title,
    string? IssuedOn,
    string? Kind,
    string? Place,
    string? SourceUrl,
    List<string>? Signatories)
{
    /// <summary>Whatever else the JSON held; refused by name, so a misspelt field is not silently ignored.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

public sealed class UpdateDocumentValidator : AbstractValidator<UpdateDocumentRequest>
{
    public const string Editable = "title, issuedOn, kind, place, sourceUrl and signatories";

    public UpdateDocumentValidator(NameDirectory directory)
    {
        RuleFor(x => x.Unknown).Custom((unknown, context) =>
        {
            foreach (var name in unknown?.Keys.ToList() ?? [])
            {
                context.AddFailure(new ValidationFailure(name, $"'{name}' is not a detail that can be edited; send {Editable}."));
            }
        });
        RuleFor(x => x.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("The title is empty.").MaximumLength(Limits.Title);
        RuleFor(x => x.IssuedOn).IssuedOnDate();
        // Unlike an import, a kind left out is not "other": a correction names the kind it means.
        RuleFor(x => x.Kind).NotEmpty()
            .Must(k => DocumentKinds.TryParse(k, out _))
            .WithMessage($"Kind is one of: {string.Join(", ", DocumentKinds.Codes)}.");
        RuleFor(x => x.Place).MaximumLength(200);
        RuleFor(x => x.SourceUrl).SourceUrl();
        this.Signatories(x => x.Signatories, directory);
    }
}

/// <summary>One audit entry of a document, told as a person reads it: who, when, each field's old → new.</summary>
public sealed record DocumentHistoryLine(DateTimeOffset At, string Actor, string Action, IReadOnlyList<string> Changes);

/// <summary>
/// Corrects a document's details. Its date is copied to its signatures and to the held positions of its claims,
/// so all three change in one transaction with the audit entry, whose id is part of the stamp that tells the
/// remembered matrix and dashboard views they are stale. A signatory that holds claims in the document is not
/// removed (409): its claims would be held by someone who no longer signed.
/// </summary>
public sealed class EditDocumentHandler(
    TrackerDbContext db, NameDirectory directory, IValidator<UpdateDocumentRequest> validator, AuditLog audit, ReadDocumentsHandler reader)
{
    public async Task<DocumentDto> UpdateAsync(int id, UpdateDocumentRequest request, CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(request, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var document = await db.Documents.Include(d => d.Signatories).ThenInclude(s => s.Actor)
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No document {id}.");
        var before = Details.Of(document);

        var actors = new List<Actor>();
        foreach (var name in request.Signatories!)
        {
            var actor = (await directory.ActorAsync(name, cancellationToken)).Entity!;
            if (!actors.Contains(actor))
            {
                actors.Add(actor);
            }
        }

        var removed = document.Signatories.Where(s => actors.All(a => a.Id != s.ActorId)).ToList();
        await RefuseRemovingHoldersAsync(id, removed, cancellationToken);

        document.Title = request.Title!.Trim();
        document.IssuedOn = DocumentRules.ParseDate(request.IssuedOn!);
        document.Kind = DocumentKinds.TryParse(request.Kind, out var kind) ? kind : DocumentKind.Other;
        document.Place = Blank(request.Place);
        document.SourceUrl = Blank(request.SourceUrl);
        document.Signatories.RemoveAll(removed.Contains);
        foreach (var (actor, position) in actors.Select((a, i) => (a, i)))
        {
            var signature = document.Signatories.Find(s => s.ActorId == actor.Id);
            if (signature is null)
            {
                signature = new DocumentSignatory { ActorId = actor.Id, Actor = actor };
                document.Signatories.Add(signature);
            }

            signature.Position = position;
            signature.IssuedOn = document.IssuedOn;
        }

        var after = Details.Of(document);
        if (after == before)
        {
            return (await reader.GetAsync(id, cancellationToken))!;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (after.IssuedOn != before.IssuedOn)
        {
            await db.HeldPositions.Where(p => p.DocumentId == id)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.IssuedOn, document.IssuedOn), cancellationToken);
        }

        var (old, now) = Details.Changes(before, after);
        audit.Record("document", id, "updated", old, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await reader.GetAsync(id, cancellationToken))!;
    }

    /// <summary>Every change to the document's details, oldest first, as the audit log holds them.</summary>
    public Task<List<Domain.Auditing.AuditEntry>> EntriesAsync(int id, CancellationToken cancellationToken)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        return db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "document" && a.EntityId == key).OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The document's audit entries for the reader, newest first.</summary>
    public async Task<List<DocumentHistoryLine>> HistoryAsync(int id, CancellationToken cancellationToken) =>
        (await EntriesAsync(id, cancellationToken))
            .OrderByDescending(e => e.Id)
            .Select(e => new DocumentHistoryLine(e.At, e.Actor, e.Action, e.Action == "updated" ? Lines(e.Before, e.After) : []))
            .ToList();

    private async Task RefuseRemovingHoldersAsync(int documentId, List<DocumentSignatory> removed, CancellationToken cancellationToken)
    {
        if (removed.Count == 0)
        {
            return;
        }

        var ids = removed.Select(s => s.ActorId).ToList();
        var held = await db.ClaimHolders.AsNoTracking()
            .Where(h => ids.Contains(h.ActorId) && db.Claims.Any(c => c.Id == h.ClaimId && c.DocumentId == documentId))
            .GroupBy(h => h.ActorId)
            .Select(g => new { ActorId = g.Key, Claims = g.Count() })
            .ToListAsync(cancellationToken);
        if (held.Count == 0)
        {
            return;
        }

        var holders = held.Select(h => (Actor: removed.Single(s => s.ActorId == h.ActorId).Actor!, h.Claims)).ToList();
        var total = held.Sum(h => h.Claims);
        var told = string.Join("; ", holders.Select(h => $"{h.Actor.DisplayName()} holds {Count(h.Claims)} in this document"));
        throw new ConflictException(
            $"A signatory that holds claims cannot be removed: {told}. Take it off those claims' holders (or delete the claims) first.",
            new Dictionary<string, object?>
            {
                ["claims"] = total,
                ["holders"] = holders.Select(h => new { slug = h.Actor.Slug, claims = h.Claims }).ToList(),
            });
    }

    private static string Count(int claims) => claims == 1 ? "1 claim" : $"{claims} claims";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Lines(string? before, string? after)
    {
        if (before is null || after is null)
        {
            return [];
        }

        using var old = JsonDocument.Parse(before);
        using var now = JsonDocument.Parse(after);
        return now.RootElement.EnumerateObject()
            .Select(field => $"{Label(field.Name)}: {Show(old.RootElement, field.Name)} → {Show(now.RootElement, field.Name)}")
            .ToList();
    }

    private static string Label(string field) => field switch
    {
        "issuedOn" => "issued on",
        "sourceUrl" => "source URL",
        _ => field,
    };

    private static string Show(JsonElement details, string field) =>
        !details.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? "–"
        : value.ValueKind == JsonValueKind.Array ? string.Join(", ", value.EnumerateArray().Select(v => v.ToString()))
        : value.ToString();

    /// <summary>The details an edit can change, with signatories as slugs in their order.</summary>
    private sealed record Details(string Title, DateOnly IssuedOn, string Kind, string? Place, string? SourceUrl, string Signatories)
    {
        public static Details Of(Document document) => new(
            document.Title,
            document.IssuedOn,
            document.Kind.Code(),
            document.Place,
            document.SourceUrl,
            string.Join(' ', document.Signatories.OrderBy(s => s.Position).Select(s => s.Actor!.Slug)));

        /// <summary>Only the fields that changed, old and new, keyed as the API names them.</summary>
        public static (Dictionary<string, object?> Before, Dictionary<string, object?> After) Changes(Details before, Details after)
        {
            var (old, now) = (new Dictionary<string, object?>(), new Dictionary<string, object?>());
            void Compare(string field, object? a, object? b)
            {
                if (!Equals(a, b))
                {
                    old[field] = a;
                    now[field] = b;
                }
            }

            Compare("title", before.Title, after.Title);
            Compare("issuedOn", before.IssuedOn, after.IssuedOn);
            Compare("kind", before.Kind, after.Kind);
            Compare("place", before.Place, after.Place);
            Compare("sourceUrl", before.SourceUrl, after.SourceUrl);
            if (before.Signatories != after.Signatories)
            {
                old["signatories"] = before.Signatories.Split(' ');
                now["signatories"] = after.Signatories.Split(' ');
            }

            return (old, now);
        }
    }
}
