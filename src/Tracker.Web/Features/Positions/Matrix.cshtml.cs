using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Positions;

/// <summary>Who stands where on what: the actor × topic matrix as of a date.</summary>
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

    public PositionMatrixDto? Matrix { get; private set; }

    public string Query => QueryString.Create(new Dictionary<string, string?>
    {
        ["actors"] = Actors, ["topics"] = Topics, ["asOf"] = AsOf, ["rollup"] = Rollup ? "true" : null,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var request = new MatrixRequest(Actors, Topics, AsOf, Rollup);
        var result = await validator.ValidateAsync(request, cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddValidationErrors(new ValidationException(result.Errors), ModelStateErrors.NamedEntityField);
            return;
        }

        Matrix = await handler.HandleAsync(request, cancellationToken);
    }

    /// <summary>The cell's colour: green for a positive position, red for a negative one, darker the stronger.</summary>
    public static string CellClass(PositionDto? position) => position is null
        ? "cell empty"
        : $"cell {(position.Polarity > 0 ? "positive" : "negative")} i{position.Intensity}";
}
