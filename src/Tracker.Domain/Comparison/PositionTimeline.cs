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
        // One pass over both in date order. Of the documents signed between two dates with claims only the first
        // date matters (a topic is dropped once), so a prolific signatory's thousands of documents cost a sort.
        // Sorted in place, and only when they are not in order already (a single actor's rows usually are).
        var ordered = claims.ToList();
        Comparison<PositionClaim> byOccurrence = static (a, b) =>
            a.IssuedOn != b.IssuedOn ? a.IssuedOn.CompareTo(b.IssuedOn)
            : a.DocumentId != b.DocumentId ? a.DocumentId.CompareTo(b.DocumentId)
            : a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.ClaimId.CompareTo(b.ClaimId);
        if (!IsSorted(ordered, byOccurrence))
        {
            ordered.Sort(byOccurrence);
        }

        var signed = signedDocuments.ToArray();
        Comparison<SignedDocument> byDate = static (a, b) => a.IssuedOn != b.IssuedOn ? a.IssuedOn.CompareTo(b.IssuedOn) : a.DocumentId.CompareTo(b.DocumentId);
        if (!IsSorted(signed, byDate))
        {
            Array.Sort(signed, byDate);
        }

        var steps = new List<TimelineStep>(ordered.Count + 16);
        PositionClaim? position = null;
        var next = 0;
        for (var first = 0; first < ordered.Count;)
        {
            var date = ordered[first].IssuedOn;
            var end = first + 1;
            while (end < ordered.Count && ordered[end].IssuedOn == date)
            {
                end++;
            }

            AddSilenceBefore(date);
            var latest = ordered[first];
            for (var i = first; i < end; i++)
            {
                var claim = ordered[i];
                steps.Add(new TimelineStep(PositionChanges.Between(position, claim)!.Value, date, claim.DocumentId, claim));
                if (PositionRules.Order(claim, latest) > 0)
                {
                    latest = claim;
                }
            }

            // The set's own position: PositionRules.Latest over the set.
            position = latest;
            while (next < signed.Length && signed[next].IssuedOn <= date)
            {
                next++;
            }

            first = end;
        }

        AddSilenceBefore(DateOnly.MaxValue);
        return steps;

        // The first set of documents signed after the last claims and before the next: one "dropped" step, cited
        // by the set's latest document. Nothing is dropped before the first claim.
        void AddSilenceBefore(DateOnly before)
        {
            if (position is null || next >= signed.Length || signed[next].IssuedOn >= before)
            {
                return;
            }

            var day = signed[next].IssuedOn;
            var last = next;
            while (last + 1 < signed.Length && signed[last + 1].IssuedOn == day)
            {
                last++;
            }

            steps.Add(new TimelineStep(PositionChange.Dropped, day, signed[last].DocumentId, null));
        }
    }

    private static bool IsSorted<T>(IReadOnlyList<T> items, Comparison<T> comparison)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (comparison(items[i - 1], items[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }
}
