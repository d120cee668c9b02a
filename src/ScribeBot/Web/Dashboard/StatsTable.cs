using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Paging;

namespace ScribeBot.Web.Dashboard;

/// <summary>One row of a stats table: what it groups, how many incidents, and their MTTA and MTTR.</summary>
internal sealed record StatsTableRow(string Label, int Count, DurationSummary? Mtta, DurationSummary? Mttr);

/// <summary>
/// A table of the stats page (<c>_StatsTable.cshtml</c>): by severity always, by page source and by paged service when
/// some incident was paged. Every table has the same columns and cells, so they read alike.
/// </summary>
internal sealed record StatsTable(string Id, string Heading, string GroupHeader, IReadOnlyList<StatsTableRow> Rows)
{
    public const string NotPaged = "Not paged (from the declaration)";
    public const string NoService = "No service named";

    public static StatsTable BySeverity(StatsReport report) => new(
        "by-severity",
        "By severity",
        "Severity",
        [.. report.Totals.BySeverity.Append(report.Totals.Overall).Select(s => new StatsTableRow(s.Severity?.ToLabel() ?? "All", s.Count, s.Mtta, s.Mttr))]);

    public static StatsTable BySource(StatsReport report) => new(
        "by-page-source",
        "By page source",
        "Clock starts at",
        [.. report.Totals.Clocks.BySource.Select(s => Row(s, s.Key is { } source ? $"{source.ToLabel()} page" : NotPaged))]);

    public static StatsTable ByService(StatsReport report) => new(
        "by-service",
        "By paged service",
        "Service",
        [.. report.Totals.Clocks.ByService.Select(s => Row(s, s.Key ?? NoService))]);

    private static StatsTableRow Row<TKey>(GroupStatistics<TKey> group, string label) => new(label, group.Count, group.Mtta, group.Mttr);
}
