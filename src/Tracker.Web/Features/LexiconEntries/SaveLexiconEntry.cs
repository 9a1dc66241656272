using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain;
using Tracker.Domain.Claims;
using Tracker.Domain.Lexicon;
using Tracker.Text.Suggesting;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.LexiconEntries;

/// <summary>One lexicon entry as a curator writes it. <c>Key</c> is the stance of a cue, the holder or target key.</summary>
public sealed record SaveLexiconEntryRequest(string? Language, string? Kind, string? Key, string? Text);

public sealed record LexiconEntryDto(int Id, string Language, string Kind, string Key, string Text);

public static class LexiconEntryMapping
{
    public static LexiconEntryDto ToDto(this LexiconEntry entry) => new(entry.Id, entry.Language, entry.Kind, entry.Key, entry.Text);

    /// <summary>The kinds a curator edits, in the order the page lists them.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
    [
        LexiconKinds.Cue, LexiconKinds.WeakCue, LexiconKinds.Intensifier, LexiconKinds.Softener, LexiconKinds.Negation,
        LexiconKinds.Holder, LexiconKinds.Target, LexiconKinds.Threat, LexiconKinds.Action, LexiconKinds.Reference, LexiconKinds.NotCue,
    ];
}

public sealed class SaveLexiconEntryValidator : AbstractValidator<SaveLexiconEntryRequest>
{
    public SaveLexiconEntryValidator(NameDirectory directory)
    {
        RuleFor(x => x.Language).Must(Languages.IsSupported).WithMessage($"Language is one of: {string.Join(", ", Languages.All)}.");
        RuleFor(x => x.Kind).Must(k => k is not null && LexiconEntryMapping.Kinds.Contains(k))
            .WithMessage($"Kind is one of: {string.Join(", ", LexiconEntryMapping.Kinds)}.");
        RuleFor(x => x.Text).NotEmpty().WithMessage("Give the word or phrase.").MaximumLength(200);
        RuleFor(x => x.Key).Must(k => StanceRules.TryParse(k ?? "", out _))
            .When(x => x.Kind is LexiconKinds.Cue or LexiconKinds.WeakCue)
            .WithMessage($"A cue signals a stance: one of {string.Join(", ", StanceRules.Codes)}.");
        RuleFor(x => x.Key!).CustomAsync(async (key, context, ct) =>
            {
                foreach (var slug in key.Split(',', StringSplitOptions.TrimEntries))
                {
                    if (!(await directory.ActorAsync(slug, ct)).IsFound)
                    {
                        context.AddFailure($"'{slug}' is not an actor; a holder phrase means '{LexiconLanguage.Signatories}' or actor slugs joined by commas.");
                    }
                }
            })
            .When(x => x.Kind == LexiconKinds.Holder && !string.IsNullOrWhiteSpace(x.Key) && x.Key != LexiconLanguage.Signatories);
        RuleFor(x => x.Key).NotEmpty().When(x => x.Kind == LexiconKinds.Holder)
            .WithMessage($"Say whom the phrase names: '{LexiconLanguage.Signatories}' or actor slugs joined by commas.");
        RuleFor(x => x.Key!).MustAsync(async (key, ct) => (await directory.ActorAsync(key, ct)).IsFound)
            .When(x => x.Kind == LexiconKinds.Target && !string.IsNullOrWhiteSpace(x.Key) && x.Key != LexiconLanguage.ImplicitTarget)
            .WithMessage($"A target phrase names '{LexiconLanguage.ImplicitTarget}' or an actor slug.");
        RuleFor(x => x.Key).NotEmpty().When(x => x.Kind == LexiconKinds.Target)
            .WithMessage($"Say whom the phrase targets: '{LexiconLanguage.ImplicitTarget}' or an actor slug.");
        RuleFor(x => x.Key).Empty().When(x => x.Kind is not (LexiconKinds.Cue or LexiconKinds.WeakCue or LexiconKinds.Holder or LexiconKinds.Target))
            .WithMessage("Only cues, holder and target phrases take a key.");
    }
}

/// <summary>
/// Adds, changes and deletes lexicon entries, each with an audit entry. The suggester's cache is keyed on the
/// table's row count and highest id, so a change replaces the row (a new id, decisions moved over) rather than
/// editing it in place: every app instance then rebuilds its suggester on the next request.
/// </summary>
public sealed class SaveLexiconEntryHandler(TrackerDbContext db, AuditLog audit)
{
    public async Task<LexiconEntryDto> CreateAsync(SaveLexiconEntryRequest request, CancellationToken cancellationToken)
    {
        var entry = Build(request);
        await EnsureUniqueAsync(entry, null, cancellationToken);
        db.LexiconEntries.Add(entry);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("lexicon", entry.Id, "created", null, entry.ToDto());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entry.ToDto();
    }

    public async Task<LexiconEntryDto> UpdateAsync(int id, SaveLexiconEntryRequest request, CancellationToken cancellationToken)
    {
        var old = await db.LexiconEntries.SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No lexicon entry {id}.");
        var entry = Build(request);
        if (entry.Language == old.Language && entry.Kind == old.Kind && entry.Key == old.Key && entry.Text == old.Text)
        {
            return old.ToDto();
        }

        await EnsureUniqueAsync(entry, id, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.LexiconEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await db.SuggestionDecisions.Where(d => d.LexiconEntryId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LexiconEntryId, entry.Id), cancellationToken);
        db.LexiconEntries.Remove(old);
        audit.Record("lexicon", entry.Id, "updated", old.ToDto(), entry.ToDto());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entry.ToDto();
    }

    public async Task DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var entry = await db.LexiconEntries.SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No lexicon entry {id}.");
        audit.Record("lexicon", entry.Id, "deleted", entry.ToDto(), null);
        db.LexiconEntries.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static LexiconEntry Build(SaveLexiconEntryRequest request) => new()
    {
        Language = request.Language!,
        Kind = request.Kind!,
        Key = request.Key?.Trim() ?? "",
        Text = request.Text!.Trim(),
    };

    private async Task EnsureUniqueAsync(LexiconEntry entry, int? except, CancellationToken cancellationToken)
    {
        if (await db.LexiconEntries.AnyAsync(e => e.Id != except && e.Language == entry.Language && e.Kind == entry.Kind && e.Key == entry.Key && e.Text == entry.Text, cancellationToken))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("text", $"“{entry.Text}” is in the lexicon already.")]);
        }
    }
}
