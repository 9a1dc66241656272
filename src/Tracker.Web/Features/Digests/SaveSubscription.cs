using System.Net.Mail;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain.Digests;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Digests;

public sealed record SaveSubscriptionRequest(
    string? Email,
    string? Name,
    string? Cadence,
    int? Hour,
    string? TimeZone,
    string? DayOfWeek,
    bool ChangesOnly,
    List<string>? Actors,
    List<string>? Topics);

public sealed record SubscriptionDto(
    int Id,
    string Email,
    string? Name,
    string? Owner,
    string Cadence,
    int Hour,
    string TimeZone,
    string DayOfWeek,
    bool ChangesOnly,
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> Topics,
    bool Active,
    DateTimeOffset? LastPeriodEnd);

public sealed class SaveSubscriptionValidator : AbstractValidator<SaveSubscriptionRequest>
{
    public SaveSubscriptionValidator(NameDirectory directory)
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(320)
            .Must(e => MailAddress.TryCreate(e, out _)).WithMessage("'{PropertyValue}' is not an e-mail address.");
        RuleFor(x => x.Name).MaximumLength(200);
        RuleFor(x => x.Cadence).NotEmpty()
            .Must(c => Enum.TryParse<Cadence>(c, ignoreCase: true, out _) && !int.TryParse(c, out _))
            .WithMessage("Cadence is daily or weekly.");
        RuleFor(x => x.Hour).InclusiveBetween(0, 23);
        RuleFor(x => x.TimeZone)
            .Must(z => z is null || TimeZoneInfo.TryFindSystemTimeZoneById(z, out _))
            .WithMessage("'{PropertyValue}' is not a time zone; use an IANA name such as Europe/Berlin.");
        RuleFor(x => x.DayOfWeek)
            .Must(d => d is null || (Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out _) && !int.TryParse(d, out _)))
            .WithMessage("Day of week is monday … sunday.");
        RuleForEach(x => x.Actors).MustAsync(async (name, ct) => (await directory.ActorAsync(name, ct)).IsFound)
            .WithMessage("'{PropertyValue}' is not a known actor.");
        RuleForEach(x => x.Topics).MustAsync(async (name, ct) => (await directory.TopicAsync(name, ct)).IsFound)
            .WithMessage("'{PropertyValue}' is not a known topic.");
    }
}

