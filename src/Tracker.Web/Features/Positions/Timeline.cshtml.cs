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

    /// <summary>The page of entries ending just before this one (the "earlier entries" link); empty: the latest.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Before { get; set; }

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

        var request = new TimelineRequest(Actor, Topic, Rollup, Before);
        var result = await validator.ValidateAsync(request, cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddValidationErrors(new ValidationException(result.Errors), ModelStateErrors.NamedEntityField);
            return;
        }

        Timeline = await handler.HandleAsync(request, cancellationToken);

        // The diff link's "from" looks back over the whole history, not just this page.
        var lastDocument = new Dictionary<string, int>();
        var previous = Timeline.Points.Select(p =>
        {
            int? before = lastDocument.TryGetValue(p.Actor, out var id) && id != p.DocumentId ? id : null;
            lastDocument[p.Actor] = p.DocumentId;
            return before;
        }).ToList();
        Previous = previous.GetRange(Timeline.First, Timeline.Entries.Count);
        Chart = ChartOf(Timeline, await handler.DocumentsOfAsync(Timeline, cancellationToken));
    }

    /// <summary>The same timeline's page that ends before entry <paramref name="before"/> (null: the latest).</summary>
    public string PageLink(int? before) => "/positions/timeline" + QueryString.Create(new Dictionary<string, string?>
    {
        ["actor"] = Actor, ["topic"] = Topic, ["rollup"] = Rollup ? "true" : null, ["before"] = before?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();

    private static LineChart ChartOf(TimelineDto timeline, Dictionary<int, DocumentRef> documents)
    {
        var subject = timeline.Actor is { } actor ? $"{actor.Name} on {timeline.Topic.Label}" : $"Every actor on {timeline.Topic.Label}";
        var names = timeline.Actors.ToDictionary(a => a.Slug, a => a.Name, StringComparer.Ordinal);
        var values = timeline.Points
            .Select(p => p.Stance is { } stance
                ? new LineChart.Value(names[p.Actor], p.IssuedOn, p.Polarity!.Value * p.Intensity!.Value, PositionView.Polarity(p.Polarity.Value),
                    $"{PositionView.Date(p.IssuedOn)} · {names[p.Actor]}: {PositionView.Stance(stance, p.Negated == true)}, intensity {p.Intensity} ({p.Change}) · {documents[p.DocumentId].Title}", 3 + p.Intensity.Value)
                : new LineChart.Value(names[p.Actor], p.IssuedOn, 0, "dropped", $"{PositionView.Date(p.IssuedOn)} · {names[p.Actor]}: dropped (silent in a document it signed) · {documents[p.DocumentId].Title}"))
            .ToList();
        string[] labels = ["−3 against", "", "", "0", "", "", "+3 for"];
        return LineChart.Create(
            $"Position over time: {subject}",
            "Each point is a claim, placed by date and by signed strength from −3 (strongly against) to +3 (strongly for); a hollow point on the middle line is a document that fell silent (dropped). The list below holds the same entries.",
            values, -3.4, 3.4, labels.Select((l, i) => new AxisTick(i - 3, l)).Where((_, i) => i % 3 == 0).ToList(), 0, step: true);
    }
}
