using System.Globalization;
using Humanizer;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Time;

namespace ScribeBot.Web.Dashboard;

/// <summary>How long one bar of the trend charts is.</summary>
internal enum TrendUnit
{
    Day,
    Week,
    Month,
}

/// <summary>One bar of a trend: the incidents declared in [<paramref name="Start"/>, <paramref name="End"/>).</summary>
internal sealed record TrendBucket(DateTimeOffset Start, DateTimeOffset End, string Label, string LongLabel, SeverityStatistics Stats);

/// <summary>
/// The stats page's numbers: <see cref="IncidentStatistics"/> over the last <see cref="Days"/> days, overall and by
/// severity, and the same per calendar day, week (from Monday) or month in the dashboard's time zone
/// (<c>Scribe:TimeZone</c>), chosen so a chart has a readable number of bars. Incidents count where they were
/// declared, as in the <c>stats</c> command; the first bar starts at its calendar boundary, so it may cover only part
/// of its week or month.
/// </summary>
internal sealed record StatsReport(
    int Days, DateTimeOffset Since, DateTimeOffset Until, TrendUnit Unit, IncidentStatistics Totals, IReadOnlyList<TrendBucket> Buckets)
{
    public const int DefaultDays = CommandParser.DefaultStatsDays;
    public const int MaxDays = CommandParser.MaxStatsDays;

    public static readonly IReadOnlyList<int> Presets = [7, 14, 30, 90, 180, 365];

    public int IncidentCount => Totals.Overall.Count;

    /// <summary>True when some incident's clocks ran from a page: the page then shows MTTA and MTTR by source and service.</summary>
    public bool AnyPaged => Totals.Clocks.Paged > 0;

    /// <summary>Where the figures were measured from, for the charts' descriptions.</summary>
    public string MeasuredFrom => AnyPaged
        ? "measured from the page where there was one, else from the declaration"
        : "measured from the declaration";

    /// <summary><c>1 day</c>, <c>30 days</c>.</summary>
    public static string Period(int days) => "day".ToQuantity(days);

    public static StatsReport Build(IReadOnlyCollection<IncidentMeasure> incidents, int days, DateTimeOffset now, IncidentClock clock)
    {
        var since = now - TimeSpan.FromDays(days);
        // The store has usually chosen the period's incidents already; a year of a large organisation's is too many to
        // copy for nothing.
        bool InPeriod(IncidentMeasure i) => i.Declared >= since && i.Declared <= now;
        var inPeriod = incidents.All(InPeriod) ? incidents : [.. incidents.Where(InPeriod)];
        var unit = days <= 14 ? TrendUnit.Day : days <= 182 ? TrendUnit.Week : TrendUnit.Month;

        var bars = new List<(DateTimeOffset Start, DateTimeOffset End, string Label, string LongLabel)>();
        var wall = FirstBoundary(clock.Local(since).DateTime, unit);
        var start = IncidentTimeZone.ToInstant(wall, clock.Zone);
        while (start <= now)
        {
            var nextWall = unit switch
            {
                TrendUnit.Day => wall.AddDays(1),
                TrendUnit.Week => wall.AddDays(7),
                _ => wall.AddMonths(1),
            };
            var end = IncidentTimeZone.ToInstant(nextWall, clock.Zone);
            var (label, longLabel) = Labels(wall, unit);
            bars.Add((start, end, label, longLabel));
            (wall, start) = (nextWall, end);
        }

        DateTimeOffset[] boundaries = [.. bars.Select(b => b.Start), .. bars.TakeLast(1).Select(b => b.End)];
        var statistics = IncidentStatistics.ComputeOverPeriods(inPeriod, days, boundaries);
        var buckets = bars.Select((b, k) => new TrendBucket(b.Start, b.End, b.Label, b.LongLabel, statistics.Periods[k])).ToArray();
        return new StatsReport(days, since, now, unit, statistics.Totals, buckets);
    }

    private static DateTime FirstBoundary(DateTime local, TrendUnit unit) => unit switch
    {
        TrendUnit.Day => local.Date,
        TrendUnit.Week => local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
        _ => new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified),
    };

    private static (string Label, string LongLabel) Labels(DateTime wall, TrendUnit unit)
    {
        var day = wall.ToString("MMM d", CultureInfo.InvariantCulture);
        return unit switch
        {
            TrendUnit.Day => (day, wall.ToString("ddd, MMM d, yyyy", CultureInfo.InvariantCulture)),
            TrendUnit.Week => (day, $"Week of {wall.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}"),
            _ => (wall.ToString("MMM yyyy", CultureInfo.InvariantCulture), wall.ToString("MMMM yyyy", CultureInfo.InvariantCulture)),
        };
    }
}
