namespace Tracker.Domain.Comparison;

/// <summary>A document an actor signed: the occasions on which its silence on a topic is a signal.</summary>
public sealed record SignedDocument(int DocumentId, DateOnly IssuedOn);

/// <summary>One step of a position's history: a claim with its change label, or a silence labelled dropped.</summary>
public sealed record TimelineStep(PositionChange Change, DateOnly IssuedOn, int DocumentId, PositionClaim? Claim);

public static class PositionTimeline
{
    /// <summary>
    /// Labels one holder's claims on one topic in date order. Documents issued on the same day by the holder
    /// form one document set (the three Moscow statements of 8 May 2025 are one occasion), so a topic one of
    /// them covers is not "dropped" by its sibling. Every claim of a set is compared with the position before
    /// the set; the set's own position (<see cref="PositionRules.Latest"/>) is what the next set is compared with.
    /// A later set the holder signed that is silent on the topic yields one "dropped" step; a topic taken up
    /// again after a silence is compared with the last thing said before it.
    /// </summary>
    public static IReadOnlyList<TimelineStep> Build(IEnumerable<PositionClaim> claims, IEnumerable<SignedDocument> signedDocuments)
    {
        var claimsByDate = claims.GroupBy(c => c.IssuedOn).ToDictionary(g => g.Key, g => g.ToList());
        var signedByDate = signedDocuments.GroupBy(d => d.IssuedOn).ToDictionary(g => g.Key, g => g.ToList());
        var dates = claimsByDate.Keys.Union(signedByDate.Keys).Order();

        var steps = new List<TimelineStep>();
        PositionClaim? position = null;
        var silent = false;
        foreach (var date in dates)
        {
            if (claimsByDate.TryGetValue(date, out var set))
            {
                foreach (var claim in set.OrderBy(c => c.DocumentId).ThenBy(c => c.Start).ThenBy(c => c.ClaimId))
                {
                    steps.Add(new TimelineStep(PositionChanges.Between(position, claim)!.Value, date, claim.DocumentId, claim));
                }

                position = PositionRules.Latest(set);
                silent = false;
            }
            else if (position is not null && !silent)
            {
                var document = signedByDate[date].MaxBy(d => d.DocumentId)!;
                steps.Add(new TimelineStep(PositionChange.Dropped, date, document.DocumentId, null));
                silent = true;
            }
        }

        return steps;
    }
}
