using System.Text.Json.Serialization;
using Tracker.Domain.Claims;
using Tracker.Domain.Comparison;
using Tracker.Web.Features.Topics;

namespace Tracker.Web.Features.Positions;

/// <summary>A document as a position cites it; the title is left out (null) of a matrix asked for without quotes.</summary>
public sealed record DocumentRef(int Id, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title, DateOnly IssuedOn);

/// <summary>
/// A position: the claim it rests on. Polarity is toward the topic with negation applied; under rollup the
/// topic is the claim's own (a "golden-dome" claim shown in the "missile-defense" column).
/// </summary>
public sealed record PositionDto(
    int ClaimId,
    string Stance,
    int Polarity,
    int Intensity,
    bool Negated,
    TopicRef Topic,
    DateOnly IssuedOn,
    DocumentRef Document,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Quote);

public static class PositionMapping
{
    /// <summary>The position; without <paramref name="text"/> its quote and document title are left out.</summary>
    public static PositionDto ToDto(this PositionClaim claim, ClaimText? text, TopicRef topic) => new(
        claim.ClaimId,
        claim.Stance.Code(),
        claim.Polarity,
        claim.Intensity,
        claim.Negated,
        topic,
        claim.IssuedOn,
        new DocumentRef(claim.DocumentId, text?.DocumentTitle, claim.IssuedOn),
        text?.Quote);
}
