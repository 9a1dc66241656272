using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Domain.Claims;

namespace Tracker.Data.Configurations;

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.Property(c => c.Stance).HasConversion(s => s.Code(), code => ParseStance(code)).HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Exact).HasMaxLength(Limits.Quote);
        builder.Property(c => c.Prefix).HasMaxLength(64);
        builder.Property(c => c.Suffix).HasMaxLength(64);
        builder.Property(c => c.Note).HasMaxLength(4000);
        builder.Property(c => c.CuratedBy).HasMaxLength(Limits.UserName);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.Topic).WithMany().HasForeignKey(c => c.TopicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.TargetActor).WithMany().HasForeignKey(c => c.TargetActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Holders).WithOne().HasForeignKey(h => h.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.DocumentId, c.Start });
        // Covering for position reads (matrix, timeline, alignment): the topic's accepted claims with all that
        // ranking needs, without touching the rows and their quotes.
        builder.HasIndex(c => new { c.TopicId, c.Status, c.DocumentId, c.Stance, c.Intensity, c.Negated, c.Start });
        builder.HasIndex(c => c.TargetActorId);
    }

    private static Stance ParseStance(string code) =>
        StanceRules.TryParse(code, out var stance) ? stance : throw new InvalidOperationException($"Unknown stance '{code}' in the database.");
}

internal sealed class ClaimHolderConfiguration : IEntityTypeConfiguration<ClaimHolder>
{
    public void Configure(EntityTypeBuilder<ClaimHolder> builder)
    {
        builder.HasKey(h => new { h.ClaimId, h.ActorId });
        builder.HasOne(h => h.Actor).WithMany().HasForeignKey(h => h.ActorId).OnDelete(DeleteBehavior.Restrict);
        // Covering: every comparison starts from "the claims this actor holds", and reads the claim id only.
        builder.HasIndex(h => new { h.ActorId, h.ClaimId });
    }
}
