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
        var points = Timeline.Points;
        var lastDocument = new Dictionary<int, int>();
        var previous = new List<int?>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var (actor, document) = (points.Actor[i], points.DocumentId[i]);
            previous.Add(lastDocument.TryGetValue(actor, out var id) && id != document ? id : null);
            lastDocument[actor] = document;
        }

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
        var p = timeline.Points;
        var values = Enumerable.Range(0, p.Count)
            .Select(i => (Name: timeline.Actors[p.Actor[i]].Name, Date: PositionView.Date(p.IssuedOn[i]), Title: documents[p.DocumentId[i]].Title, i))
            .Select(x => p.Stance[x.i] is { } stance
                ? new LineChart.Value(x.Name, p.IssuedOn[x.i], p.Polarity[x.i]!.Value * p.Intensity[x.i]!.Value, PositionView.Polarity(p.Polarity[x.i]!.Value),
                    $"{x.Date} · {x.Name}: {PositionView.Stance(stance, p.Negated[x.i] == true)}, intensity {p.Intensity[x.i]} ({p.Change[x.i]}) · {x.Title}", 3 + p.Intensity[x.i]!.Value)
                : new LineChart.Value(x.Name, p.IssuedOn[x.i], 0, "dropped", $"{x.Date} · {x.Name}: dropped (silent in a document it signed) · {x.Title}"))
            .ToList();
        string[] labels = ["−3 against", "", "", "0", "", "", "+3 for"];
        return LineChart.Create(
            $"Position over time: {subject}",
            "Each point is a claim, placed by date and by signed strength from −3 (strongly against) to +3 (strongly for); a hollow point on the middle line is a document that fell silent (dropped). The list below holds the same entries.",
            values, -3.4, 3.4, labels.Select((l, i) => new AxisTick(i - 3, l)).Where((_, i) => i % 3 == 0).ToList(), 0, step: true);
    }
}
