using Humanizer;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Commands;

/// <summary>
/// The <c>stats</c> answer: one line for all incidents, then one per severity; when some incidents were paged, which
/// clock their figures use (the page's trigger or the declaration).
/// </summary>
internal static class StatsText
{
    public static ChatText Render(IncidentStatistics stats)
    {
        var text = new ChatTextBuilder().Strong($"Incidents in the last {"day".ToQuantity(stats.Days)}: {stats.Overall.Count}");
        if (stats.Overall.Count == 0)
        {
            return text.Plain(".").Build();
        }

        Line(text, "All", stats.Overall);
        foreach (var severity in stats.BySeverity)
        {
            Line(text, severity.Severity!.Value.ToLabel(), severity);
        }

        text.Plain("\nMTTA runs from start to ack, MTTR from start to resolve; p90 is the 90th percentile.");
        if (stats.Clocks.Paged > 0)
        {
            text.Plain("\n" + stats.Clocks.Describe(stats.Overall.Count));
        }

        return text.Build();
    }

    private static void Line(ChatTextBuilder text, string label, SeverityStatistics stats) =>
        text.Plain("\n").Strong(label).Plain($" ({stats.Count}): MTTA {Format(stats.Mtta)}; MTTR {Format(stats.Mttr)}");

    private static string Format(DurationSummary? summary) => summary is null
        ? "n/a"
        : $"mean {DurationText.Humanize(summary.Mean)}, median {DurationText.Humanize(summary.Median)}, p90 {DurationText.Humanize(summary.P90)} (n={summary.Count})";

}
