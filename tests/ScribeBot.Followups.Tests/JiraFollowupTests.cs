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

    [Fact]
    public async Task After_a_lost_answer_the_retry_finds_the_jira_issue_by_jql_and_creates_nothing_new()
    {
        await using var host = await StartJiraAsync();
        host.Jira!.NextCreates(FakeCreate.Lost(FakeLoss.BadGateway));

        var incident = await host.LinkTasksAsync("Alert on certificate expiry");

        Assert.Single(host.Jira.Issues("OPS"));
        Assert.Single(host.Jira.Creates);
        Assert.Equal("OPS-24", incident.Tasks[0].Followup!.IssueKey);
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
}
