using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Followups;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Storage;
using ScribeBot.Web.Dashboard;
using ScribeBot.Pictures.Svg;
using ScribeBot.Web.Svg;
using ScribeBot.Core.Text;

namespace ScribeBot.Pages;

/// <summary><c>/stats?days=N</c>: MTTA and MTTR over time and by severity, and the follow-up issues created, for every workspace and platform.</summary>
internal sealed class StatsModel(IIncidentStore store, TimeProvider timeProvider, IOptions<ScribeOptions> options, FollowupStates states) : PageModel
{
    public int Days { get; private set; } = StatsReport.DefaultDays;

    public string? Problem { get; private set; }

    public StatsReport? Report { get; private set; }

    public string ZoneId { get; private set; } = "UTC";

    public IReadOnlyList<RenderedChart> Charts { get; private set; } = [];

    /// <summary>The follow-up issues created in the period, per bar; null when there were none.</summary>
    public FollowupTable? Followups { get; private set; }

    public async Task OnGetAsync(string? days, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(days))
        {
            if (int.TryParse(days.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= StatsReport.MaxDays)
            {
                Days = parsed;
            }
            else
            {
                Problem = $"\"{TextShortener.Shorten(days)}\" is not a number of days between 1 and {StatsReport.MaxDays}; "
                    + $"showing the last {StatsReport.DefaultDays} days.";
            }
        }

        var clock = IncidentClock.For(options.Value.TimeZone);
        ZoneId = clock.ZoneId;
        var now = timeProvider.GetUtcNow();
        var measures = await store.MeasureIncidentsAsync(null, now - TimeSpan.FromDays(Days), cancellationToken);
        var report = StatsReport.Build(measures, Days, now, clock);
        Report = report;
        // Follow-ups count by when their issue was created, which may be long after their incident was declared.
        var followups = await FollowupStatistics.ReadAsync(store, states, null, report.Since, now, cancellationToken);
        Followups = followups.Followups.Count == 0 ? null : FollowupTable.Of(report, followups);
        if (report.IncidentCount == 0)
        {
            return;
        }

        Charts =
        [
            RenderedChart.Of("mtta-over-time", StatsCharts.MttaOverTime(report)),
            RenderedChart.Of("mttr-over-time", StatsCharts.MttrOverTime(report)),
            RenderedChart.Of("mtta-by-severity", StatsCharts.MttaBySeverity(report)),
            RenderedChart.Of("mttr-by-severity", StatsCharts.MttrBySeverity(report)),
        ];
    }
}

/// <summary>A chart and its SVG, under an id unique in the page.</summary>
internal sealed record RenderedChart(string Id, BarChart Chart, string Svg)
{
    public static RenderedChart Of(string id, BarChart chart) => new(id, chart, BarChartSvg.Render(chart, id));
}
