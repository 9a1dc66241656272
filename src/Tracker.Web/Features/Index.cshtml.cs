using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracker.Domain.Claims;
using Tracker.Web.Features.Dashboard;
using Tracker.Web.Infrastructure.Views;

namespace Tracker.Web.Features;

/// <summary>The dashboard: the /api/dashboard query as the home page.</summary>
public sealed class IndexModel(DashboardQuery query) : PageModel
{
    // More bars than this no longer fit the chart's width with readable month labels.
    public const int ChartMonths = 18;

    public DashboardDto Dashboard { get; private set; } = null!;

    public StackedBars? Chart { get; private set; }

    /// <summary>The months charted, oldest first, each with its count per stance in the codebook's order.</summary>
    public IReadOnlyList<(string Month, IReadOnlyList<(string Stance, int Count)> Counts)> Months { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Dashboard = await query.HandleAsync(cancellationToken);
        Months = Dashboard.ClaimsByMonth
            .GroupBy(m => m.Month)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .TakeLast(ChartMonths)
            .Select(g => (g.Key, (IReadOnlyList<(string, int)>)StanceRules.Codes.Select(code => (code, g.Where(m => m.Stance == code).Sum(m => m.Count))).ToList()))
            .ToList();
        if (Months.Count > 0)
        {
            Chart = StackedBars.Create(
                "Accepted claims by stance per month",
                $"A stacked bar per month with statements ({Months[0].Month} to {Months[^1].Month}), one segment per stance: green shades positive stances, red shades negative. The table below holds the same counts.",
                Months.Select(m => (m.Month, (IReadOnlyList<(string, string, int)>)m.Counts.Select(c => ($"stance-{c.Stance}", PositionView.Stance(c.Stance), c.Count)).ToList())).ToList());
        }
    }
}
