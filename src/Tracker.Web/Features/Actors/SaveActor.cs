using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain;
using Tracker.Domain.Actors;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Actors;

public sealed record SaveActorRequest(
    string? Slug,
    string? Kind,
    string? Iso,
    string? Parent,
    Dictionary<string, string>? Names,
    Dictionary<string, List<string>>? Aliases);

public sealed class SaveActorValidator : AbstractValidator<SaveActorRequest>
{
    public SaveActorValidator(NameDirectory directory)
    {
        RuleFor(x => x.Slug).Slug();
        RuleFor(x => x.Kind)
            .Must(k => k is null || (Enum.TryParse<ActorKind>(k, ignoreCase: true, out _) && !int.TryParse(k, out _)))
            .WithMessage($"Kind is one of: {string.Join(", ", Enum.GetNames<ActorKind>().Select(n => n.ToLowerInvariant()))}.");
        RuleFor(x => x.Iso).Matches("^[A-Z]{3}$").When(x => x.Iso is not null)
            .WithMessage("ISO code is the three upper-case letters of ISO 3166-1 alpha-3, e.g. 'CHN'.");
        RuleFor(x => x.Parent!)
            .MustAsync(async (parent, ct) => (await directory.ActorAsync(parent, ct)).IsFound)
            .When(x => x.Parent is not null)
            .WithMessage("Parent '{PropertyValue}' is not a known actor.");
        this.NamesAndAliases(x => x.Names, x => x.Aliases);
    }
}

public sealed class SaveActorHandler(TrackerDbContext db, NameDirectory directory, AuditLog audit)
{
    public async Task<ActorDto> CreateAsync(SaveActorRequest request, CancellationToken cancellationToken)
    {
        var slug = request.Slug ?? AliasKey.Slugify(request.Names!.GetValueOrDefault(Languages.English) ?? request.Names!.Values.First());
        if (slug.Length == 0)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("slug", "Give a slug: the names have no Latin letters to make one from.")]);
        }

        if (await db.Actors.AnyAsync(a => a.Slug == slug, cancellationToken))
        {
            throw new ConflictException($"An actor with slug '{slug}' exists already.", new Dictionary<string, object?> { ["slug"] = slug });
        }

        var actor = new Actor { Slug = slug };
        await ApplyAsync(actor, request, cancellationToken);
        db.Actors.Add(actor);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var dto = actor.ToDto();
        audit.Record("actor", actor.Id, "created", null, dto);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return dto;
    }

    public async Task<ActorDto> UpdateAsync(string slug, SaveActorRequest request, CancellationToken cancellationToken)
    {
        var actor = await db.Actors.Include(a => a.Aliases).Include(a => a.Parent).SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken)
            ?? throw new NotFoundException($"No actor with slug '{slug}'.");
        var before = actor.ToDto();
        if (request.Slug is not null && request.Slug != actor.Slug)
        {
            if (await db.Actors.AnyAsync(a => a.Slug == request.Slug, cancellationToken))
            {
                throw new ConflictException($"An actor with slug '{request.Slug}' exists already.");
            }

            actor.Slug = request.Slug;
        }

        await ApplyAsync(actor, request, cancellationToken);
        if (actor.ParentId == actor.Id || await IsDescendantAsync(actor.Parent, actor.Id, cancellationToken))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("parent", "An actor cannot be its own parent or the parent of its parent.")]);
        }

        var after = actor.ToDto();
        audit.Record("actor", actor.Id, "updated", before, after);
        await db.SaveChangesAsync(cancellationToken);
        return after;
    }

    private async Task ApplyAsync(Actor actor, SaveActorRequest request, CancellationToken cancellationToken)
    {
        actor.Kind = request.Kind is null ? ActorKind.Unspecified : Enum.Parse<ActorKind>(request.Kind, ignoreCase: true);
        actor.IsoCode = request.Iso;
        actor.Parent = request.Parent is null ? null : (await directory.ActorAsync(request.Parent, cancellationToken)).Entity;
        actor.ParentId = actor.Parent?.Id;
        actor.Aliases.Clear();
        actor.Aliases.AddRange(Aliases.Build(request.Names, request.Aliases, (language, text, key, isName) =>
            new ActorAlias { Language = language, Text = text, Key = key, IsName = isName }));
    }

    private async Task<bool> IsDescendantAsync(Actor? parent, int id, CancellationToken cancellationToken)
    {
        for (var current = parent; current is not null; current = current.ParentId is { } next ? await db.Actors.FindAsync([next], cancellationToken) : null)
        {
            if (current.Id == id)
            {
                return true;
            }
        }

        return false;
    }
}
