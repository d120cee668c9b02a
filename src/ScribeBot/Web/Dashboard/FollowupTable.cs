using ScribeBot.Core.Followups;

namespace ScribeBot.Web.Dashboard;

/// <summary>One row of the follow-ups table: a period, the issues created in it, and how many of those are closed now.</summary>
internal sealed record FollowupTableRow(string Label, int Created, string Closed);

/// <summary>
/// The stats page's follow-up issues (<c>_FollowupTable.cshtml</c>): per chart bar that had any, then the whole period.
/// An issue counts in the bar its link was created in; "closed now" is of those issues, as the tracker has them now.
/// </summary>
internal sealed record FollowupTable(IReadOnlyList<FollowupTableRow> Rows, FollowupTally Total)
{
    public static FollowupTable Of(StatsReport report, FollowupStatistics followups)
    {
        DateTimeOffset[] boundaries = [.. report.Buckets.Select(b => b.Start), .. report.Buckets.TakeLast(1).Select(b => b.End)];
        var tallies = followups.Over(boundaries);
        var total = followups.Total;
        return new FollowupTable(
            [
                .. report.Buckets
                    .Select((bucket, k) => (bucket, tally: tallies[k]))
                    .Where(row => row.tally.Created > 0)
                    .Select(row => new FollowupTableRow(row.bucket.LongLabel, row.tally.Created, row.tally.ClosedText)),
                new FollowupTableRow("All", total.Created, total.ClosedText),
            ],
            total);
    }
}