public sealed class SaveSubscriptionHandler(TrackerDbContext db, NameDirectory directory, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<SubscriptionDto> CreateAsync(SaveSubscriptionRequest request, CancellationToken cancellationToken)
    {
        var email = request.Email!.Trim();
        var subscription = new Subscription { Email = email, OwnerUserName = await OwnerOfAsync(email, cancellationToken), CreatedAt = clock.GetUtcNow() };
        await ApplyAsync(subscription, request, cancellationToken);
        db.Subscriptions.Add(subscription);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var dto = await ToDtoAsync(subscription, cancellationToken);
        audit.Record("subscription", subscription.Id, "created", null, dto);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return dto;
    }

    public async Task<SubscriptionDto> UpdateAsync(int id, SaveSubscriptionRequest request, CancellationToken cancellationToken)
    {
        var subscription = await FindAsync(id, cancellationToken);
        var before = await ToDtoAsync(subscription, cancellationToken);
        var email = request.Email!.Trim();
        if (!string.Equals(email, subscription.Email, StringComparison.OrdinalIgnoreCase))
        {
            subscription.OwnerUserName = await OwnerOfAsync(email, cancellationToken);
        }

        subscription.Email = email;
        await ApplyAsync(subscription, request, cancellationToken);
        var after = await ToDtoAsync(subscription, cancellationToken);
        audit.Record("subscription", subscription.Id, "updated", before, after);
        await db.SaveChangesAsync(cancellationToken);
        return after;
    }

    public async Task DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var subscription = await FindAsync(id, cancellationToken);
        audit.Record("subscription", subscription.Id, "deleted", await ToDtoAsync(subscription, cancellationToken), null);
        db.Subscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A subscription the current user may see and change: their own, or any for an admin.</summary>
    public async Task<Subscription> FindAsync(int id, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.Include(s => s.Actors).Include(s => s.Topics).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null || (!user.IsAdmin && subscription.OwnerUserName != user.Name))
        {
            throw new NotFoundException($"No subscription {id}.");
        }

        return subscription;
    }

    /// <summary>The signed-in user's own address: the one a non-admin may subscribe.</summary>
    public async Task<string?> OwnEmailAsync(CancellationToken cancellationToken)
    {
        var name = user.Name;
        var own = await db.Users.AsNoTracking().Where(u => u.UserName == name).Select(u => new { u.Email, u.UserName }).SingleOrDefaultAsync(cancellationToken);
        return own?.Email ?? (own?.UserName is { } userName && MailAddress.TryCreate(userName, out _) ? userName : null);
    }

    /// <summary>
    /// Who owns a subscription to <paramref name="email"/>: the current user for their own address; for an admin
    /// subscribing someone else, the one user with that address (so they see it on their digests page), or no one
    /// (an external reader). A non-admin may only subscribe themselves, whatever the form or script sent.
    /// </summary>
    private async Task<string?> OwnerOfAsync(string email, CancellationToken cancellationToken)
    {
        if (string.Equals(email, await OwnEmailAsync(cancellationToken), StringComparison.OrdinalIgnoreCase))
        {
            return user.Name;
        }

        if (!user.IsAdmin)
        {
            throw new ValidationException([new ValidationFailure(nameof(SaveSubscriptionRequest.Email),
                "You can subscribe only your own e-mail address; an admin can subscribe others.") { AttemptedValue = email }]);
        }

        var key = email.ToUpperInvariant();
        var owners = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == key).Select(u => u.UserName).Take(2).ToListAsync(cancellationToken);
        return owners.Count == 1 ? owners[0] : null;
    }

    public async Task<SubscriptionDto> ToDtoAsync(Subscription s, CancellationToken cancellationToken)
    {
        var actorIds = s.Actors.Select(a => a.ActorId).ToList();
        var topicIds = s.Topics.Select(t => t.TopicId).ToList();
        var actors = await db.Actors.Where(a => actorIds.Contains(a.Id)).Select(a => a.Slug).ToListAsync(cancellationToken);
        var topics = await db.Topics.Where(t => topicIds.Contains(t.Id)).Select(t => t.Slug).ToListAsync(cancellationToken);
        return new SubscriptionDto(
            s.Id, s.Email, s.Name, s.OwnerUserName, s.Cadence.ToString().ToLowerInvariant(), s.Hour, s.TimeZone,
            s.DayOfWeek.ToString().ToLowerInvariant(), s.ChangesOnly, actors, topics, s.Active, s.LastPeriodEnd);
    }

    private async Task ApplyAsync(Subscription subscription, SaveSubscriptionRequest request, CancellationToken cancellationToken)
    {
        subscription.Name = request.Name;
        subscription.Cadence = Enum.Parse<Cadence>(request.Cadence!, ignoreCase: true);
        subscription.Hour = request.Hour ?? 8;
        subscription.TimeZone = request.TimeZone ?? "UTC";
        subscription.DayOfWeek = request.DayOfWeek is null ? DayOfWeek.Monday : Enum.Parse<DayOfWeek>(request.DayOfWeek, ignoreCase: true);
        subscription.ChangesOnly = request.ChangesOnly;
        subscription.Active = true;
        subscription.UnsubscribedAt = null;

        subscription.Actors.Clear();
        foreach (var name in (request.Actors ?? []).Distinct())
        {
            var actor = (await directory.ActorAsync(name, cancellationToken)).Entity!;
            if (subscription.Actors.All(a => a.ActorId != actor.Id))
            {
                subscription.Actors.Add(new SubscriptionActor { ActorId = actor.Id });
            }
        }

        subscription.Topics.Clear();
        foreach (var name in (request.Topics ?? []).Distinct())
        {
            var topic = (await directory.TopicAsync(name, cancellationToken)).Entity!;
            if (subscription.Topics.All(t => t.TopicId != topic.Id))
            {
                subscription.Topics.Add(new SubscriptionTopic { TopicId = topic.Id });
            }
        }
    }
}
