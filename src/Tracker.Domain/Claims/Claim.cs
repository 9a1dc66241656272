using Tracker.Domain.Actors;
using Tracker.Domain.Documents;
using Tracker.Domain.Topics;

namespace Tracker.Domain.Claims;

/// <summary>One position taken by one or more holders on one topic, anchored to the exact quote.</summary>
public class Claim
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public Document? Document { get; set; }

    /// <summary>Start of the quote in the document's normalized body, in Unicode code points.</summary>
    public int Start { get; set; }

    /// <summary>End of the quote (exclusive), in Unicode code points.</summary>
    public int End { get; set; }

    public required string Exact { get; set; }
    public string Prefix { get; set; } = "";
    public string Suffix { get; set; } = "";

    public List<ClaimHolder> Holders { get; set; } = [];
    public Stance Stance { get; set; }
    public int Intensity { get; set; }

    public int TopicId { get; set; }
    public Topic? Topic { get; set; }

    public int? TargetActorId { get; set; }
    public Actor? TargetActor { get; set; }

    /// <summary>The target is named only by implication ("某些核武器国家").</summary>
    public bool Implicit { get; set; }

    /// <summary>The stance is denied ("应摒弃冷战思维", "不首先在外空部署武器").</summary>
    public bool Negated { get; set; }

    public string? Note { get; set; }
    public ClaimStatus Status { get; set; }
    public string? CuratedBy { get; set; }
    public DateTimeOffset? CuratedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Optimistic concurrency token: bumped on every change, checked on every update.</summary>
    public int Version { get; set; }
}

public class ClaimHolder
{
    public int ClaimId { get; set; }
    public int ActorId { get; set; }
    public Actor? Actor { get; set; }
}
