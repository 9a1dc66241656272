using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Domain.Documents;
using Tracker.Domain.Lexicon;

namespace Tracker.Data.Configurations;

internal sealed class SuggestionDecisionConfiguration : IEntityTypeConfiguration<SuggestionDecision>
{
    public void Configure(EntityTypeBuilder<SuggestionDecision> builder)
    {
        builder.Property(d => d.Stance).HasMaxLength(16);
        builder.Property(d => d.TopicSlug).HasMaxLength(Limits.Slug);
        builder.Property(d => d.TopicLabel).HasMaxLength(Limits.Quote);
        builder.Property(d => d.Cue).HasMaxLength(200);
        builder.Property(d => d.DecidedBy).HasMaxLength(Limits.UserName);
        builder.HasOne<Document>().WithMany().HasForeignKey(d => d.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.LexiconEntry).WithMany().HasForeignKey(d => d.LexiconEntryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(d => new { d.DocumentId, d.Accepted });
        builder.HasIndex(d => d.LexiconEntryId);
    }
}
