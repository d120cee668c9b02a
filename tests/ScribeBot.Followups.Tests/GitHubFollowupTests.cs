using ScribeBot.Testing.Web;
using ScribeBot.Core.Postmortem.Building;
using ScribeBot.Core.Postmortem.Markdown;
using ScribeBot.Core.Timeline;
using static ScribeBot.Followups.Tests.FollowupHost;

namespace ScribeBot.Followups.Tests;

// Issue 19 through the real host: /incident followups, the outbox, the GitHub adapter, a fake GitHub on loopback.
public sealed class GitHubFollowupTests
{
    [Fact]
    public async Task Followups_become_github_issues_that_link_back_and_the_draft_and_status_link_them()
    {
        await using var host = await StartAsync();
        await host.RunAsync("start Checkout returns 502 sev2", 0);
        await host.App.SayAsync(Channel, "m1", Alice, "The LB certificate expired at 13:58", T0.AddMinutes(2), permalink: "https://chat.example/m1");
        await host.App.TagAsync(Channel, "m1", TimelineTag.RootCause, Alice);
        await host.RunAsync("todo Alert 14 days before a certificate expires @Bo", 3);
        await host.RunAsync("todo Add a canary for checkout @Priya", 4);

        var queued = await host.RunAsync("followups", 5);
        var incident = await host.WaitForLinkedAsync(2);

        Assert.Contains("Queued 2 tasks of INC-1 for GitHub octo/app", queued.Reply.ToPlainString());
        var creates = host.GitHub.Creates;
        Assert.Equal(2, creates.Count);
        var published = Fixtures.Trackers.Json("github_create_issue_request.docs.json").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var call in creates)
        {
            Assert.Equal(("application/vnd.github+json", "2022-11-28", "/api/v3/repos/octo/app/issues"), (call.Accept, call.ApiVersion, call.Path));
            Assert.StartsWith("ScribeBot", call.UserAgent);
            Assert.Subset(published, JsonNode.Parse(call.Body)!.AsObject().Select(p => p.Key).ToHashSet());
        }

