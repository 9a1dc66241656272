using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain;
using Tracker.Domain.Topics;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Topics;

public sealed record SaveTopicRequest(
    string? Slug,
    string? Parent,
    string? Description,
    Dictionary<string, string>? Names,
    Dictionary<string, List<string>>? Aliases);

public sealed class SaveTopicValidator : AbstractValidator<SaveTopicRequest>
{
    public SaveTopicValidator(NameDirectory directory)
    {
        RuleFor(x => x.Slug).Slug();
        RuleFor(x => x.Description).MaximumLength(2000);
        RuleFor(x => x.Parent!)
            .MustAsync(async (parent, ct) => (await directory.TopicAsync(parent, ct)).IsFound)
            .When(x => x.Parent is not null)
            .WithMessage("Parent '{PropertyValue}' is not a known topic.");
        this.NamesAndAliases(x => x.Names, x => x.Aliases);
    }
}

public sealed class SaveTopicHandler(TrackerDbContext db, NameDirectory directory, AuditLog audit)
{
    public async Task<TopicDto> CreateAsync(SaveTopicRequest request, CancellationToken cancellationToken)
    {
        var slug = request.Slug ?? AliasKey.Slugify(request.Names!.GetValueOrDefault(Languages.English) ?? request.Names!.Values.First());
        if (slug.Length == 0)
        {
            throw new ValidationException([new ValidationFailure("slug", "Give a slug: the names have no Latin letters to make one from.")]);
        }

        if (await db.Topics.AnyAsync(t => t.Slug == slug, cancellationToken))
        {
            throw new ConflictException($"A topic with slug '{slug}' exists already.", new Dictionary<string, object?> { ["slug"] = slug });
        }

        var topic = new Topic { Slug = slug };
        await ApplyAsync(topic, request, cancellationToken);
        db.Topics.Add(topic);

        // A caller that also writes other rows (a claim on the new topic) holds the transaction already.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        var dto = topic.ToDto();
        audit.Record("topic", topic.Id, "created", null, dto);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return dto;
    }

    public async Task<TopicDto> UpdateAsync(string slug, SaveTopicRequest request, CancellationToken cancellationToken)
    {
        var topic = await db.Topics.Include(t => t.Aliases).Include(t => t.Parent).SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken)
            ?? throw new NotFoundException($"No topic with slug '{slug}'.");
        var before = topic.ToDto();
        if (request.Slug is not null && request.Slug != topic.Slug)
        {
            if (await db.Topics.AnyAsync(t => t.Slug == request.Slug, cancellationToken))
            {
                throw new ConflictException($"A topic with slug '{request.Slug}' exists already.");
            }

            topic.Slug = request.Slug;
        }

        await ApplyAsync(topic, request, cancellationToken);
        if (await CreatesCycleAsync(topic, cancellationToken))
        {
            throw new ValidationException([new ValidationFailure("parent", "A topic cannot be moved under itself or one of its subtopics.")]);
        }

        var after = topic.ToDto();
        audit.Record("topic", topic.Id, "updated", before, after);
        await db.SaveChangesAsync(cancellationToken);
        return after;
    }

    private async Task ApplyAsync(Topic topic, SaveTopicRequest request, CancellationToken cancellationToken)
    {
        topic.Description = request.Description;
        topic.Parent = request.Parent is null ? null : (await directory.TopicAsync(request.Parent, cancellationToken)).Entity;
        topic.ParentId = topic.Parent?.Id;
        topic.Aliases.Clear();
        topic.Aliases.AddRange(Aliases.Build(request.Names, request.Aliases, (language, text, key, isName) =>
            new TopicAlias { Language = language, Text = text, Key = key, IsName = isName }));
    }

    private async Task<bool> CreatesCycleAsync(Topic topic, CancellationToken cancellationToken)
    {
        var parents = await db.Topics.Select(t => new { t.Id, t.ParentId }).ToDictionaryAsync(t => t.Id, t => t.ParentId, cancellationToken);
        for (var current = topic.ParentId; current is not null; current = parents.GetValueOrDefault(current.Value))
        {
            if (current == topic.Id)
            {
                return true;
            }
        }

        return false;
    }
}
