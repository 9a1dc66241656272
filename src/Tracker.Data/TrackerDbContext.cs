using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tracker.Data.Identity;
using Tracker.Domain.Actors;
using Tracker.Domain.Auditing;
using Tracker.Domain.Claims;
using Tracker.Domain.Commitments;
using Tracker.Domain.Digests;
using Tracker.Domain.Documents;
using Tracker.Domain.Lexicon;
using Tracker.Domain.Topics;

namespace Tracker.Data;

/// <summary>
/// The app's one database, Identity's users and roles included, so that a user, their API tokens and what
/// they curated live in one transaction scope and one backup.
/// </summary>
public class TrackerDbContext(DbContextOptions<TrackerDbContext> options) : IdentityDbContext<TrackerUser>(options)
{
    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<ActorAlias> ActorAliases => Set<ActorAlias>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<TopicAlias> TopicAliases => Set<TopicAlias>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentSignatory> DocumentSignatories => Set<DocumentSignatory>();
    public DbSet<DocumentSection> DocumentSections => Set<DocumentSection>();
    public DbSet<DocumentSentence> DocumentSentences => Set<DocumentSentence>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<ClaimHolder> ClaimHolders => Set<ClaimHolder>();
    public DbSet<HeldPosition> HeldPositions => Set<HeldPosition>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<CommitmentEvidence> CommitmentEvidence => Set<CommitmentEvidence>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<DigestDelivery> DigestDeliveries => Set<DigestDelivery>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<LexiconEntry> LexiconEntries => Set<LexiconEntry>();
    public DbSet<SuggestionDecision> SuggestionDecisions => Set<SuggestionDecision>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TrackerDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite stores DateTimeOffset as text it cannot order or compare; UTC ticks keep both working.
        // PostgreSQL has a native timestamptz, so the conversion applies to SQLite only.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
