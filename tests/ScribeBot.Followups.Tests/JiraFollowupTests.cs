using Microsoft.Extensions.Time.Testing;
using ScribeBot.Followups.Jira;
using ScribeBot.Testing.Web;
using static ScribeBot.Followups.Tests.FollowupHost;

namespace ScribeBot.Followups.Tests;

// Issue 19, Jira Cloud: the same flow as GitHub's, against a fake Jira built from Atlassian's published examples.
public sealed class JiraFollowupTests
{
    [Fact]
    public async Task Followups_become_jira_issues_with_an_adf_description_and_the_published_request_shape()
    {
        await using var host = await StartJiraAsync();

        var (queued, incident) = await host.QueueFollowupsAsync("Alert 14 days before a certificate expires @Bo");

        Assert.Contains("Queued 1 task of INC-1 for Jira OPS", queued.Reply.ToPlainString());
        var call = Assert.Single(host.Jira!.Creates);
        var request = JsonNode.Parse(call.Body)!.AsObject();
        var published = Fixtures.Trackers.Json("jira_create_issue_request.docs.json");
        Assert.Equal(published.EnumerateObject().Select(p => p.Name).Order(), request.Select(p => p.Key).Order());
        var publishedFields = published.GetProperty("fields").EnumerateObject().Select(p => p.Name).ToHashSet();
        var fields = request["fields"]!.AsObject();
        Assert.Subset(publishedFields, fields.Select(p => p.Key).ToHashSet());
        Assert.Equal("OPS", (string?)fields["project"]!["key"]);
        Assert.Equal("Task", (string?)fields["issuetype"]!["name"]);
        Assert.Equal("Alert 14 days before a certificate expires (INC-1)", (string?)fields["summary"]);
        Assert.Equal(["postmortem", "INC-1"], fields["labels"]!.AsArray().Select(l => (string)l!));
        Assert.Equal("5b109f2e9729b51b54dc274d", (string?)fields["assignee"]!["id"]);

        // ADF as the published description: a doc of paragraphs of text nodes; the link back is a link mark.
        var description = fields["description"]!;
        Assert.Equal(("doc", 1), ((string?)description["type"], (int?)description["version"]));
        Assert.All(description["content"]!.AsArray(), p => Assert.Equal("paragraph", (string?)p!["type"]));
        var texts = description["content"]!.AsArray().SelectMany(p => p!["content"]!.AsArray()).ToArray();
        Assert.Contains(texts, t => (string?)t!["marks"]?[0]?["attrs"]?["href"] == "https://scribe.example/incidents/web%3Asandbox%3A1");
        Assert.Contains(texts, t => (string?)t!["text"] == $"[{FollowupMarker.For(incident.Id, 1)}]");

        var link = incident.Tasks[0].Followup!;
        Assert.Equal(("jira", "OPS-24", new Uri(host.Jira.Root, "browse/OPS-24").AbsoluteUri), (link.Tracker, link.IssueKey, link.Url));
    }

    // Issue 19, item 3, against Jira's eventually consistent search: after a create whose answer was lost, the retry waits
    // JiraTracker.SearchSettle before its look-up, so an issue that search shows only 45 s after it was made (more than
    // the outbox's 2 s back-off, which made a second issue) is found and linked, not made again. On the host's test clock.
    [Theory]
    [InlineData(0)]
    [InlineData(45)]
    public async Task After_a_lost_answer_the_retry_finds_the_jira_issue_by_jql_and_creates_nothing_new(int searchLagSeconds)
    {
        var clock = new FakeTimeProvider(T0.AddMinutes(10));
        var logs = new CapturingLoggerProvider();
        await using var host = await StartJiraAsync(clock: clock, logs: logs);
        Assert.True(TimeSpan.FromSeconds(searchLagSeconds) < JiraTracker.SearchSettle);
        host.Jira!.LagSearch(TimeSpan.FromSeconds(searchLagSeconds), clock);
        host.Jira.NextCreates(FakeCreate.Lost(FakeLoss.BadGateway));

        await host.StartIncidentAsync("Alert on certificate expiry");
        await host.RunAsync("followups", 2);
        var waited = await AdvanceToRetryAsync(host, clock, logs);
        var incident = await host.WaitForLinkedAsync(1);

        Assert.Single(host.Jira.Issues("OPS"));
        Assert.Single(host.Jira.Creates);
        Assert.Equal("OPS-24", incident.Tasks[0].Followup!.IssueKey);
        Assert.Equal(2, host.Jira.Calls.Count(c => c.Path == "/rest/api/3/search/jql"));
        Assert.Equal(JiraTracker.SearchSettle, waited);
        Assert.Equal(OutboxState.Delivered, (await host.WaitForItemAsync(FollowupItemId(3))).State);
    }

    [Fact]
    public async Task Jiras_published_400_answers_the_caller_naming_the_field_and_leaves_the_task_unlinked()
    {
        await using var host = await StartJiraAsync();
        host.Jira!.NextCreates(FakeCreate.Refused(400, Fixtures.Trackers.Text("jira_create_issue_response_400.docs.json")));

        var (_, notice) = await host.RefusedFollowupsAsync("Alert on certificate expiry");

        var text = notice.Text.ToPlainString();
        Assert.Contains("Jira OPS refused task 1 of INC-1 (Alert on certificate expiry): Jira refused the issue (400) (Jira: Field 'priority' is required)", text);
        Assert.Contains("Check: the Jira field 'priority'", text);
        Assert.Null((await host.IncidentAsync()).Tasks[0].Followup);
        Assert.Empty(host.Jira.Issues("OPS"));
    }

