using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tracker.Data;
using Tracker.Domain;
using Tracker.Domain.Documents;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Documents;

/// <summary>
/// Import: paste or upload a page, see its normalized text and the documents the splitter proposes, move
/// the boundaries, fill in each document and store them all at once. Curators and admins only (the page is
/// authorized by convention in Program.cs).
/// </summary>
// The signed text travels back with every step: allow form values as long as the longest accepted text.
[RequestFormLimits(ValueLengthLimit = 16 * 1024 * 1024, MultipartBodyLengthLimit = 64 * 1024 * 1024)]
[RequestSizeLimit(64 * 1024 * 1024)]
public sealed class ImportDocumentsModel(
    TrackerDbContext db,
    ImportDocumentsHandler handler,
    ImportSignature signature,
    FindDocumentsHandler finder,
    IOptionsSnapshot<TrackerOptions> options) : PageModel
{
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>The page's text as converted in step 1, posted back by the preview with its signature.</summary>
    [BindProperty] public string? Raw { get; set; }
    [BindProperty] public string? Signature { get; set; }
    [BindProperty] public List<ImportDocumentInput> Documents { get; set; } = [];

    /// <summary>What a button in the preview asks for: "add", "remove-2", "signatory-1".</summary>
    [BindProperty] public string? Command { get; set; }

    public ImportDraft? Draft { get; private set; }
    public List<ImportPart> Parts { get; private set; } = [];
    public Dictionary<string, ExistingDocument> Existing { get; private set; } = [];
    /// <summary>The documents the drafts name as their originals, by id, to show each field as a label.</summary>
    public Dictionary<int, DocumentChoice> Originals { get; private set; } = [];

    public int MaxLength => options.Value.MaxDocumentLength;
    public long MaxFileBytes => ImportText.MaxFileBytes(MaxLength);

    public static IEnumerable<string> Kinds => DocumentKinds.Codes;
    public static IEnumerable<string> LanguageTags => Languages.All;

    private bool IsHtmx => Request.Headers.ContainsKey("HX-Request");

    public void OnGet()
    {
    }

    /// <summary>Step 1 → 2: read the paste or the file and propose the documents on it.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        var imported = Upload is { Length: > 0 } file
            ? await ReadFileAsync(file, cancellationToken)
            : ImportText.FromPaste(Text, MaxLength);
        if (imported.Error is not null)
        {
            ModelState.AddModelError(Upload is { Length: > 0 } ? nameof(Upload) : nameof(Text), imported.Error);
            return Page();
        }

        Draft = ImportDraft.Read(imported.Text!);
        Raw = Draft.Raw;
        Text = null;
        Signature = signature.Sign(Draft.Raw, User.Identity!.Name!);
        Documents = Draft.Propose();
        await SuggestSignatoriesAsync(cancellationToken);
        await PreviewAsync(cancellationToken);
        return Page();
    }

    /// <summary>Re-cuts the page after a boundary moved or a document or signatory was added or removed.</summary>
    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken cancellationToken)
    {
        if (!ReadDraft())
        {
            return IsHtmx ? Partial("_ImportPreview", this) : Page();
        }

        ModelState.Clear();
        Apply(Command);
        Documents = ImportDraft.InPageOrder(Documents);
        await ResolveOriginalsAsync(cancellationToken);
        await PreviewAsync(cancellationToken);
        return IsHtmx ? Partial("_ImportPreview", this) : Page();
    }

    /// <summary>Step 2 → reader: stores every document or, on any error, none.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (!ReadDraft())
        {
            return Page();
        }

        ModelState.Clear();
        foreach (var document in Documents)
        {
            document.Signatories = document.Names().Cast<string?>().ToList();
        }

        var resolved = await ResolveOriginalsAsync(cancellationToken);
        if (await PreviewAsync(cancellationToken) && resolved)
        {
            try
            {
                var created = await handler.HandleAsync(Parts, cancellationToken);
                return Redirect($"/documents/{created[0].Id}");
            }
            catch (ValidationException exception)
            {
                ModelState.AddErrors(exception);
            }
            catch (ConflictException conflict)
            {
                ModelState.AddModelError("", conflict.Message);
            }
        }

        ModelState.AddModelError("", "Nothing was stored: correct the fields marked below and confirm again.");
        return Page();
    }

    /// <summary>Typeahead for signatories: actors whose slug or any alias contains what was typed.</summary>
    public async Task<IActionResult> OnGetActorsAsync(string? q, CancellationToken cancellationToken)
    {
        // htmx sends the typing input under its own name (Documents[0].Signatories[1]); take whatever came.
        q ??= Request.Query.Where(p => p.Key != "handler").Select(p => p.Value.ToString()).FirstOrDefault();
        var key = AliasKey.From(q ?? "");
        var term = (q ?? "").Trim().ToLowerInvariant();
        if (key.Length == 0 && term.Length == 0)
        {
            return Partial("_ActorOptions", new List<ActorOption>());
        }

        var actors = await db.Actors.AsNoTracking().Include(a => a.Aliases)
            .Where(a => a.Slug.Contains(term) || a.Aliases.Any(al => al.Key.Contains(key)))
            .OrderBy(a => a.Slug).Take(12).ToListAsync(cancellationToken);
        var options = actors.Select(a => new ActorOption(a.Slug, $"{a.DisplayName()} · {string.Join(" · ", a.Aliases.Select(al => al.Text).Distinct().Take(8))}")).ToList();
        return Partial("_ActorOptions", options);
    }

    public sealed record ActorOption(string Slug, string Label);

    /// <summary>Typeahead for "translation of": documents whose title holds what was typed, or issued on that date, month or year.</summary>
    public async Task<IActionResult> OnGetDocumentsAsync(string? q, CancellationToken cancellationToken)
    {
        // htmx sends the typing input under its own name (Documents[0].TranslationOfText), as for signatories.
        q ??= Request.Query.Where(p => p.Key != "handler").Select(p => p.Value.ToString()).FirstOrDefault();
        return Partial("_DocumentOptions", await finder.SearchAsync(q, 12, cancellationToken));
    }

    /// <summary>What the "translation of" field of document <paramref name="index"/> shows: the label of its original, or the text typed.</summary>
    public string? OriginalText(int index)
    {
        var document = Documents[index];
        return document.TranslationOf is { } id
            ? Originals.TryGetValue(id, out var original) ? original.Label : document.TranslationOfText ?? $"(#{id})"
            : document.TranslationOfText;
    }

    /// <summary>
    /// Turns each typed "translation of" into the one document it names, or an error beside the field; an id
    /// posted without text (a script's form post) is kept for the validator to check. False on any error.
    /// </summary>
    private async Task<bool> ResolveOriginalsAsync(CancellationToken cancellationToken)
    {
        var resolved = true;
        for (var i = 0; i < Documents.Count; i++)
        {
            var document = Documents[i];
            if (string.IsNullOrWhiteSpace(document.TranslationOfText))
            {
                continue;
            }

            var (original, error) = await finder.ResolveAsync(document.TranslationOfText, cancellationToken);
            document.TranslationOf = original?.Id;
            if (error is not null)
            {
                ModelState.AddModelError($"Documents[{i}].TranslationOf", error);
                resolved = false;
            }
        }

        return resolved;
    }

    /// <summary>
    /// The paragraphs document <paramref name="index"/> can start at, labelled with their number and opening
    /// words: those after the previous document's start and before the next one's, so a long page does not
    /// list every paragraph for every document (to move further, remove a document in between).
    /// </summary>
    public IEnumerable<SelectListItem> ParagraphOptions(int index)
    {
        var selected = Documents[index].Start;
        var from = index == 0 ? 0 : Documents[index - 1].Start + 1;
        var to = index + 1 < Documents.Count ? Documents[index + 1].Start - 1 : Draft!.Paragraphs.Count - 1;
        return Draft!.Paragraphs.Where(p => (p.Index >= from && p.Index <= to) || p.Index == selected)
            .Select(p => new SelectListItem($"¶{p.Index + 1} · {Opening(p.Text)}", p.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Index == selected));
    }

    /// <summary>The errors of a field and of its items (Signatories, Signatories[0], …), to show beside it.</summary>
    public IEnumerable<string> ErrorsUnder(string key) => ModelState
        .Where(e => e.Key.Equals(key, StringComparison.OrdinalIgnoreCase) || e.Key.StartsWith(key + "[", StringComparison.OrdinalIgnoreCase))
        .SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage);

    public static string Opening(string text, int length = 28) => text.Length <= length ? text : text[..length] + "…";

    private async Task<ImportedText> ReadFileAsync(IFormFile file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream();
        return await ImportText.FromFileAsync(file.FileName, file.Length, stream, MaxLength, cancellationToken);
    }

    /// <summary>Accepts the posted text only if it is the one this user previewed, unchanged, and within the limit.</summary>
    private bool ReadDraft()
    {
        var raw = (Raw ?? "").ReplaceLineEndings("\n");
        if (raw.Length > MaxLength || !signature.Verify(raw, Signature, User.Identity!.Name!))
        {
            ModelState.Clear();
            Raw = null;
            Documents = [];
            const string message = "The preview has expired or its text was changed; paste or upload the text again.";
            if (IsHtmx)
            {
                // htmx swaps only successful answers; the preview then shows the message in place of the documents.
                ModelState.AddModelError("", message);
            }
            else
            {
                ModelState.AddModelError(nameof(Text), message);
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return false;
        }

        Draft = ImportDraft.Read(raw);
        Raw = Draft.Raw;
        return true;
    }

    private void Apply(string? command)
    {
        switch (command?.Split('-', 2))
        {
            case ["add"]:
                // The new document starts halfway through the longest one, for the curator to move.
                var parts = Draft!.Cut(ImportDraft.InPageOrder(Documents), out _);
                var longest = parts.OrderByDescending(p => p.End - p.BodyStart).FirstOrDefault();
                var start = longest is null ? 0 : longest.BodyStart + Math.Max(1, (longest.End - longest.BodyStart) / 2);
                if (start < Draft.Paragraphs.Count && Documents.All(d => d.Start != start))
                {
                    Documents.Add(new ImportDocumentInput
                    {
                        Start = start,
                        Language = longest?.Input.Language,
                        IssuedOn = longest?.Input.IssuedOn,
                        Kind = longest?.Input.Kind,
                    });
                }

                break;
            case ["remove", var n] when int.TryParse(n, out var index) && index >= 0 && index < Documents.Count && Documents.Count > 1:
                // The removed document's paragraphs join the one before it.
                Documents.RemoveAt(index);
                break;
            case ["signatory", var n] when int.TryParse(n, out var index) && index >= 0 && index < Documents.Count:
                Documents[index].Signatories.Add("");
                break;
        }
    }

    /// <summary>
    /// Fills the signatories of a document from the actors its title names (中华人民共和国和俄罗斯联邦…, Joint
    /// Statement of the United States and …), in the order named; the longest alias wins where names overlap.
    /// </summary>
    private async Task SuggestSignatoriesAsync(CancellationToken cancellationToken)
    {
        if (Documents.All(d => string.IsNullOrWhiteSpace(d.Title)))
        {
            return;
        }

        var aliases = await (from alias in db.ActorAliases.AsNoTracking()
                             join actor in db.Actors.AsNoTracking() on alias.ActorId equals actor.Id
                             where alias.Text.Length >= 2
                             select new { alias.Text, actor.Slug }).ToListAsync(cancellationToken);
        foreach (var document in Documents.Where(d => !string.IsNullOrWhiteSpace(d.Title) && d.Names().Count == 0))
        {
            var title = document.Title!;
            var found = aliases
                .SelectMany(a => Occurrences(title, a.Text).Select(at => (At: at, a.Text.Length, a.Slug)))
                .OrderBy(m => m.At).ThenByDescending(m => m.Length);
            var end = 0;
            var slugs = new List<string>();
            foreach (var match in found)
            {
                if (match.At >= end)
                {
                    end = match.At + match.Length;
                    if (!slugs.Contains(match.Slug))
                    {
                        slugs.Add(match.Slug);
                    }
                }
            }

            document.Signatories = slugs.Cast<string?>().ToList();
        }

        // Latin names count only as whole words: "UN" is not in "Unilateral".
        static IEnumerable<int> Occurrences(string text, string name)
        {
            for (var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var before = at == 0 ? ' ' : text[at - 1];
                var after = at + name.Length >= text.Length ? ' ' : text[at + name.Length];
                if (!char.IsAsciiLetter(name[0]) || (!char.IsAsciiLetterOrDigit(before) && !char.IsAsciiLetterOrDigit(after)))
                {
                    yield return at;
                }
            }
        }
    }

    /// <summary>Cuts the page, looks up duplicates and fills the choices; false when a boundary cannot be used.</summary>
    private async Task<bool> PreviewAsync(CancellationToken cancellationToken)
    {
        Parts = Draft!.Cut(Documents, out var errors);
        foreach (var (index, field, message) in errors)
        {
            ModelState.AddModelError($"Documents[{index}].{field}", message);
        }

        Existing = await handler.ExistingAsync(Parts.Select(p => p.Hash), cancellationToken);
        Originals = (await finder.ByIdAsync(Documents.Select(d => d.TranslationOf).OfType<int>(), cancellationToken)).ToDictionary(d => d.Id);
        return errors.Count == 0;
    }
}
