using System.Text;
using ScribeBot.Core.Followups;
using ScribeBot.Testing.Trackers;

namespace ScribeBot.Tests.Slack;

// Issue 19, item 4: the draft posted to Slack shows each follow-up's state as GitHub has it when the draft is rendered,
// not the state stored when the issue was linked.
public sealed class SlackDraftFollowupStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
    private static readonly Person Alice = new("U1", "Alice");

    [Fact]
    public async Task The_draft_posted_to_slack_shows_an_issue_closed_on_github_as_closed()
    {
        await using var github = await FakeGitHub.StartAsync("octo/app");
        await using var host = await new ScribeBotApplication().WithSlack()
            .WithSetting("Followups:GitHub:Token", FakeGitHub.Token)
            .WithSetting("Followups:GitHub:Repository", "octo/app")
            .WithSetting("Followups:GitHub:BaseUrl", github.Root.AbsoluteUri)
            .StartKestrelAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.RunAsync(SlackPayloads.Channel, Alice, "start Checkout returns 502 sev2", T0);
        await host.RunAsync(SlackPayloads.Channel, Alice, "todo Alert on certificate expiry", T0.AddMinutes(1));
        await host.RunAsync(SlackPayloads.Channel, Alice, "todo Add a canary for checkout", T0.AddMinutes(2));
        await host.RunAsync(SlackPayloads.Channel, Alice, "followups", T0.AddMinutes(3));
        await FakeGitHub.WaitUntilAsync(
            async () => (await host.Store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None))!.Tasks.All(t => t.Followup is not null),
            "both tasks linked");
        github.Close("octo/app", 1347);

        await host.RunAsync(SlackPayloads.Channel, Alice, "postmortem", T0.AddMinutes(4));
        await host.Slack.WaitForSharedFileAsync("INC-1-postmortem.md", timeout.Token);

        var markdown = Encoding.UTF8.GetString(host.Slack.Files.All.Single(f => f.Name == "INC-1-postmortem.md").Bytes!);
        Assert.Contains("](<https://github.example/octo/app/issues/1347>) (closed)", markdown);
        Assert.Contains("](<https://github.example/octo/app/issues/1348>) (open)", markdown);
        // The stored link is not rewritten by the reading.
        Assert.Equal(FollowupState.Open, (await host.Store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None))!.Tasks[0].Followup!.State);
    }
}
