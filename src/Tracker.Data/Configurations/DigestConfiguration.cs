using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Domain.Actors;
using Tracker.Domain.Digests;
using Tracker.Domain.Topics;

namespace Tracker.Data.Configurations;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.Property(s => s.Email).HasMaxLength(320);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.OwnerUserName).HasMaxLength(Limits.UserName);
        builder.Property(s => s.Cadence).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.DayOfWeek).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.HasMany(s => s.Actors).WithOne().HasForeignKey(a => a.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Topics).WithOne().HasForeignKey(t => t.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.Active, s.Cadence });
        builder.HasIndex(s => s.OwnerUserName);
    }
}

internal sealed class SubscriptionActorConfiguration : IEntityTypeConfiguration<SubscriptionActor>
{
    public void Configure(EntityTypeBuilder<SubscriptionActor> builder)
    {
        builder.HasKey(a => new { a.SubscriptionId, a.ActorId });
        builder.HasOne<Actor>().WithMany().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubscriptionTopicConfiguration : IEntityTypeConfiguration<SubscriptionTopic>
{
    public void Configure(EntityTypeBuilder<SubscriptionTopic> builder)
    {
        builder.HasKey(t => new { t.SubscriptionId, t.TopicId });
        builder.HasOne<Topic>().WithMany().HasForeignKey(t => t.TopicId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DigestDeliveryConfiguration : IEntityTypeConfiguration<DigestDelivery>
{
    public void Configure(EntityTypeBuilder<DigestDelivery> builder)
    {
        builder.HasOne(d => d.Subscription).WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);

        // The guarantee that a period is delivered at most once, whatever the jobs do.
        builder.HasIndex(d => new { d.SubscriptionId, d.PeriodEnd }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Recipient).HasMaxLength(320);
        builder.Property(d => d.Subject).HasMaxLength(500);
        builder.Property(d => d.MessageId).HasMaxLength(200);
        builder.Property(d => d.UnsubscribeUrl).HasMaxLength(2000);
        builder.Property(d => d.LastError).HasMaxLength(2000);
    }
}
