using ScribeBot.Testing.Channels;

namespace ScribeBot.Tests.Slack;

public sealed partial class SlackEndpointTests
{
    /// <summary>
    /// A whole incident as Slack delivers it - start, twenty messages with a thread, an edit and a delete, reactions,
    /// a shortcut, an escalation, resolve - and the draft that reached the fake Slack.
    /// </summary>
    [Fact]
    public async Task A_whole_incident_ends_with_the_draft_and_its_markdown_posted_back_to_slack()
    {
        await using var host = await HostWithIncidentAsync("start Checkout returns 502 sev2");

        var ts = Enumerable.Range(1, 20).Select(i => SlackPayloads.Now(i)).ToArray();
        for (var i = 1; i <= 20; i++)
        {
            var threadTs = i is 5 or 6 ? ts[2] : null;
            await Ok(host.PostSlackJsonAsync(Message($"EvW{i:D3}", ts[i - 1], WalkthroughChat.Text(i), threadTs)));
        }

        await Ok(host.PostSlackJsonAsync(SlackPayloads.Event("event_message_changed.docs.json",
            ("event_id", "EvW100"), ("event.ts", SlackPayloads.Now(21)), ("event.message.ts", ts[3]),
            ("event.message.text", "payments p99 is 30s, right at the gateway timeout"), ("event.message.edited.ts", SlackPayloads.Now(21)))));
        await Ok(host.PostSlackJsonAsync(SlackPayloads.Event("event_message_deleted.docs.json",
            ("event_id", "EvW101"), ("event.ts", SlackPayloads.Now(22)), ("event.deleted_ts", ts[6]))));
        var reactions = new[] { (1, "rotating_light"), (4, "pushpin"), (9, "hammer_and_wrench"), (10, "x"), (18, "white_check_mark") };
        foreach (var (message, emoji) in reactions)
        {
            await Ok(host.PostSlackJsonAsync(SlackPayloads.Event("event_reaction_added.docs.json",
                ("event_id", $"EvW2{message:D2}"), ("event.reaction", emoji), ("event.item.ts", ts[message - 1]),
                ("event.event_ts", SlackPayloads.Now(23)))));
        }

        var shortcut = SlackPayloads.Event("interactivity_message_action.slack_docs_example.json",
            ("callback_id", "add_to_timeline"), ("team.id", SlackPayloads.Team), ("channel.id", SlackPayloads.ChannelId),
            ("message.ts", ts[11]), ("message.text", WalkthroughChat.Text(12)));
        await Ok(host.PostSlackFormAsync(new Dictionary<string, string> { ["payload"] = shortcut.ToJsonString() }));
        var view = Assert.Single(host.Slack.CallsTo("views.open")).Json().GetProperty("view");
        await Ok(host.PostSlackFormAsync(new Dictionary<string, string> { ["payload"] = Submission(view, "root-cause", null).ToJsonString() }));

        await Ok(host.PostSlackFormAsync(SlackPayloads.Command("escalate <@U0DANA|Dana Okafor> database on-call", "1.2.escalate")));
        await Ok(host.PostSlackFormAsync(SlackPayloads.Command("rootcause The payments-api release set the DB pool to 5 instead of 50", "1.2.rootcause")));
        var markdown = await ResolveAndReadDraftMarkdownAsync(host, "resolve rolled back payments-api");
        var posted = host.Slack.CallsTo("chat.postMessage").Select(c => Encoding.UTF8.GetString(c.Body)).ToArray();
        var draft = string.Join("\n", posted.SkipWhile(p => !p.Contains("resolved", StringComparison.Ordinal)).Skip(1));
        foreach (var heading in WalkthroughChat.DraftHeadings)
        {
            Assert.Contains(heading, draft, StringComparison.Ordinal);
        }

        Assert.Contains("5xx alert firing on checkout-api", draft, StringComparison.Ordinal);
        Assert.Contains("payments p99 is 30s, right at the gateway timeout", draft, StringComparison.Ordinal);
        Assert.Contains("could it be the Stripe EU degradation?", draft, StringComparison.Ordinal);
        // Names come from users.info, as in real Slack: the fake answers its docs fixture ("spengler") for every id.
        TextAssert.ContainsAll(
            draft,
            $"Escalated to {FixtureName}: database on-call",
            "payments-api pool size is 5, should be 50",
            "rollback done, errors back to baseline");
        TextAssert.ContainsNone(draft, "payments p99 is 3s\"", "chatter 2", "lunch order");

        Assert.StartsWith("# INC-1: Checkout returns 502", markdown, StringComparison.Ordinal);
        Assert.Contains("chatter 2", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("lunch order", markdown, StringComparison.Ordinal);
        Assert.Contains("gateway logs show upstream timeouts", markdown, StringComparison.Ordinal);
        Assert.Equal(SlackPayloads.ChannelId, Assert.Single(host.Slack.Files.Shared, f => f.Name == "INC-1-postmortem.md").Channel);
    }
}
