using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Domain.Documents;

namespace Tracker.Data.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.Property(d => d.Key).HasMaxLength(Limits.Slug);
        builder.HasIndex(d => d.Key).IsUnique();
        builder.Property(d => d.Title).HasMaxLength(Limits.Title);
        builder.Property(d => d.Kind).HasConversion(k => k.Code(), code => ParseKind(code)).HasMaxLength(24);
        builder.Property(d => d.Place).HasMaxLength(200);
        builder.Property(d => d.Language).HasMaxLength(Limits.Language);
        builder.Property(d => d.SourceUrl).HasMaxLength(2000);
        builder.Property(d => d.Note).HasMaxLength(4000);
        builder.Property(d => d.ContentHash).HasMaxLength(64);
        builder.Property(d => d.CreatedBy).HasMaxLength(Limits.UserName);
        builder.HasIndex(d => d.ContentHash);
        builder.HasIndex(d => d.IssuedOn);
        // Covering the small columns: a timeline reads the dates of thousands of documents an actor signed, and
        // positions cite titles; without it each is a seek into a row that carries the whole text.
        builder.HasIndex(d => new { d.Id, d.IssuedOn, d.Title });
        builder.HasOne(d => d.TranslationOf).WithMany().HasForeignKey(d => d.TranslationOfId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(d => d.Signatories).WithOne().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Sections).WithOne().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Sentences).WithOne().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Claims).WithOne(c => c.Document).HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }

    private static DocumentKind ParseKind(string code) => DocumentKinds.TryParse(code, out var kind) ? kind : DocumentKind.Other;
}

internal sealed class DocumentSignatoryConfiguration : IEntityTypeConfiguration<DocumentSignatory>
{
    public void Configure(EntityTypeBuilder<DocumentSignatory> builder)
    {
        builder.HasKey(s => new { s.DocumentId, s.ActorId });
        builder.HasOne(s => s.Actor).WithMany().HasForeignKey(s => s.ActorId).OnDelete(DeleteBehavior.Restrict);
        // Covering: timelines ask which documents an actor signed after a date (the silences between its claims),
        // alignment and the document list which documents an actor signed at all.
        builder.HasIndex(s => new { s.ActorId, s.IssuedOn, s.DocumentId });
    }
}

internal sealed class DocumentSectionConfiguration : IEntityTypeConfiguration<DocumentSection>
{
    public void Configure(EntityTypeBuilder<DocumentSection> builder)
    {
        builder.Property(s => s.Label).HasMaxLength(40);
        builder.Property(s => s.Heading).HasMaxLength(Limits.Title);
        builder.HasIndex(s => new { s.DocumentId, s.Ordinal }).IsUnique();
    }
}

internal sealed class DocumentSentenceConfiguration : IEntityTypeConfiguration<DocumentSentence>
{
    public void Configure(EntityTypeBuilder<DocumentSentence> builder) =>
        builder.HasIndex(s => new { s.DocumentId, s.Ordinal }).IsUnique();
}
