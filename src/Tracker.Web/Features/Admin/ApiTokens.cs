using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Data.Identity;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Features.Admin;

public sealed record ApiTokenRow(int Id, string Name, string Prefix, string Owner, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

public sealed class IssueTokenRequest
{
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
}

public sealed class IssueTokenValidator : AbstractValidator<IssueTokenRequest>
{
    public IssueTokenValidator(TrackerDbContext db)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100).WithMessage("Name the token after what uses it, e.g. 'nightly export'.");
        RuleFor(r => r.UserId).NotEmpty().WithMessage("Choose the user the token acts for.")
            .MustAsync((id, ct) => db.Users.AnyAsync(u => u.Id == id && u.DisabledAt == null, ct))
            .WithMessage("Choose an active user.");
    }
}

/// <summary>Issue, list and revoke API tokens. The secret exists in memory once, in the issue response.</summary>
public sealed class ApiTokensHandler(TrackerDbContext db, IValidator<IssueTokenRequest> validator, AuditLog audit, CurrentUser currentUser, TimeProvider clock)
{
    public Task<List<ApiTokenRow>> ListAsync(CancellationToken cancellationToken) =>
        db.ApiTokens.AsNoTracking()
            .OrderBy(t => t.RevokedAt != null).ThenByDescending(t => t.Id)
            .Select(t => new ApiTokenRow(t.Id, t.Name, t.Prefix, t.User!.UserName ?? t.UserId, t.CreatedBy, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);

    /// <returns>The secret, to show once.</returns>
    public async Task<string> IssueAsync(IssueTokenRequest request, CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(request, cancellationToken);
        var secret = ApiTokenSecrets.NewSecret();
        // The audit entry needs the token's id, so two saves; one transaction keeps them one change.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var token = new ApiToken
        {
            UserId = request.UserId,
            Name = request.Name.Trim(),
            Hash = ApiTokenSecrets.Hash(secret),
            Prefix = ApiTokenSecrets.PrefixOf(secret),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = currentUser.Name,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("api-token", token.Id, "issue", null, new { token.Name, token.Prefix, token.UserId });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return secret;
    }

    public async Task RevokeAsync(int id, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new NotFoundException($"There is no API token {id}.");
        if (token.RevokedAt is not null)
        {
            return;
        }

        token.RevokedAt = clock.GetUtcNow();
        audit.Record("api-token", token.Id, "revoke", null, new { token.Name, token.Prefix });
        await db.SaveChangesAsync(cancellationToken);
    }
}
