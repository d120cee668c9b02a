using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Postmortem;
using ScribeBot.Pictures.Svg;
using ScribeBot.Web.Svg;

namespace ScribeBot.Web.Dashboard;

/// <summary>
/// The stats page's four charts from a <see cref="StatsReport"/>: MTTA and MTTR per day/week/month and by severity.
/// Each bar is the mean (what the "M" stands for); its tooltip adds the median and how many incidents it rests on.
/// </summary>
internal static class StatsCharts
{
    public const string MttaColour = "#2457c5";
    public const string MttrColour = "#079455";

    public static BarChart MttaOverTime(StatsReport report) => OverTime(report, "MTTA", "acknowledged", MttaColour, s => s.Mtta);

    public static BarChart MttrOverTime(StatsReport report) => OverTime(report, "MTTR", "resolved", MttrColour, s => s.Mttr);

    public static BarChart MttaBySeverity(StatsReport report) => BySeverity(report, "MTTA", "acknowledged", MttaColour, s => s.Mtta);

    public static BarChart MttrBySeverity(StatsReport report) => BySeverity(report, "MTTR", "resolved", MttrColour, s => s.Mttr);

    /// <summary>"mean 12 minutes, median 10 minutes, p90 20 minutes"; null when nothing was measured.</summary>
    public static string? Describe(DurationSummary? summary) => summary is null
        ? null
        : $"mean {DurationText.Humanize(summary.Mean)}, median {DurationText.Humanize(summary.Median)}, p90 {DurationText.Humanize(summary.P90)}";

    /// <summary>A table's MTTA cell: "mean 4 minutes, median 4 minutes, p90 5 minutes (2 acknowledged)", or "none acknowledged".</summary>
    public static string MttaCell(DurationSummary? mtta) => Cell(mtta, "acknowledged");

    /// <summary>A table's MTTR cell, as <see cref="MttaCell"/> for the resolved.</summary>
    public static string MttrCell(DurationSummary? mttr) => Cell(mttr, "resolved");

    private static string Cell(DurationSummary? summary, string measured) =>
        Describe(summary) is { } described ? $"{described} ({summary!.Count} {measured})" : $"none {measured}";

    private static BarChart OverTime(
        StatsReport report, string metric, string measured, string colour, Func<SeverityStatistics, DurationSummary?> pick)
    {
        var unit = report.Unit.ToString().ToLowerInvariant();
        var bars = report.Buckets
            .Select(b => new ChartBar(b.Label, pick(b.Stats)?.Mean, $"{b.LongLabel}: {Tooltip(b.Stats, pick(b.Stats), measured)}"))
            .ToList();
        return new BarChart(
            $"{metric} per {unit}, last {StatsReport.Period(report.Days)}",
            $"Mean {metric} of the incidents declared in each {unit} of the last {StatsReport.Period(report.Days)}, {report.MeasuredFrom}; "
                + $"{bars.Count(b => b.Value is not null)} of {bars.Count} {unit}s have {measured} incidents.",
            colour,
            bars,
            $"No {measured} incidents in the last {StatsReport.Period(report.Days)}");
    }

    private static BarChart BySeverity(
        StatsReport report, string metric, string measured, string colour, Func<SeverityStatistics, DurationSummary?> pick)
    {
        var bars = Enum.GetValues<Severity>()
            .Select(severity =>
            {
                var stats = report.Totals.BySeverity.FirstOrDefault(s => s.Severity == severity)
                    ?? new SeverityStatistics(severity, 0, null, null);
                return new ChartBar(severity.ToLabel(), pick(stats)?.Mean, $"{severity.ToLabel()}: {Tooltip(stats, pick(stats), measured)}");
            })
            .ToList();
        return new BarChart(
            $"{metric} by severity, last {StatsReport.Period(report.Days)}",
            $"Mean {metric} per severity of the incidents declared in the last {StatsReport.Period(report.Days)}, {report.MeasuredFrom}.",
            colour,
            bars,
            $"No {measured} incidents in the last {StatsReport.Period(report.Days)}");
    }

    private static string Tooltip(SeverityStatistics stats, DurationSummary? summary, string measured) =>
        stats.Count == 0 ? "no incidents"
        : summary is null ? $"none of {Incidents(stats.Count)} {measured}"
        : $"{Describe(summary)} ({summary.Count} {measured} of {Incidents(stats.Count)})";

    private static string Incidents(int count) => count == 1 ? "1 incident" : $"{count} incidents";
}
