using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain;
using Tracker.Domain.Claims;
using Tracker.Web.Features.Actors;
using Tracker.Web.Features.Claims;
using Tracker.Web.Features.Review;
using Tracker.Web.Features.Suggestions;
using Tracker.Web.Infrastructure;
using Tracker.Web.Infrastructure.Auth;
using Tracker.Web.Infrastructure.Views;

namespace Tracker.Web.Features.Documents;

/// <summary>The reader's claim form: a claim's fields as a curator sets them, and an optional new topic.</summary>
public sealed class ClaimInput
{
    public int? ClaimId { get; set; }
    public int? Version { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public string? Quote { get; set; }

    /// <summary>The signatories ticked as holders (slugs).</summary>
    public List<string> Holders { get; set; } = [];

    /// <summary>Further holders by slug or any alias, comma-separated.</summary>
    public string? OtherHolders { get; set; }
    public string? Stance { get; set; }
    public int? Intensity { get; set; }
    public string? Topic { get; set; }
    public string? Target { get; set; }
    public bool Implicit { get; set; }
    public bool Negated { get; set; }
    public string? Note { get; set; }
    public string? NewTopicName { get; set; }
    public string? NewTopicParent { get; set; }

    /// <summary>The key of the suggestion this form accepts once edited; null for a claim of the curator's own.</summary>
    public string? Suggestion { get; set; }

    public IEnumerable<string> AllHolders() =>
        Holders.Concat((OtherHolders ?? "").Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>The reader's details form: a document's details as a curator corrects them.</summary>
public sealed class DocumentDetailsInput
{
    public string? Title { get; set; }

    /// <summary>YYYY-MM-DD, as a date field sends it.</summary>
    public string? IssuedOn { get; set; }
    public string? Kind { get; set; }
    public string? Place { get; set; }
    public string? SourceUrl { get; set; }

    /// <summary>One field per signatory, in order, and a blank one to add another; a field cleared removes its signatory.</summary>
    public List<string?> Signatories { get; set; } = [];

    public static DocumentDetailsInput From(DocumentDto document) => new()
    {
        Title = document.Title,
        IssuedOn = document.IssuedOn.ToString(DocumentRules.DateFormat, CultureInfo.InvariantCulture),
        Kind = document.Kind,
        Place = document.Place,
        SourceUrl = document.SourceUrl,
        Signatories = document.Signatories.Select(s => (string?)s.Slug).ToList(),
    };

    public UpdateDocumentRequest ToRequest() => new(
        Title, IssuedOn, Kind, Place, SourceUrl,
        Signatories.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).ToList());
}

/// <summary>
/// The reader: the normalized body with every claim's quote highlighted (colour by polarity, strength by
/// intensity) and the claims beside it in text order. Curators select text to open the claim form, click a
/// highlight to edit or delete it; the form and the refreshed highlights come back as htmx fragments.
/// </summary>
public sealed class ReadDocumentModel(
    ReadDocumentsHandler reader,
    AnnotateClaimHandler annotate,
    SaveClaimHandler claims,
    ClaimHistoryHandler history,
    ReviewSuggestionsHandler reviewer,
    EditDocumentHandler details,
    TrackerDbContext db,
    IAuthorizationService authorization) : PageModel
{
    public DocumentDto Document { get; private set; } = null!;
    public ReaderBody Body { get; private set; } = ReaderBody.Empty;
    public bool CanEdit { get; private set; }

    [BindProperty]
    public ClaimInput Input { get; set; } = new();

    [BindProperty]
    public DocumentDetailsInput Details { get; set; } = new();

    /// <summary>The audit entries of the document's details, newest first, under the details form.</summary>
    public List<DocumentHistoryLine> DetailsHistory { get; private set; } = [];

    /// <summary>What saving the details did ("Details saved."), shown under the document's head.</summary>
    public string? DetailsMessage { get; private set; }

    /// <summary>The audit entries of the claim in the form, newest first.</summary>
    public List<ClaimHistoryLine> History { get; private set; } = [];

    /// <summary>What the last action did ("Saved."), shown above the form.</summary>
    public string? Message { get; private set; }

    /// <summary>True when the editor's response also carries the refreshed body and claim list (out of band).</summary>
    public bool Refresh { get; private set; }

    /// <summary>A claim was deleted or the save hit a newer version: the form offers only to reopen or close.</summary>
    public bool Closed { get; private set; }

    public List<ActorRef> Actors { get; private set; } = [];

    /// <summary>Review mode: the pending suggestions are drawn in the text and listed beside it (curators only).</summary>
    public bool Review { get; private set; }

    public List<SuggestionDto> Suggestions { get; private set; } = [];

    /// <summary>The suggestion the keyboard continues with after a decision: the next one in text order.</summary>
    public string? CurrentSuggestion { get; private set; }

    /// <summary>After a review decision: the fragments it changed, sent instead of the whole reader.</summary>
    public ReviewUpdate? Update { get; private set; }

    private Dictionary<int, int>? _perSentence;

    /// <summary>The index of the sentence that holds the code point <paramref name="start"/>, or -1.</summary>
    public int SentenceOf(int start)
    {
        var sentences = Document.Sentences;
        var (low, high) = (0, sentences.Count - 1);
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (sentences[middle].End <= start)
            {
                low = middle + 1;
            }
            else if (sentences[middle].Start > start)
            {
                high = middle - 1;
            }
            else
            {
                return middle;
            }
        }

        return -1;
    }

    /// <summary>
    /// How many suggestions "accept all" on the card of <paramref name="suggestion"/> takes: the sentence's suggestions of a settled
    /// topic (named, not guessed or proposed), and this one when its topic is only guessed.
    /// </summary>
    public int InSentence(SuggestionDto suggestion)
    {
        _perSentence ??= Suggestions.Where(s => s.Topic.Settled).GroupBy(s => SentenceOf(s.Start)).ToDictionary(g => g.Key, g => g.Count());
        return _perSentence.GetValueOrDefault(SentenceOf(suggestion.Start)) + (!suggestion.Topic.Settled && suggestion.Topic.TakenByAcceptAll(chosen: true) ? 1 : 0);
    }

    public async Task<IActionResult> OnGetAsync(int id, bool review, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken, review))
        {
            return NotFound();
        }

        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(int id, string key, CancellationToken cancellationToken) =>
        DecideAsync(id, key, async () =>
        {
            var claim = await reviewer.AcceptAsync(id, key, cancellationToken);
            return $"Accepted: {PositionView.Stance(claim.Stance, claim.Negated)} · {claim.Topic.Label}.";
        }, cancellationToken);

