using Tracker.Domain.Actors;
using Tracker.Domain.Claims;

namespace Tracker.Domain.Documents;

/// <summary>A statement as published: metadata, the raw text and its normalized, segmented body.</summary>
public class Document
{
    public int Id { get; set; }

    /// <summary>Stable key for documents loaded from seed files; null for documents imported by curators.</summary>
    public string? Key { get; set; }

    public required string Title { get; set; }
    public DocumentKind Kind { get; set; }

    /// <summary>
    /// When it was issued. Copied to <see cref="DocumentSignatory.IssuedOn"/> and to the held positions of its
    /// claims: a write path that changes it must change those in the same transaction (as correcting a document's
    /// details does).
    /// </summary>
    public DateOnly IssuedOn { get; set; }
    public string? Place { get; set; }
    public required string Language { get; set; }
    public string? SourceUrl { get; set; }
    public string? Note { get; set; }

    public required string RawText { get; set; }

    /// <summary>The normalized text every offset refers to. Never edited once it has claims.</summary>
    public required string Body { get; set; }

    /// <summary>SHA-256 of the body, so that a re-import of the same text is recognised.</summary>
    public required string ContentHash { get; set; }

    public int? TranslationOfId { get; set; }
    public Document? TranslationOf { get; set; }

    public List<DocumentSignatory> Signatories { get; set; } = [];
    public List<DocumentSection> Sections { get; set; } = [];
    public List<DocumentSentence> Sentences { get; set; } = [];
    public List<Claim> Claims { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

public class DocumentSignatory
{
    public int DocumentId { get; set; }
    public int ActorId { get; set; }
    public Actor? Actor { get; set; }

    /// <summary>Order in which the signatories are listed in the document.</summary>
    public int Position { get; set; }

    /// <summary>
    /// The document's <see cref="Document.IssuedOn"/>, kept beside the signature so that the documents an actor
    /// signed within a period are one index range (a timeline's silences) rather than a seek per document.
    /// </summary>
    public DateOnly IssuedOn { get; set; }
}

public class DocumentSection
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public int Ordinal { get; set; }
    public string? Label { get; set; }
    public string? Heading { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
}

public class DocumentSentence
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public int Ordinal { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
}
