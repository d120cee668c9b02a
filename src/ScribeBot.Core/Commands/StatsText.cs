using Humanizer;
using ScribeBot.Core.Followups;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Commands;

/// <summary>
/// The <c>stats</c> answer: one line for all incidents, then one per severity; one line of the median time per phase
/// over all incidents (the dashboard's stats page has it by severity); the follow-up issues created in the period and
/// how many of them are closed now, when there are some; when some incidents were paged, which clock their figures use
/// (the page's trigger or the declaration).
/// </summary>
internal static class StatsText
{
    /// <param name="stats">The incidents declared in the period.</param>
    /// <param name="followups">The follow-up issues created in it; a line only when there are some.</param>
    public static ChatText Render(IncidentStatistics stats, FollowupTally? followups = null)
    {
        var text = new ChatTextBuilder().Strong($"Incidents in the last {"day".ToQuantity(stats.Days)}: {stats.Overall.Count}");
        if (stats.Overall.Count == 0)
        {
            text.Plain(".");
            FollowupsLine(text, followups);
            return text.Build();
        }

        Line(text, "All", stats.Overall);
        foreach (var severity in stats.BySeverity)
        {
            Line(text, severity.Severity!.Value.ToLabel(), severity);
        }

        if (PhasesLine(stats.Phases.Overall) is { } phases)
        {
            text.Plain("\n").Strong("Median per phase:").Plain(" " + phases);
        }

        FollowupsLine(text, followups);
        text.Plain("\nMTTA runs from start to ack, MTTR from start to resolve; p90 is the 90th percentile.");
        if (stats.Clocks.Paged > 0)
        {
            text.Plain("\n" + stats.Clocks.Describe(stats.Overall.Count));
        }

        return text.Build();
    }

    // "Follow-up issues: 4 created, 1 closed now." Closed is of the issues created in the period, as the tracker has them now.
    private static void FollowupsLine(ChatTextBuilder text, FollowupTally? followups)
    {
        if (followups is { Created: > 0 } tally)
        {
            text.Plain("\n").Strong("Follow-up issues:").Plain($" {tally.Describe()}.");
        }
    }

    private static void Line(ChatTextBuilder text, string label, SeverityStatistics stats) =>
        text.Plain("\n").Strong(label).Plain($" ({stats.Count}): MTTA {Format(stats.Mtta)}; MTTR {Format(stats.Mttr)}");

    /// <summary>Names shorter than the dashboard's column headers: the line must stay one line in a chat client.</summary>
    private static readonly string[] PhaseNames = ["detect", "ack", "root cause", "resolve", "time lost"];

    // "detect 7 min (n=3); ack 2 min (n=5); resolve 1 h 19 min (n=5)." A phase no incident had known is left out.
    private static string? PhasesLine(PhaseSummary overall)
    {
        var known = PhaseStatistics.Phases
            .Where(phase => overall.Of(phase) is not null)
            .Select(phase => $"{PhaseNames[(int)phase]} {DurationText.Short(overall.Of(phase)!.Median)} (n={overall.Of(phase)!.Count})")
            .ToList();
        return known.Count == 0 ? null : string.Join("; ", known) + ".";
    }

    private static string Format(DurationSummary? summary) => summary is null
        ? "n/a"
        : $"mean {DurationText.Humanize(summary.Mean)}, median {DurationText.Humanize(summary.Median)}, p90 {DurationText.Humanize(summary.P90)} (n={summary.Count})";

}
