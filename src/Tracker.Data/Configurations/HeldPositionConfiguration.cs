using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Domain.Actors;
using Tracker.Domain.Claims;
using Tracker.Domain.Documents;
using Tracker.Domain.Topics;

namespace Tracker.Data.Configurations;

internal sealed class HeldPositionConfiguration : IEntityTypeConfiguration<HeldPosition>
{
    public void Configure(EntityTypeBuilder<HeldPosition> builder)
    {
        builder.HasKey(p => new { p.ClaimId, p.ActorId });
        builder.Property(p => p.Stance).HasConversion(s => s.Code(), code => StanceRules.Parse(code)).HasMaxLength(16);

        // A deleted claim takes its rows along; an actor, topic or document still referenced cannot be deleted,
        // so a write path that forgets these rows fails instead of leaving them stale.
        builder.HasOne<Claim>().WithMany().HasForeignKey(p => p.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Actor>().WithMany().HasForeignKey(p => p.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Topic>().WithMany().HasForeignKey(p => p.TopicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Document>().WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Restrict);

        // Covering, in ranking order: an actor's latest position on a topic as of a date is the end of one range.
        builder.HasIndex(p => new { p.ActorId, p.TopicId, p.IssuedOn, p.DocumentId, p.Stance, p.Intensity, p.Negated, p.Start, p.ClaimId });
        // Every actor on a topic (timeline without an actor), and the positions of one document (document diff).
        builder.HasIndex(p => new { p.TopicId, p.IssuedOn, p.ActorId });
        builder.HasIndex(p => p.DocumentId);
    }
}
