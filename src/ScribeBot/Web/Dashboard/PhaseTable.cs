using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Postmortem;

namespace ScribeBot.Web.Dashboard;

/// <summary>One row of the phase table: a severity (or "All") and a cell per <see cref="Phase"/>.</summary>
internal sealed record PhaseTableRow(string Label, IReadOnlyList<string> Cells);

/// <summary>
/// The stats page's "Median time per phase" table (<c>_PhaseTable.cshtml</c>): a row per severity and one for all
/// incidents, a column per phase, each cell the median over the incidents that had the phase known and how many they
/// were ("4 min (n=12)"), so a median of two is not read like one of two hundred; "-" when none had it.
/// </summary>
internal sealed record PhaseTable(IReadOnlyList<string> Columns, IReadOnlyList<PhaseTableRow> Rows)
{
    public const string Id = "phases";
    public const string Heading = "Median time per phase";
    public const string None = "-";

    /// <summary>The column headers, in <see cref="PhaseStatistics.Phases"/> order.</summary>
    public static readonly IReadOnlyList<string> Headers = ["Detect", "Acknowledge", "Root cause", "Resolve", "Time lost"];

    public static PhaseTable Of(StatsReport report) => new(
        Headers,
        [.. report.Totals.Phases.BySeverity.Append(report.Totals.Phases.Overall).Select(Row)]);

    /// <summary>"4 min (n=12)", or <see cref="None"/>.</summary>
    public static string Cell(PhaseMedian? summary) =>
        summary is null ? None : $"{DurationText.Short(summary.Median)} (n={summary.Count})";

    private static PhaseTableRow Row(PhaseSummary summary) => new(
        summary.Severity?.ToLabel() ?? "All",
        [.. PhaseStatistics.Phases.Select(phase => Cell(summary.Of(phase)))]);
}
