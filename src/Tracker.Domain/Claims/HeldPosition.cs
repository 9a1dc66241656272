namespace Tracker.Domain.Claims;

/// <summary>
/// An accepted claim as one of its holders holds it, with everything position ranking needs: a derived row,
/// one per (accepted claim, holder), kept in step with claims, holders and documents in the same transaction.
/// It exists so that "the latest position of an actor on a topic as of a date" is an index seek on
/// (actor, topic, issued on) rather than a join of holders, claims and documents.
/// </summary>
public class HeldPosition
{
    public int ClaimId { get; set; }
    public int ActorId { get; set; }
    public int TopicId { get; set; }
    public int DocumentId { get; set; }

    /// <summary>The document's issue date, copied; correcting the document's date rewrites it in the same transaction.</summary>
    public DateOnly IssuedOn { get; set; }

    public Stance Stance { get; set; }
    public int Intensity { get; set; }
    public bool Negated { get; set; }
    public int Start { get; set; }
}
