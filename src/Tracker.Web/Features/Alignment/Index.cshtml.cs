using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Web.Features.Claims;
using Tracker.Web.Infrastructure.Views;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Alignment;

/// <summary>How far two actors agree over a period: the /api/alignment handler as a page.</summary>
public sealed class AlignmentPageModel(MeasureAlignmentHandler handler, IValidator<AlignmentRequest> validator, ClaimFilterOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? A { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? B { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool ExcludeCosigned { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Interval { get; set; }

    public AlignmentDto? Alignment { get; private set; }

    public LineChart? Chart { get; private set; }

    public List<FilterOption> Actors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (_, Actors, _) = await options.LoadAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(A) && string.IsNullOrWhiteSpace(B))
        {
            return;
        }

        var request = new AlignmentRequest(A, B, From, To, ExcludeCosigned, string.IsNullOrWhiteSpace(Interval) ? null : Interval);
        var result = await validator.ValidateAsync(request, cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddValidationErrors(new ValidationException(result.Errors), ModelStateErrors.NamedEntityField);
            return;
        }

        Alignment = await handler.HandleAsync(request, cancellationToken);
        var points = Alignment.Series.Where(p => p.Score is not null).ToList();
        if (points.Count > 0)
        {
            Chart = LineChart.Create(
                $"Agreement of {Alignment.A.Name} and {Alignment.B.Name} over time",
                "The agreement score (0 = opposed on every shared topic, 1 = agreeing on every one) as it stood at each date; the table below holds the same values.",
                points.Select(p => new LineChart.Value("agreement", p.Date, p.Score!.Value, "score",
                    $"{PositionView.Date(p.Date)}: {Percent(p.Score)} over {p.SharedTopics} shared topics")).ToList(),
                0, 1, [new AxisTick(0, "0"), new AxisTick(0.5, "0.5"), new AxisTick(1, "1")], null, step: false, height: 200);
        }
    }

    public static string Percent(double? score) => score is { } s ? $"{Math.Round(s * 100).ToString(CultureInfo.InvariantCulture)}%" : "—";
}