        var first = JsonNode.Parse(creates[0].Body)!;
        Assert.Equal("Alert 14 days before a certificate expires (INC-1)", (string?)first["title"]);
        Assert.Equal(["postmortem", "INC-1"], first["labels"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(["bo-chen"], first["assignees"]!.AsArray().Select(l => (string)l!));
        var body = (string)first["body"]!;
        Assert.Contains("https://scribe.example/incidents/web%3Asandbox%3A1", body);
        Assert.Contains("(https://chat.example/m1)", body);
        Assert.Contains(FollowupMarker.Comment(FollowupMarker.For(incident.Id, 1)), body);

        // An owner the person map does not know is named, never guessed into an assignee.
        var second = JsonNode.Parse(creates[1].Body)!;
        Assert.Null(second["assignees"]);
        Assert.Contains("Owner: Priya (no GitHub account mapped in Followups:People; not assigned)", (string)second["body"]!);

        var link = incident.Tasks[0].Followup!;
        Assert.Equal(("github", "octo/app#1347", "https://github.example/octo/app/issues/1347", FollowupState.Open),
            (link.Tracker, link.IssueKey, link.Url, link.State));
        var entries = await host.App.Store.GetTimelineAsync(incident.Id, CancellationToken.None);
        var draft = PostmortemMarkdown.Render(PostmortemDraft.Build(incident, entries));
        // The task list links each issue, with its state (the Markdown escapes the key's '#').
        var tasks = draft.Split('\n').Where(l => l.StartsWith("- [ ] ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, tasks.Length);
        Assert.Contains("](<https://github.example/octo/app/issues/1347>) (open)", tasks[0]);
        Assert.Contains("](<https://github.example/octo/app/issues/1348>) (open)", tasks[1]);
        Assert.Contains("Follow-ups: 2 of 2 open", (await host.RunAsync("status", 6)).Reply.ToPlainString());
        var page = await host.App.PageAsync(ScribeBot.Core.Links.IncidentPages.Page(incident.Id));
        Assert.Matches("<dt>Follow-ups</dt>\\s*<dd>2 of 2 open", page);
        var editor = await host.App.PageAsync(ScribeBot.Core.Links.IncidentPages.Editor(incident.Id));
        Assert.Contains("<input type=\"hidden\" name=\"Tasks[0].Number\" value=\"1\" />", editor);
        Assert.Contains("href=\"https://github.example/octo/app/issues/1347\"", editor);
        Assert.Contains(">octo/app#1347</a> <span class=\"muted\">(open)</span>", editor);

        // Asked again: nothing is queued and nothing created.
        var again = await host.RunAsync("followups", 7);
        Assert.Contains("Every task of INC-1 already has an issue (2 open)", again.Reply.ToPlainString());
        Assert.Empty(again.Posts);
        Assert.Equal(2, host.GitHub.Creates.Count);
    }

    [Theory]
    [InlineData(FakeLoss.BadGateway)]
    [InlineData(FakeLoss.DropConnection)]
    public async Task After_a_lost_answer_the_retry_finds_the_issue_by_its_marker_and_creates_nothing_new(FakeLoss loss)
    {
        await using var host = await StartAsync();
        host.GitHub.NextCreates(FakeCreate.Lost(loss));

        var incident = await host.LinkTasksAsync("Alert on certificate expiry");

        Assert.Single(host.GitHub.Issues("octo/app"));
        Assert.Single(host.GitHub.Creates);
        // Looked up before the create, and again (finding it) on the outbox's retry.
        Assert.Equal(2, host.GitHub.Calls.Count(c => c.Method == "GET" && c.Query.Contains("labels=INC-1", StringComparison.Ordinal)));
        Assert.Equal("octo/app#1347", incident.Tasks[0].Followup!.IssueKey);
        Assert.Equal(OutboxState.Delivered, (await host.WaitForItemAsync(FollowupItemId(3))).State);
    }

    [Fact]
    public async Task A_repository_github_does_not_know_answers_the_caller_naming_the_setting_and_links_nothing()
    {
        await using var host = await StartAsync(repository: "octo/gone");

        var (item, notice) = await host.RefusedFollowupsAsync("Alert on certificate expiry");

        Assert.Equal(OutboxState.Abandoned, item.State);
        Assert.Equal(Alice, notice.Recipient);
        Assert.Equal(Channel, notice.Channel);
        var text = notice.Text.ToPlainString();
        Assert.Contains("GitHub octo/gone refused looking up the follow-ups of INC-1: there is no repository octo/gone, or the token cannot see it (404)", text);
        Assert.Contains("Check: Followups:GitHub:Repository", text);
        Assert.Empty(host.GitHub.Creates);
        Assert.Null((await host.IncidentAsync()).Tasks[0].Followup);
    }

    [Fact]
    public async Task A_validation_refusal_names_the_field_leaves_the_task_unlinked_and_a_later_request_creates_it()
    {
        await using var host = await StartAsync();
        // GitHub's documented validation error shape (docs.github.com "Client errors"), built for this scenario.
        host.GitHub.NextCreates(FakeCreate.Refused(422,
            """{"message":"Validation Failed","errors":[{"resource":"Issue","field":"assignees","code":"invalid"}],"documentation_url":"https://docs.github.com/rest/issues/issues#create-an-issue","status":"422"}"""));

        var (_, notice) = await host.RefusedFollowupsAsync("Alert on certificate expiry @Bo");

        var text = notice.Text.ToPlainString();
        Assert.Contains("refused task 1 of INC-1 (Alert on certificate expiry): GitHub refused an assignee GitHub does not accept", text);
        Assert.Contains("Check: Followups:People", text);
        Assert.Null((await host.IncidentAsync()).Tasks[0].Followup);
        Assert.Empty(host.GitHub.Issues("octo/app"));

        await host.RunAsync("followups", 3);
        var incident = await host.WaitForLinkedAsync(1);
        Assert.Single(host.GitHub.Issues("octo/app"));
        Assert.Equal(FollowupState.Open, incident.Tasks[0].Followup!.State);
    }

    [Fact]
    public async Task With_OnResolve_resolving_queues_the_followups()
    {
        await using var host = await StartAsync(settings: ("Followups:OnResolve", "true"));
        await host.StartIncidentAsync("Alert on certificate expiry");

        var resolved = await host.RunAsync("resolve renewed the certificate", 2);
        await host.WaitForLinkedAsync(1);

        Assert.Contains(resolved.Posts, p => p is FollowupsPost);
        Assert.Single(host.GitHub.Issues("octo/app"));
    }

    [Fact]
    public async Task Without_a_tracker_the_command_says_what_to_configure_and_changes_nothing()
    {
        await using var app = new ScribeBotApplication();
        await app.RunAsync(Channel, Alice, "start Checkout returns 502 sev2", T0);
        await app.RunAsync(Channel, Alice, "todo Alert on certificate expiry", T0.AddMinutes(1));

        var outcome = await app.Service<CommandHandler>().HandleAsync(new CommandRequest
        {
            Channel = Channel, Caller = Alice, Text = "followups", At = T0.AddMinutes(2), RequestId = "f1",
        }, CancellationToken.None);

        Assert.False(outcome.Accepted);
        Assert.Contains("Followups:GitHub:Token and Followups:GitHub:Repository", outcome.Reply.ToPlainString());
        Assert.Empty(outcome.Posts);
    }
}
