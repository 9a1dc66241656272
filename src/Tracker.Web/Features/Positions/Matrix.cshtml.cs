using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Positions;

/// <summary>Who stands where on what: the actor × topic matrix as of a date, from the same handler as /api/positions.</summary>
public sealed class MatrixPageModel(PositionMatrixHandler handler, IValidator<MatrixRequest> validator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Actors { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Topics { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? AsOf { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Rollup { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool AllActors { get; set; }

    public PositionMatrixDto? Matrix { get; private set; }

    /// <summary>The page's filters as a query string (without "?"), plus one more parameter.</summary>
    public string Query(string name, string value) => QueryString.Create(new Dictionary<string, string?>
    {
        ["actors"] = Actors, ["topics"] = Topics, ["asOf"] = AsOf, ["rollup"] = Rollup ? "true" : null, ["allActors"] = AllActors ? "true" : null, [name] = value,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent().TrimStart('?');

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var request = new MatrixRequest(Actors, Topics, AsOf, Rollup, AllActors);
        var result = await validator.ValidateAsync(request, cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddValidationErrors(new ValidationException(result.Errors), ModelStateErrors.NamedEntityField);
            return;
        }

        Matrix = await handler.HandleAsync(request, cancellationToken);
    }
}
