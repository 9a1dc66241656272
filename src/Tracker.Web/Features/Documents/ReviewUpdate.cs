using System.Globalization;
using System.Text;
using Tracker.Web.Features.Claims;
using Tracker.Web.Features.Suggestions;

namespace Tracker.Web.Features.Documents;

/// <summary>Where a claim stood before a change, to tell which paragraphs it touched.</summary>
public sealed record ClaimSpan(int Id, int Start, int End);

/// <summary>A suggestion card of the review panel; <c>Oob</c> marks it to replace its old self.</summary>
public sealed record SuggestionCardView(ReadDocumentModel Page, SuggestionDto Suggestion, bool Oob);

/// <summary>A claim in the list beside the text.</summary>
public sealed record ClaimCardView(DocumentDto Document, ClaimDto Claim);

/// <summary>A new card or claim and the one it goes before in text order (null: at the end of the list).</summary>
public sealed record Inserted<T>(T Item, string? BeforeId);

/// <summary>
/// What a review decision or a claim edit changed in the reader, as the fragments to send: the paragraphs whose
/// marks changed, the suggestion cards gone, changed or new (in review), and the claims gone, new or edited, each
/// in its place. The answer on the largest document is then a few kilobytes instead of the whole page.
/// </summary>
public sealed class ReviewUpdate
{
    public required IReadOnlyList<BodyParagraph> Paragraphs { get; init; }

    /// <summary>The DOM ids of the cards of suggestions no longer pending.</summary>
    public required IReadOnlyList<string> RemovedCards { get; init; }

    /// <summary>Cards still pending whose sentence changed (its "accept all" count) or that take the focus next.</summary>
    public required IReadOnlyList<SuggestionDto> ChangedCards { get; init; }

    public required IReadOnlyList<Inserted<SuggestionDto>> NewCards { get; init; }

    /// <summary>The DOM ids of claims deleted, or edited (an edited claim is removed and inserted again in its new place).</summary>
    public required IReadOnlyList<string> RemovedClaims { get; init; }

    public required IReadOnlyList<Inserted<ClaimDto>> NewClaims { get; init; }

    /// <summary>The panel is sent whole when nothing is left to review (it then says so).</summary>
    public bool WholeSuggestionPanel { get; init; }

    /// <summary>The list is sent whole when it was empty or becomes empty (its hint comes or goes).</summary>
    public bool WholeClaimList { get; init; }

    public static string CardId(string key)
    {
        // Keys carry a topic label for proposed topics (any text), so every character outside [A-Za-z0-9-] is
        // spelled as its code point, which keeps the id unique and safe in a CSS selector.
        var id = new StringBuilder("sg-");
        foreach (var rune in key.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value == '-'))
            {
                id.Append((char)rune.Value);
            }
            else
            {
                id.Append('_').Append(rune.Value.ToString("x", CultureInfo.InvariantCulture)).Append('_');
            }
        }

        return id.ToString();
    }

    public static string ClaimId(int id) => "claim-" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Compares the reader as it stood (<paramref name="before"/>, <paramref name="claimsBefore"/>) with
    /// <paramref name="after"/>, freshly loaded; <paramref name="edited"/> names claims changed in place.
    /// </summary>
    public static ReviewUpdate Between(
        IReadOnlyList<SuggestionDto> before, IReadOnlyList<ClaimSpan> claimsBefore, ReadDocumentModel after, IReadOnlyCollection<int>? edited = null)
    {
        edited ??= [];
        var beforeKeys = before.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var afterKeys = after.Suggestions.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        // An edited claim counts as gone from its old place and new in its new one: its span, and so its order, may move.
        var claimIdsAfter = after.Document.Claims.Select(c => c.Id).ToHashSet();
        var claimIdsKept = claimsBefore.Select(c => c.Id).Where(id => claimIdsAfter.Contains(id) && !edited.Contains(id)).ToHashSet();
        var gone = before.Where(s => !afterKeys.Contains(s.Key)).ToList();
        var added = after.Suggestions.Where(s => !beforeKeys.Contains(s.Key)).ToList();
        var newClaims = after.Document.Claims.Where(c => !claimIdsKept.Contains(c.Id)).ToList();
        var lostClaims = claimsBefore.Where(c => !claimIdsKept.Contains(c.Id)).ToList();

        var spans = gone.Concat(added).Select(s => (s.Start, s.End))
            .Concat(newClaims.Select(c => (c.Start, c.End)))
            .Concat(lostClaims.Select(c => (c.Start, c.End)));
        var sentences = gone.Concat(added).Select(s => after.SentenceOf(s.Start)).ToHashSet();
        var changed = after.Suggestions
            .Where(s => beforeKeys.Contains(s.Key) && (sentences.Contains(after.SentenceOf(s.Start)) || s.Key == after.CurrentSuggestion))
            .ToList();
        return new ReviewUpdate
        {
            Paragraphs = after.Body.Covering(spans).ToList(),
            RemovedCards = gone.Select(s => CardId(s.Key)).ToList(),
            ChangedCards = changed,
            NewCards = InPlace(after.Suggestions, s => !beforeKeys.Contains(s.Key), s => CardId(s.Key)),
            RemovedClaims = lostClaims.Select(c => ClaimId(c.Id)).ToList(),
            NewClaims = InPlace(after.Document.Claims, c => !claimIdsKept.Contains(c.Id), c => ClaimId(c.Id)),
            WholeSuggestionPanel = after.Suggestions.Count == 0,
            WholeClaimList = claimsBefore.Count == 0 || after.Document.Claims.Count == 0,
        };
    }

    // Each new item goes before the next item in text order that the page already shows.
    private static List<Inserted<T>> InPlace<T>(IReadOnlyList<T> ordered, Func<T, bool> isNew, Func<T, string> id)
    {
        var inserted = new List<Inserted<T>>();
        string? next = null;
        for (var i = ordered.Count - 1; i >= 0; i--)
        {
            if (isNew(ordered[i]))
            {
                inserted.Add(new Inserted<T>(ordered[i], next));
            }
            else
            {
                next = id(ordered[i]);
            }
        }

        inserted.Reverse();
        return inserted;
    }
}
