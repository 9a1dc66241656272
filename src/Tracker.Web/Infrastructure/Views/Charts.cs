using System.Globalization;

namespace Tracker.Web.Infrastructure.Views;

// Chart geometry for the server-rendered SVG partials (_LineChart, _StackedBars): the numbers are worked out
// here, the markup stays in Razor, which encodes every label.

public sealed record AxisTick(double At, string Label);

/// <summary>A point in chart coordinates, with its CSS class (positive, negative, dropped) and its tooltip.</summary>
public sealed record ChartPoint(double X, double Y, double Radius, string Css, string Label);

/// <summary>A line; <paramref name="Css"/> (series-0 … series-7) picks its colour, which the page's legend repeats.</summary>
public sealed record ChartSeries(string Name, string Css, IReadOnlyList<ChartPoint> Points, string Path);

public sealed record LineChart(
    string Title,
    string Description,
    double Width,
    double Height,
    double Left,
    double Right,
    double Top,
    double Bottom,
    IReadOnlyList<AxisTick> XTicks,
    IReadOnlyList<AxisTick> YTicks,
    double? BaselineY,
    IReadOnlyList<ChartSeries> Series)
{
    public const double DefaultWidth = 720;

    /// <summary>One value of one series on one date.</summary>
    public sealed record Value(string Series, DateOnly Date, double Y, string Css, string Label, double Radius = 5);

    /// <summary>
    /// Dates on a time axis, values between <paramref name="yMin"/> and <paramref name="yMax"/>; each series a
    /// step line (a position holds until the next statement) or a straight one.
    /// </summary>
    public static LineChart Create(
        string title, string description, IReadOnlyList<Value> values, double yMin, double yMax, IReadOnlyList<AxisTick> yTicks,
        double? baseline, bool step, double height = 240)
    {
        const double left = 84, right = 24, top = 16, bottom = 32;
        var width = DefaultWidth;
        var first = values.Count == 0 ? DateOnly.FromDateTime(DateTime.UtcNow) : values.Min(v => v.Date);
        var last = values.Count == 0 ? first : values.Max(v => v.Date);
        // A margin either side (a month at least, for a single date), so no point is squeezed against an axis.
        var margin = Math.Max(30, (last.DayNumber - first.DayNumber) / 20);
        first = first.AddDays(-margin);
        last = last.AddDays(margin);

        double X(DateOnly date) => left + (width - left - right) * (date.DayNumber - first.DayNumber) / (last.DayNumber - first.DayNumber);
        double Y(double y) => top + (height - top - bottom) * (yMax - y) / (yMax - yMin);

        // Actors who said the same thing on the same day would hide each other: each line is nudged sideways a little.
        var groups = values.GroupBy(v => v.Series).ToList();
        double Nudge(int i) => (i - (groups.Count - 1) / 2.0) * 4;
        var series = groups
            .Select((g, i) =>
            {
                var points = g.OrderBy(v => v.Date).Select(v => new ChartPoint(X(v.Date) + Nudge(i), Y(v.Y), v.Radius, v.Css, v.Label)).ToList();
                return new ChartSeries(g.Key, $"series-{i % 8}", points, PathOf(points, step));
            })
            .ToList();
        var xTicks = DateTicks(first, last).Select(d => new AxisTick(X(d), d.ToString(last.Year - first.Year >= 2 ? "yyyy" : "yyyy-MM", CultureInfo.InvariantCulture))).ToList();
        if (xTicks.Count == 0)
        {
            // A short span with no quarter inside it: the statements' own dates are the ticks.
            xTicks = values.Select(v => v.Date).Distinct().Order().Take(6)
                .Select(d => new AxisTick(X(d), d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();
        }

        return new LineChart(
            title, description, width, height, left, right, top, bottom,
            xTicks,
            yTicks.Select(t => t with { At = Y(t.At) }).ToList(),
            baseline is { } b ? Y(b) : null,
            series);
    }

    private static string PathOf(List<ChartPoint> points, bool step)
    {
        var parts = new List<string>();
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var x = p.X.ToString("0.#", CultureInfo.InvariantCulture);
            var y = p.Y.ToString("0.#", CultureInfo.InvariantCulture);
            if (i == 0)
            {
                parts.Add($"M{x},{y}");
            }
            else if (step)
            {
                parts.Add($"H{x} V{y}");
            }
            else
            {
                parts.Add($"L{x},{y}");
            }
        }

        return string.Join(' ', parts);
    }

    /// <summary>1 January of each year in the span, or the first of each quarter when it is under two years.</summary>
    private static IEnumerable<DateOnly> DateTicks(DateOnly first, DateOnly last)
    {
        if (last.Year - first.Year >= 2)
        {
            var every = Math.Max(1, (last.Year - first.Year + 1) / 8);
            for (var year = first.Year + 1; year <= last.Year; year += every)
            {
                yield return new DateOnly(year, 1, 1);
            }

            yield break;
        }

        for (var d = new DateOnly(first.Year, first.Month, 1).AddMonths(1); d <= last; d = d.AddMonths(1))
        {
            if ((d.Month - 1) % 3 == 0)
            {
                yield return d;
            }
        }
    }
}

/// <summary>One bar of a stacked bar chart: a category (a month) and its segments from the bottom up.</summary>
/// <summary>One bar; <paramref name="ShowLabel"/> is false where labels would overlap (every other one, or fewer, is kept).</summary>
public sealed record Bar(string Label, double X, double Width, IReadOnlyList<BarSegment> Segments, int Total, bool ShowLabel = true);

public sealed record BarSegment(double Y, double Height, string Css, string Label);

public sealed record StackedBars(string Title, string Description, double Width, double Height, double Left, double Bottom, IReadOnlyList<AxisTick> YTicks, IReadOnlyList<Bar> Bars)
{
    public static StackedBars Create(string title, string description, IReadOnlyList<(string Category, IReadOnlyList<(string Css, string Label, int Count)> Segments)> categories, double height = 220)
    {
        const double width = 720, left = 48, right = 12, top = 12, bottom = 40;
        var max = Math.Max(1, categories.Select(c => c.Segments.Sum(s => s.Count)).DefaultIfEmpty(0).Max());
        var nice = NiceCeiling(max);
        double Y(double value) => top + (height - top - bottom) * (1 - value / nice);
        var slot = categories.Count == 0 ? 0 : (width - left - right) / categories.Count;
        var barWidth = Math.Min(48, slot * 0.7);

        var bars = categories.Select((c, i) =>
        {
            var running = 0;
            var segments = new List<BarSegment>();
            foreach (var (css, label, count) in c.Segments.Where(s => s.Count > 0))
            {
                segments.Add(new BarSegment(Y(running + count), Y(running) - Y(running + count), css, $"{c.Category}: {count} {label}"));
                running += count;
            }

            // A "2025-05" label needs about 52 units; the last bar always keeps its label.
            var every = (int)Math.Ceiling(52 / Math.Max(slot, 1));
            var show = (categories.Count - 1 - i) % every == 0;
            return new Bar(c.Category, left + slot * i + (slot - barWidth) / 2, barWidth, segments, running, show);
        }).ToList();
        var ticks = Enumerable.Range(0, 5).Select(i => nice * i / 4).Distinct()
            .Select(v => new AxisTick(Y(v), v.ToString("0", CultureInfo.InvariantCulture))).ToList();
        return new StackedBars(title, description, width, height, left, bottom, ticks, bars);
    }

    private static double NiceCeiling(int max)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 })
        {
            if (step * magnitude >= max)
            {
                return Math.Max(4, step * magnitude);
            }
        }

        return 10 * magnitude;
    }
}
