using ScribeBot.Testing.Web;
using Microsoft.Extensions.Time.Testing;
using static ScribeBot.Followups.Tests.FollowupHost;

namespace ScribeBot.Followups.Tests;

// Issue 19, item 4: "/stats shows follow-ups created and closed per period (state read on demand, cached)", in chat and
// on the dashboard's stats page.
public sealed class FollowupStatsTests
{
    // The fake dates every issue it makes 2026-03-02 16:00 UTC; the clock stands three days later.
    private static readonly DateTimeOffset Now = new(2026, 3, 5, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The follow-up table's rows: (period, created, closed now).</summary>
    private static List<(string, string, string)> FollowupRows(string html)
    {
        var table = html[html.IndexOf("<table class=\"stats\" id=\"followups\">", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        return [.. System.Text.RegularExpressions.Regex.Matches(
                table,
                "<th scope=\"row\">([^<]*)</th>\\s*<td data-label=\"Created\">([^<]*)</td>\\s*<td data-label=\"Closed now\">([^<]*)</td>")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value))];
    }

    private static int StateReads(FakeTracker tracker) =>
        tracker.Calls.Count(c => c.Method == "GET" && c.Path.Contains("/issues/", StringComparison.Ordinal));

    [Fact]
    public async Task Stats_count_the_issues_created_in_the_period_and_how_many_of_them_are_closed_now()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Now));
        await host.LinkTasksAsync("Alert on certificate expiry", "Add a canary for checkout");
        host.GitHub.Close("octo/app", 1347);

        var week = (await host.RunAsync("stats 7", 10)).Reply.ToPlainString();
        var reads = StateReads(host.GitHub);
        var again = (await host.RunAsync("stats 7", 11)).Reply.ToPlainString();
        // The issues were made on Mar 2, before the last day.
        var lastDay = (await host.RunAsync("stats 1", 12)).Reply.ToPlainString();

        Assert.Contains("Follow-up issues: 2 created, 1 closed now.", week, StringComparison.Ordinal);
        Assert.Equal(2, reads);
        Assert.Contains("Follow-up issues: 2 created, 1 closed now.", again, StringComparison.Ordinal);
        Assert.Equal(reads, StateReads(host.GitHub));
        Assert.DoesNotContain("Follow-up", lastDay, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stats_page_shows_the_issues_created_per_day_and_those_closed_now()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Now));
        await host.LinkTasksAsync("Alert on certificate expiry", "Add a canary for checkout");
        host.GitHub.Close("octo/app", 1348);

        var html = await host.App.PageAsync("/stats?days=7");
        var reads = StateReads(host.GitHub);
        await host.App.PageAsync("/stats?days=7");

        Assert.Contains("<h2 id=\"followups-heading\">Follow-up issues</h2>", html, StringComparison.Ordinal);
        Assert.Equal(
            [("Mon, Mar 2, 2026", "2", "1"), ("All", "2", "1")],
            FollowupRows(html));
        Assert.Equal(2, reads);
        Assert.Equal(reads, StateReads(host.GitHub));
    }

    [Fact]
    public async Task A_tracker_that_never_answers_makes_the_closed_figure_unknown_and_the_stats_answer_anyway()
    {
        var clock = new FakeTimeProvider(Now);
        await using var host = await StartAsync(clock);
        await host.LinkTasksAsync("Alert on certificate expiry");
        host.GitHub.HoldStateReads();

        var stats = host.RunAsync("stats 7", 10);
        await host.GitHub.StateReadHeld;
        clock.Advance(FollowupStates.StatsBudget);

        Assert.Contains(
            "Follow-up issues: 1 created, closed now unknown (the tracker did not answer).",
            (await stats).Reply.ToPlainString(),
            StringComparison.Ordinal);
    }
}
