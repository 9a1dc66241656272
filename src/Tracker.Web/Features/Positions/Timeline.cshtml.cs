using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Web.Features.Claims;
using Tracker.Web.Infrastructure.Views;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Positions;

/// <summary>One actor's position on one topic over time, or every actor's: the /api/positions/timeline handler as a chart and a list.</summary>
public sealed class TimelinePageModel(PositionTimelineHandler handler, IValidator<TimelineRequest> validator, ClaimFilterOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Rollup { get; set; }

    public TimelineDto? Timeline { get; private set; }

    public LineChart? Chart { get; private set; }

    /// <summary>For each entry, the document the same actor spoke in before it: the diff link's "from".</summary>
    public IReadOnlyList<int?> Previous { get; private set; } = [];

    public List<FilterOption> Actors { get; private set; } = [];

    public List<FilterOption> Topics { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (_, Actors, Topics) = await options.LoadAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(Topic))
        {
            // A first visit chooses a topic; it is not an error yet.
            return;
        }

        var request = new TimelineRequest(Actor, Topic, Rollup);
        var result = await validator.ValidateAsync(request, cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddValidationErrors(new ValidationException(result.Errors), ModelStateErrors.NamedEntityField);
            return;
        }

        Timeline = await handler.HandleAsync(request, cancellationToken);
        var lastDocument = new Dictionary<string, int>();
        Previous = Timeline.Entries.Select(e =>
        {
            int? before = lastDocument.TryGetValue(e.Actor.Slug, out var id) && id != e.Document.Id ? id : null;
            lastDocument[e.Actor.Slug] = e.Document.Id;
            return before;
        }).ToList();
        Chart = ChartOf(Timeline);
    }

    private static LineChart ChartOf(TimelineDto timeline)
    {
        var subject = timeline.Actor is { } actor ? $"{actor.Name} on {timeline.Topic.Label}" : $"Every actor on {timeline.Topic.Label}";
        var values = timeline.Entries
            .Select(e => e.Position is { } p
                ? new LineChart.Value(e.Actor.Name, e.IssuedOn, PositionView.Strength(p), PositionView.Polarity(p),
                    $"{PositionView.Date(e.IssuedOn)} · {e.Actor.Name}: {PositionView.Stance(p)}, intensity {p.Intensity} ({e.Change}) · {e.Document.Title}", 3 + p.Intensity)
                : new LineChart.Value(e.Actor.Name, e.IssuedOn, 0, "dropped", $"{PositionView.Date(e.IssuedOn)} · {e.Actor.Name}: dropped (silent in {e.Document.Title})"))
            .ToList();
        string[] labels = ["−3 against", "", "", "0", "", "", "+3 for"];
        return LineChart.Create(
            $"Position over time: {subject}",
            "Each point is a claim, placed by date and by signed strength from −3 (strongly against) to +3 (strongly for); a hollow point on the middle line is a document that fell silent (dropped). The list below holds the same entries.",
            values, -3.4, 3.4, labels.Select((l, i) => new AxisTick(i - 3, l)).Where((_, i) => i % 3 == 0).ToList(), 0, step: true);
    }
}
