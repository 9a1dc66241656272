using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Domain.Topics;

namespace Tracker.Data.Configurations;

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.Property(t => t.Slug).HasMaxLength(Limits.Slug);
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Description).HasMaxLength(2000);
        builder.HasOne(t => t.Parent).WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Aliases).WithOne().HasForeignKey(a => a.TopicId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TopicAliasConfiguration : IEntityTypeConfiguration<TopicAlias>
{
    public void Configure(EntityTypeBuilder<TopicAlias> builder)
    {
        builder.Property(a => a.Language).HasMaxLength(Limits.Language);
        builder.Property(a => a.Text).HasMaxLength(Limits.Alias);
        builder.Property(a => a.Key).HasMaxLength(Limits.Alias);
        builder.HasIndex(a => a.Key);
        builder.HasIndex(a => new { a.TopicId, a.Language, a.Key }).IsUnique();
    }
}
