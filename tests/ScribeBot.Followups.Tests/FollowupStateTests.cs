using static ScribeBot.Followups.Tests.FollowupHost;

namespace ScribeBot.Followups.Tests;

// Issue 19, item 4: "/incident status" counts open follow-ups from the tracker's state, read on demand and cached.
public sealed class FollowupStateTests
{
    [Fact]
    public async Task Status_reads_github_states_so_a_closed_issue_counts_as_closed_and_keeps_the_reading_for_a_while()
    {
        await using var host = await StartAsync();
        await host.LinkTasksAsync("Alert on certificate expiry", "Add a canary for checkout");

        host.GitHub.Close("octo/app", 1347);
        Assert.Contains("Follow-ups: 1 of 2 open", (await host.RunAsync("status", 4)).Reply.ToPlainString());
        var reads = host.GitHub.Calls.Count(c => c.Method == "GET" && c.Path.Contains("/issues/", StringComparison.Ordinal));
        Assert.Equal(2, reads);

        // Within the cache's five minutes the reading stands: no new calls, even though GitHub changed.
        host.GitHub.Close("octo/app", 1348);
        Assert.Contains("Follow-ups: 1 of 2 open", (await host.RunAsync("status", 5)).Reply.ToPlainString());
        Assert.Equal(reads, host.GitHub.Calls.Count(c => c.Method == "GET" && c.Path.Contains("/issues/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Status_reads_jira_states_from_the_published_get_issue_answer_so_a_done_issue_counts_as_closed()
    {
        await using var host = await StartJiraAsync();
        await host.LinkTasksAsync("Alert on certificate expiry", "Add a canary for checkout", "Rotate the certificate by hand");

        // Jira's status categories: done is closed; in progress (indeterminate) and to do (new) are open.
        host.Jira!.Transition("OPS-24", "done");
        host.Jira.Transition("OPS-25", "indeterminate");

        Assert.Contains("Follow-ups: 2 of 3 open", (await host.RunAsync("status", 5)).Reply.ToPlainString());
        var reads = host.Jira.Calls.Where(c => c.Method == "GET").ToArray();
        Assert.Equal(["/rest/api/3/issue/OPS-24", "/rest/api/3/issue/OPS-25", "/rest/api/3/issue/OPS-26"], reads.Select(c => c.Path).Order(StringComparer.Ordinal));
        Assert.All(reads, read => Assert.Contains("fields=status", read.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_reads_linear_states_so_a_completed_issue_counts_as_closed()
    {
        await using var host = await StartLinearAsync();
        await host.LinkTasksAsync("Alert on certificate expiry", "Add a canary for checkout");

        host.Linear!.Complete("ENG-2");

        Assert.Contains("Follow-ups: 1 of 2 open", (await host.RunAsync("status", 4)).Reply.ToPlainString());
    }
}
