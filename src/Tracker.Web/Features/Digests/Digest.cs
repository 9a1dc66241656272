using Tracker.Domain.Claims;
using Tracker.Domain.Digests;

namespace Tracker.Web.Features.Digests;

/// <summary>What one digest reports: the period's new documents and claims within the filter, by topic.</summary>
public sealed record Digest(
    DigestPeriod Period,
    string Recipient,
    IReadOnlyList<DigestDocument> Documents,
    IReadOnlyList<DigestTopic> Topics,
    int NewCommitments,
    string UnsubscribeUrl)
{
    public bool IsEmpty => Documents.Count == 0 && Topics.Count == 0;

    public int ChangeCount => Topics.Sum(t => t.Items.Count(i => i.Change is not "reaffirmed"));

    /// <summary>"2 new statements · 3 position changes · 1 new commitment".</summary>
    public string Summary
    {
        get
        {
            var parts = new List<string>();
            if (Documents.Count > 0)
            {
                parts.Add(Count(Documents.Count, "new statement"));
            }

            if (ChangeCount > 0)
            {
                parts.Add(Count(ChangeCount, "position change"));
            }

            if (NewCommitments > 0)
            {
                parts.Add(Count(NewCommitments, "new commitment"));
            }

            return parts.Count == 0 ? "No changes" : string.Join(" · ", parts);
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}

public sealed record DigestDocument(int Id, string Title, DateOnly IssuedOn, string Signatories, string Url);

public sealed record DigestTopic(string Slug, string Label, IReadOnlyList<DigestItem> Items);

/// <summary>One holder's claim on the topic, with how it moved their position ("reversed", "new" …).</summary>
public sealed record DigestItem(
    string Holder,
    string Stance,
    bool Negated,
    string? PreviousStance,
    bool PreviousNegated,
    string Change,
    string Quote,
    string DocumentTitle,
    DateOnly IssuedOn,
    string Url)
{
    /// <summary>"Russia moved from opposes to condemns", "China: new, calls for an end to" (stances in words, negation read).</summary>
    public string Headline => PreviousStance is null || (PreviousStance == Stance && PreviousNegated == Negated)
        ? $"{Holder}: {Change}, {StanceRules.Words(Stance, Negated)}"
        : $"{Holder} moved from {StanceRules.Words(PreviousStance, PreviousNegated)} to {StanceRules.Words(Stance, Negated)} ({Change})";

    /// <summary>+1 or −1 toward the topic, negation included: the colour of the item.</summary>
    public int Polarity => StanceRules.TryParse(Stance, out var stance) ? stance.Polarity(Negated) : 1;
}
