using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Domain.Lexicon;

namespace Tracker.Data.Configurations;

internal sealed class LexiconEntryConfiguration : IEntityTypeConfiguration<LexiconEntry>
{
    public void Configure(EntityTypeBuilder<LexiconEntry> builder)
    {
        builder.Property(e => e.Language).HasMaxLength(16);
        builder.Property(e => e.Kind).HasMaxLength(24);
        builder.Property(e => e.Key).HasMaxLength(Limits.Slug);
        builder.Property(e => e.Text).HasMaxLength(200);
        builder.HasIndex(e => new { e.Language, e.Kind, e.Key, e.Text }).IsUnique();
    }
}