    public Task<IActionResult> OnPostAcceptSentenceAsync(int id, string key, CancellationToken cancellationToken) =>
        DecideAsync(id, key, async () =>
        {
            var accepted = await reviewer.AcceptSentenceAsync(id, key, cancellationToken);
            return $"Accepted {accepted.Count} {(accepted.Count == 1 ? "suggestion" : "suggestions")} of the sentence.";
        }, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(int id, string key, CancellationToken cancellationToken) =>
        DecideAsync(id, key, async () =>
        {
            var rejected = await reviewer.RejectAsync(id, key, cancellationToken);
            return $"Rejected: {PositionView.Stance(rejected.Stance, rejected.Negated)} · {rejected.Topic.Label} (cue “{rejected.Cue}”).";
        }, cancellationToken);

    /// <summary>
    /// Runs one review decision and answers with what it changed, out of band: the paragraphs, cards and claims
    /// it touched and the counts. A decision that fails (the suggestion was decided meanwhile, the topic is not
    /// known) saves nothing and answers with the whole reader refreshed and the reason.
    /// </summary>
    private async Task<IActionResult> DecideAsync(int id, string key, Func<Task<string>> decide, CancellationToken cancellationToken)
    {
        if (!await CanCurateAsync())
        {
            return Forbid();
        }

        var before = await reviewer.PendingAsync(id, cancellationToken);
        var claimsBefore = await ClaimSpansAsync(id, cancellationToken);
        var decided = before.Find(s => s.Key == key);
        var failed = false;
        try
        {
            Message = await decide();
        }
        catch (Exception e) when (e is ValidationException or NotFoundException)
        {
            Message = e is ValidationException v ? string.Join(" ", v.Errors.Select(x => x.ErrorMessage).Distinct()) : e.Message;
            failed = true;
        }

        if (!await LoadAsync(id, cancellationToken, review: true))
        {
            return NotFound();
        }

        // The keyboard carries on with the suggestion that now stands where the decided one stood (the key names
        // where that was, should it have been decided meanwhile).
        var from = decided?.Start ?? SuggestionKeys.StartOf(key);
        CurrentSuggestion = (from is { } at ? Suggestions.Find(s => s.Start >= at && s.Key != key) : null)?.Key
            ?? Suggestions.LastOrDefault()?.Key;
        Refresh = true;
        if (failed)
        {
            return Partial("_ReviewRefresh", this);
        }

        Update = ReviewUpdate.Between(before, claimsBefore, this);
        return Partial("_ReviewUpdate", this);
    }

    private Task<List<ClaimSpan>> ClaimSpansAsync(int documentId, CancellationToken cancellationToken) =>
        db.Claims.AsNoTracking().Where(c => c.DocumentId == documentId).Select(c => new ClaimSpan(c.Id, c.Start, c.End)).ToListAsync(cancellationToken);

    /// <summary>The claim form: for the span [start, end) of a selection, or for an existing claim.</summary>
    public async Task<IActionResult> OnGetClaimFormAsync(int id, int? start, int? end, int? claim, string? suggestion, CancellationToken cancellationToken)
    {
        if (!await CanCurateAsync())
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (suggestion is not null)
        {
            if ((await reviewer.PendingAsync(id, cancellationToken)).Find(s => s.Key == suggestion) is not { } pending)
            {
                return NotFound();
            }

            var request = ReviewSuggestionsHandler.ToRequest(pending);
            Input = new ClaimInput
            {
                Suggestion = pending.Key,
                Start = pending.Start,
                End = pending.End,
                Quote = pending.Quote,
                Holders = request.Holders!,
                Stance = request.Stance,
                Intensity = request.Intensity,
                Topic = pending.Topic.Slug ?? pending.Topic.Label,
                Target = request.Target,
                Implicit = request.Implicit,
                Negated = request.Negated,
            };
        }
        else if (claim is { } claimId)
        {
            if (Document.Claims.FirstOrDefault(c => c.Id == claimId) is not { } existing)
            {
                return NotFound();
            }

            Input = FromClaim(existing);
            History = await history.HandleAsync(claimId, cancellationToken);
        }
        else if (start is { } from && end is { } to && from >= 0 && to > from && to <= Document.Body.EnumerateRunes().Count())
        {
            Input = new ClaimInput
            {
                Start = from,
                End = to,
                Quote = Document.Body.CodePoints(from, to),
                Holders = Document.Signatories.Select(s => s.Slug).ToList(),
            };
        }
        else
        {
            return BadRequest();
        }

        await LoadActorsAsync(cancellationToken);
        return Partial("_ClaimForm", this);
    }

    /// <summary>Typeahead of the topic field: topics whose slug or any alias contains what was typed.</summary>
    public async Task<IActionResult> OnGetTopicsAsync([FromQuery(Name = "Input.Topic")] string? q, CancellationToken cancellationToken)
    {
        var key = AliasKey.From(q ?? "");
        if (key.Length == 0)
        {
            return Content("", "text/html");
        }

        var matches = await db.TopicAliases.AsNoTracking()
            .Where(a => a.Key.Contains(key))
            .OrderBy(a => a.Key.Length).ThenBy(a => a.Id)
            .Select(a => new { a.Text, a.TopicId })
            .Take(40)
            .ToListAsync(cancellationToken);
        var ids = matches.Select(m => m.TopicId).Distinct().ToList();
        var topics = await db.Topics.AsNoTracking().Include(t => t.Aliases).Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var html = new HtmlContentBuilder();
        foreach (var match in matches.DistinctBy(m => m.TopicId).Take(12))
        {
            var topic = topics[match.TopicId];
            html.AppendHtml("<option value=\"").Append(topic.Slug).AppendHtml("\">")
                .Append($"{match.Text} · {topic.DisplayName()}").AppendHtml("</option>");
        }

        // The hint under the field says whether the text names no topic yet, so "create topic" is the way on.
        html.AppendHtml("<p id=\"topic-hint\" class=\"hint\" hx-swap-oob=\"true\">")
            .Append(matches.Count == 0 ? $"No topic is called “{q}”: create it below." : "")
            .AppendHtml("</p>");
        return Content(ToHtml(html), "text/html");
    }

    public async Task<IActionResult> OnPostSaveClaimAsync(int id, CancellationToken cancellationToken)
    {
        if (!await CanCurateAsync())
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var request = new SaveClaimRequest(
            Input.Start, Input.End, Input.Quote, Input.AllHolders().ToList(), Input.Stance, Input.Intensity,
            string.IsNullOrWhiteSpace(Input.NewTopicName) ? Input.Topic?.Trim() : null,
            string.IsNullOrWhiteSpace(Input.Target) ? null : Input.Target.Trim(),
            Input.Implicit, Input.Negated, Input.Note, null, Input.Version);
        var newTopic = string.IsNullOrWhiteSpace(Input.NewTopicName)
            ? null
            : new NewTopic(Input.NewTopicName, Input.Topic, Document.Language, Input.NewTopicParent);
        var accepting = Input.Suggestion is not null && Input.ClaimId is null;
        var review = accepting || FromReview();
        List<SuggestionDto> before = review ? await reviewer.PendingAsync(id, cancellationToken) : [];
        var claimsBefore = await ClaimSpansAsync(id, cancellationToken);
        try
        {
            var saved = accepting
                ? await reviewer.AcceptEditedAsync(id, Input.Suggestion!, request, newTopic, cancellationToken)
                : await annotate.SaveAsync(id, Input.ClaimId, request, newTopic, cancellationToken);
            Message = accepting ? "Suggestion accepted as edited." : Input.ClaimId is null ? "Claim saved." : "Changes saved.";
            Refresh = true;
            ModelState.Clear();
            await LoadAsync(id, cancellationToken, review);
            Update = ReviewUpdate.Between(before, claimsBefore, this, edited: [saved.Id]);
            Input = FromClaim(Document.Claims.Single(c => c.Id == saved.Id));
            History = await history.HandleAsync(saved.Id, cancellationToken);
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, Field);
            if (Input.ClaimId is { } claimId)
            {
                History = await history.HandleAsync(claimId, cancellationToken);
            }
        }
        catch (Exception e) when (e is ConflictException or DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else changed this claim while you had it open, so your changes were not saved. " +
                "Reopen it to see their version, then apply yours again.");
            Closed = true;
        }
        catch (NotFoundException) when (Input.Suggestion is not null && Input.ClaimId is null)
        {
            ModelState.AddModelError("", "That suggestion is no longer pending: someone decided on it meanwhile.");
            Closed = true;
        }
        catch (NotFoundException)
        {
            ModelState.AddModelError("", "This claim has been deleted by someone else.");
            Closed = true;
            Refresh = true;
        }

