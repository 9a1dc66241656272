using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Domain.Commitments;

namespace Tracker.Data.Configurations;

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.HasOne(c => c.Claim).WithOne().HasForeignKey<Commitment>(c => c.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ClaimId).IsUnique();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasMany(c => c.Evidence).WithOne().HasForeignKey(e => e.CommitmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommitmentEvidenceConfiguration : IEntityTypeConfiguration<CommitmentEvidence>
{
    public void Configure(EntityTypeBuilder<CommitmentEvidence> builder)
    {
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.SourceUrl).HasMaxLength(2000);
        builder.Property(e => e.Note).HasMaxLength(4000);
        builder.Property(e => e.RecordedBy).HasMaxLength(Limits.UserName);
        builder.HasOne(e => e.Claim).WithMany().HasForeignKey(e => e.ClaimId).OnDelete(DeleteBehavior.SetNull);
    }
}
