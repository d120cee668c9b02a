using System.Text.RegularExpressions;
using static ScribeBot.Followups.Tests.FollowupHost;

namespace ScribeBot.Followups.Tests;

// Issue 19, Linear: the same flow as GitHub's and Jira's, against a fake Linear GraphQL endpoint built from the
// mutation Linear's docs publish.
public sealed partial class LinearFollowupTests
{
    [Fact]
    public async Task Followups_become_linear_issues_through_the_published_issueCreate_mutation()
    {
        await using var host = await StartLinearAsync();

        var (queued, incident) = await host.QueueFollowupsAsync("Alert 14 days before a certificate expires @Bo");

        Assert.Contains($"Queued 1 task of INC-1 for Linear {FakeLinear.Team}", queued.Reply.ToPlainString());
        var call = Assert.Single(host.Linear!.Creates);
        Assert.Equal((FakeLinear.ApiKey, "/graphql"), (call.Authorization, call.Path));
        var request = JsonNode.Parse(call.Body)!.AsObject();

        // Our mutation asks for everything the published one selects (success, issue { id title }).
        var published = Fixtures.Trackers.Text("linear_issue_create_mutation.docs.graphql");
        var selection = Words(published[published.IndexOf(") {", StringComparison.Ordinal)..]);
        var query = (string)request["query"]!;
        Assert.Contains("issueCreate(input: $input)", query);
        Assert.Subset(Words(query[query.IndexOf(") {", StringComparison.Ordinal)..]), selection);

        var input = request["variables"]!["input"]!;
        Assert.Equal(FakeLinear.Team, (string?)input["teamId"]);
        Assert.Equal("Alert 14 days before a certificate expires (INC-1)", (string?)input["title"]);
        Assert.Equal("2f1c9d4e-8a7b-4c3d-9e6f-1a2b3c4d5e6f", (string?)input["assigneeId"]);
        Assert.Equal(["b6f3a0e2-5c1d-4b8e-9f7a-2d4c6e8a0b1c"], input["labelIds"]!.AsArray().Select(l => (string)l!));
        var description = (string)input["description"]!;
        Assert.Contains("https://scribe.example/incidents/web%3Asandbox%3A1", description);
        Assert.EndsWith($"[{FollowupMarker.For(incident.Id, 1)}]\n", description);

        var link = incident.Tasks[0].Followup!;
        Assert.Equal(("linear", "ENG-1", "https://linear.app/example/issue/ENG-1", FollowupState.Open), (link.Tracker, link.IssueKey, link.Url, link.State));
    }

    [Fact]
    public async Task After_a_lost_answer_the_retry_finds_the_linear_issue_by_its_marker_and_creates_nothing_new()
    {
        await using var host = await StartLinearAsync();
        host.Linear!.NextCreates(FakeCreate.Lost(FakeLoss.DropConnection));

        var incident = await host.LinkTasksAsync("Alert on certificate expiry", "Page the owner of the certificate");

        Assert.Equal(2, host.Linear.Issues(FakeLinear.Team).Count);
        Assert.Equal(2, host.Linear.Creates.Count);
        Assert.Equal(["ENG-1", "ENG-2"], incident.Tasks.Select(t => t.Followup!.IssueKey));
        // The retry searched by team and the whole bracketed marker, so task 1 is not found in task 12's issue.
        Assert.Contains(host.Linear.Calls, c => c.Body.Contains($"\"marker\":\"[{FollowupMarker.For(incident.Id, 1)}]\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_graphql_error_with_http_200_answers_the_caller_naming_the_team_and_leaves_the_task_unlinked()
    {
        await using var host = await StartLinearAsync(team: "00000000-0000-0000-0000-000000000000");

        var (item, notice) = await host.RefusedFollowupsAsync("Alert on certificate expiry");

        Assert.Equal(OutboxState.Abandoned, item.State);
        var text = notice.Text.ToPlainString();
        Assert.Contains("Linear refused the issue (Linear: Could not find referenced Team.)", text);
        Assert.Contains("Check: Followups:Linear:TeamId", text);
        Assert.Null((await host.IncidentAsync()).Tasks[0].Followup);
        Assert.Empty(host.Linear!.Issues(FakeLinear.Team));
    }

    private static HashSet<string> Words(string graphql) => [.. WordPattern().Matches(graphql).Select(m => m.Value)];

    [GeneratedRegex("[A-Za-z_]+")]
    private static partial Regex WordPattern();
}