        await LoadActorsAsync(cancellationToken);
        return Partial("_ClaimForm", this);
    }

    public async Task<IActionResult> OnPostDeleteClaimAsync(int id, CancellationToken cancellationToken)
    {
        if (!await CanCurateAsync())
        {
            return Forbid();
        }

        if (Input.ClaimId is not { } claimId)
        {
            return BadRequest();
        }

        var review = FromReview();
        List<SuggestionDto> before = review ? await reviewer.PendingAsync(id, cancellationToken) : [];
        var claimsBefore = await ClaimSpansAsync(id, cancellationToken);
        var conflict = false;
        try
        {
            await claims.DeleteAsync(claimId, Input.Version, cancellationToken);
            Message = "Claim deleted.";
        }
        catch (ConflictException)
        {
            ModelState.AddModelError("", "Someone else changed this claim while you had it open, so it was not deleted. Reopen it to see their version.");
            conflict = true;
        }
        catch (NotFoundException)
        {
            Message = "This claim had been deleted already.";
        }

        Closed = true;
        Refresh = true;
        if (!await LoadAsync(id, cancellationToken, review))
        {
            return NotFound();
        }

        // Only the paragraphs and the card of the claim go (or whatever else changed meanwhile); after a conflict
        // the whole reader comes back, as it now stands.
        Update = conflict ? null : ReviewUpdate.Between(before, claimsBefore, this);
        return Partial("_ClaimForm", this);
    }

    /// <summary>The details form, swapped in for the document's head.</summary>
    public async Task<IActionResult> OnGetDetailsFormAsync(int id, CancellationToken cancellationToken)
    {
        if (!await CanCurateAsync())
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Details = DocumentDetailsInput.From(Document);
        await LoadDetailsFormAsync(id, cancellationToken);
        return Partial("_DetailsForm", this);
    }

    /// <summary>The document's head as it stands: what closing the details form puts back.</summary>
    public async Task<IActionResult> OnGetDetailsAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Partial("_DocumentHead", this) : NotFound();

    /// <summary>
    /// Saves the details form and answers with the new head, or with the form and its errors beside the fields
    /// when nothing was saved.
    /// </summary>
    public async Task<IActionResult> OnPostSaveDetailsAsync(int id, CancellationToken cancellationToken)
    {
        if (!await CanCurateAsync())
        {
            return Forbid();
        }

        var saved = false;
        try
        {
            await details.UpdateAsync(id, Details.ToRequest(), cancellationToken);
            saved = true;
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, DetailsField);
        }
        catch (ConflictException exception)
        {
            ModelState.AddModelError("Details.Signatories", exception.Message);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!saved)
        {
            await LoadDetailsFormAsync(id, cancellationToken);
            return Partial("_DetailsForm", this);
        }

        DetailsMessage = "Details saved.";
        return Partial("_DocumentHead", this);
    }

    /// <summary>The details form's field for a validator's property (the validator names the API's fields).</summary>
    private static string DetailsField(string property) =>
        property.StartsWith("Signatories", StringComparison.OrdinalIgnoreCase) ? "Details.Signatories"
        : property.Length == 0 ? ""
        : "Details." + char.ToUpperInvariant(property[0]) + property[1..];

    private async Task LoadDetailsFormAsync(int id, CancellationToken cancellationToken)
    {
        DetailsHistory = await details.HistoryAsync(id, cancellationToken);
        await LoadActorsAsync(cancellationToken);
    }

    /// <summary>The body with its claim marks; every piece of document text goes through the HTML encoder.</summary>
    public IHtmlContent BodyHtml() => Body.Html();

    public static string Polarity(ClaimDto claim) => Polarity(claim.Stance);

    public static string Polarity(string stanceCode) =>
        StanceRules.TryParse(stanceCode, out var stance) && stance.Polarity() < 0 ? "negative" : "positive";

    public static string SectionAnchor(int index) => "s" + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The form's field for a validator's property: the shared claim validator names API fields.</summary>
    private static string Field(string property)
    {
        var name = property.ToLowerInvariant();
        return name switch
        {
            _ when name.StartsWith("holders", StringComparison.Ordinal) => "Input.Holders",
            "start" or "end" or "quote" => "Input.Quote",
            "version" or "" => "",
            "newtopic" => "Input.NewTopicName",
            _ => "Input." + char.ToUpperInvariant(property[0]) + property[1..],
        };
    }

    private static ClaimInput FromClaim(ClaimDto claim) => new()
    {
        ClaimId = claim.Id,
        Version = claim.Version,
        Start = claim.Start,
        End = claim.End,
        Quote = claim.Quote,
        Holders = claim.Holders.Select(h => h.Slug).ToList(),
        Stance = claim.Stance,
        Intensity = claim.Intensity,
        Topic = claim.Topic.Slug,
        Target = claim.Target?.Slug,
        Implicit = claim.Implicit,
        Negated = claim.Negated,
        Note = claim.Note,
    };

    /// <summary>Holders that are not signatories go to the free field, so ticking and typing together say it all.</summary>
    public void SplitHolders()
    {
        var signatories = Document.Signatories.Select(s => s.Slug).ToHashSet(StringComparer.Ordinal);
        var others = Input.Holders.Where(h => !signatories.Contains(h)).ToList();
        if (others.Count > 0)
        {
            Input.Holders = Input.Holders.Where(signatories.Contains).ToList();
            Input.OtherHolders = string.Join(", ", others.Concat(string.IsNullOrWhiteSpace(Input.OtherHolders) ? [] : [Input.OtherHolders]));
        }
    }

    /// <summary>
    /// Whether the claim form was sent from the reader in review mode (htmx names the page in HX-Current-URL), so
    /// the paragraphs sent back keep their suggestion marks and the panel follows what the change did to it.
    /// </summary>
    private bool FromReview() =>
        Uri.TryCreate(Request.Headers["HX-Current-URL"].ToString(), UriKind.Absolute, out var page)
        && Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(page.Query).TryGetValue("review", out var value)
        && bool.TryParse(value, out var review) && review;

    private async Task<bool> CanCurateAsync() => (await authorization.AuthorizeAsync(User, Policies.Curate)).Succeeded;

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken, bool review = false)
    {
        if (await reader.GetAsync(id, cancellationToken) is not { } document)
        {
            return false;
        }

        Document = document;
        CanEdit = await CanCurateAsync();
        Review = review && CanEdit;
        Suggestions = Review ? await reviewer.PendingAsync(id, cancellationToken) : [];
        _perSentence = null;
        Body = ReaderBody.Build(document, Suggestions);
        return true;
    }

    private async Task LoadActorsAsync(CancellationToken cancellationToken)
    {
        var actors = await db.Actors.AsNoTracking().Include(a => a.Aliases).ToListAsync(cancellationToken);
        Actors = actors.Select(a => a.ToRef()).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string ToHtml(HtmlContentBuilder content)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        return writer.ToString();
    }
}

internal static class CodePointText
{
    /// <summary>The text between two code-point offsets.</summary>
    public static string CodePoints(this string text, int start, int end) =>
        string.Concat(text.EnumerateRunes().Skip(start).Take(end - start).Select(r => r.ToString()));
}