    // Issue 19, item 4, for Jira: the draft posted to the channel lists each task with its issue's key, address and
    // state, the state read from Jira when the draft is posted (not the one stored when the issue was made).
    [Fact]
    public async Task The_posted_draft_lists_each_task_with_its_jira_issue_and_the_state_read_from_jira()
    {
        await using var host = await StartJiraAsync();
        await host.LinkTasksAsync("Alert on certificate expiry", "Add a canary for checkout");
        host.Jira!.Transition("OPS-24", "done");

        await host.RunAsync("postmortem", 4);

        var sandbox = "/sandbox?channel=" + Channel.Channel;
        var page = "";
        await FakeGitHub.WaitUntilAsync(async () => (page = await host.App.PageAsync(sandbox)).Contains("data-kind=\"draft\"", StringComparison.Ordinal), "the draft in the channel");
        // From the draft on: the channel's earlier notice of the run links the same issues, as they were when made.
        var draft = page[page.IndexOf("data-kind=\"draft\"", StringComparison.Ordinal)..];
        Assert.Contains($"<a href=\"{new Uri(host.Jira.Root, "browse/OPS-24").AbsoluteUri}\">OPS-24</a> (closed)", draft);
        Assert.Contains($"<a href=\"{new Uri(host.Jira.Root, "browse/OPS-25").AbsoluteUri}\">OPS-25</a> (open)", draft);
        // The stored link keeps the state seen when the issue was made: the draft read Jira.
        Assert.Equal(FollowupState.Open, (await host.IncidentAsync()).Tasks[0].Followup!.State);
    }

    // Issue 19, item 5: "bad project". Jira's JQL search, which runs first, refuses a project the account cannot see with
    // the value first and the field second; the answer names the setting, not a Jira field called 'OPS2'.
    [Fact]
    public async Task A_project_jira_does_not_know_answers_the_caller_naming_the_project_setting_and_links_nothing()
    {
        await using var host = await StartJiraAsync(project: "OPS2");

        var text = await host.RefusedAnswerAsync("Alert on certificate expiry");

        Assert.Contains($"Jira OPS2 refused looking up the follow-ups of INC-1: there is no Jira project OPS2, or the account cannot see it (400) (Jira: {FakeJira.UnknownProjectMessage("OPS2")})", text);
        Assert.Contains("Check: Followups:Jira:Project", text);
        Assert.DoesNotContain("Jira field", text);
        Assert.Empty(host.Jira!.Creates);
    }

    // Issue 19, item 5, at the create: a project refused (ErrorCollection keyed by the field, the schema's documented
    // shape) and "403" (Atlassian publishes no 403 body for createIssue, only that it is an ErrorCollection). The messages
    // are written for the scenarios.
    [Theory]
    [InlineData(400, """{"errorMessages":[],"errors":{"project":"valid project is required"}}""",
        "there is no Jira project OPS, or the account cannot see it (400) (Jira: project: valid project is required)", "Followups:Jira:Project")]
    [InlineData(403, """{"errorMessages":["You do not have permission to create issues in this project."],"errors":{}}""",
        "the account of Followups:Jira:Email may not create issues in project OPS (403): give it the Create issues permission there, or use an account that has it",
        "Followups:Jira:Email and Followups:Jira:ApiToken, or the project's permissions")]
    public async Task A_create_refused_for_the_project_or_the_account_names_what_to_fix_and_leaves_the_task_unlinked(int status, string body, string said, string check)
    {
        await using var host = await StartJiraAsync();
        host.Jira!.NextCreates(FakeCreate.Refused(status, body));

        var text = await host.RefusedAnswerAsync("Alert on certificate expiry");

        Assert.Contains($"Jira OPS refused task 1 of INC-1 (Alert on certificate expiry): {said}", text);
        Assert.Contains($"Check: {check}", text);
        Assert.Empty(host.Jira.Issues("OPS"));
    }

    /// <summary>
    /// Once the first attempt of the follow-ups <c>cmd-3</c> queued has failed, moves <paramref name="clock"/> to its
    /// retry; the wait it moved. The dispatcher logs the retry after it has counted the wait on the clock, so from then on
    /// moving the clock is seen.
    /// </summary>
    private static async Task<TimeSpan> AdvanceToRetryAsync(FollowupHost host, FakeTimeProvider clock, CapturingLoggerProvider logs)
    {
        var id = FollowupItemId(3);
        await FakeGitHub.WaitUntilAsync(() => Task.FromResult(logs.Logs.Any(l => l.Message.Contains($"Delivery of {id} ", StringComparison.Ordinal)
            && l.Message.Contains("(attempt 1); retrying in", StringComparison.Ordinal))), "the first attempt's retry");
        var wait = (await host.App.Outbox.GetAsync(id, CancellationToken.None))!.NextAttemptAt - clock.GetUtcNow();
        clock.Advance(wait);
        return wait;
    }
}
