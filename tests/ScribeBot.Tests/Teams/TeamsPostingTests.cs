using ScribeBot.Core.Postmortem.ChannelVersion;
using ScribeBot.Teams.Rendering;
using ScribeBot.Tests.Outages;
using static ScribeBot.Tests.Teams.TeamsThread;

namespace ScribeBot.Tests.Teams;

/// <summary>Posts made outside a turn: the outbox, the stored conversation reference and a failing connector.</summary>
public sealed class TeamsPostingTests
{
    private const string ResolveId = "1772461000000";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_connector_that_answers_429_then_200_gets_one_post()
    {
        await using var host = await new ScribeBotApplication().WithTeams().StartKestrelAsync();
        host.Connector.FailNext(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(1));

        await host.PostActivityOkAsync(Command(host, StartId, "start Checkout returns 502", 0));
        // A channel's posts leave in order, so when the ack's announcement arrives the start's delivery is settled.
        await host.PostActivityOkAsync(Command(host, "1772460060000", "ack", 1));
        var sent = await host.Connector.WaitForSentAsync(2);

        Assert.Equal([429, 200, 200], host.Connector.Statuses);
        Assert.Single(sent, s => s.Text.Contains("INC-1 declared", StringComparison.Ordinal));
        Assert.Contains("INC-1 acknowledged", sent[1].Text, StringComparison.Ordinal);
        var item = await host.Service<IOutboxStore>().GetAsync(OutboxItem.MakeId(TeamsPayloads.Channel, StartId, 0), CancellationToken.None);
        Assert.Equal(OutboxState.Delivered, item!.State);
        Assert.Equal(1, item.Attempts);
    }

    [Fact]
    public async Task The_answer_to_a_refused_command_survives_a_connector_outage()
    {
        await using var host = await new ScribeBotApplication().WithTeams().StartKestrelAsync();
        host.Connector.FailNext(HttpStatusCode.ServiceUnavailable);
        host.Connector.FailNext(HttpStatusCode.InternalServerError);

        await host.PostActivityOkAsync(Command(host, StartId, "severity sev9", 0));

        var reply = Assert.Single(await host.Connector.WaitForSentAsync(1));
        Assert.Equal([503, 500, 200], host.Connector.Statuses);
        Assert.Contains("sev9", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_split_over_several_messages_resumes_after_a_failed_part_without_repeating_any()
    {
        await using var host = await new ScribeBotApplication().WithTeams().StartKestrelAsync();
        await host.PostActivityOkAsync(Command(host, StartId, "start Checkout returns 502 sev2", 0));
        // 150 key events of 150 characters each: far more than one Teams message holds.
        await TeamsBusyChannel.PostTaggedObservationsAsync(host, StartId, Alice);

        var (_, draft) = await TeamsBusyChannel.FailTheDraftsSecondMessageOnceAsync(host, async () =>
        {
            await host.PostActivityOkAsync(Command(host, "1772461000000", "resolve rolled back", 200));
            await host.PostActivityOkAsync(Command(host, "1772461060000", "status", 201));
            await host.PostActivityOkAsync(Command(host, "1772461120000", "timeline", 202));
        });
        Assert.True(draft.Length >= 2, $"the draft took {draft.Length} messages");
        Assert.Contains(503, host.Connector.Statuses);
        TeamsOutageTests.AssertEachTimelineLineOnce(draft, 150);

        Assert.Equal(draft.Length, draft.Select(s => s.Text).Distinct().Count());
        var item = await host.Service<IOutboxStore>().GetAsync(OutboxItem.MakeId(TeamsPayloads.Channel, "1772461000000", 1), CancellationToken.None);
        Assert.Equal(OutboxState.Delivered, item!.State);
        Assert.Equal(1, item.Attempts);
    }

    [Fact]
    public async Task A_draft_resumed_after_a_failed_part_continues_its_first_rendering_though_the_incident_was_edited_meanwhile()
    {
        const string EditedRootCause = "expired TLS certificate on the payments gateway";
        await using var host = await new ScribeBotApplication().WithTeams().StartKestrelAsync();
        await TeamsOutageTests.StartIncidentWithLongTimelineAsync(host);

        // The resolve's announcement and the draft's first part get through; every later activity is refused until
        // the incident has been edited, so no retry can come before the edit.
        host.Connector.BeginOutage(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromSeconds(1), fromAccepted: host.Connector.Sent.Count + 2);
        await host.PostActivityOkAsync(Command(host, ResolveId, "resolve rolled back", 200));
        await host.Connector.WaitForAttemptsAsync(a => !a.Accepted, 1, Patience);
        await host.PostActivityOkAsync(Command(host, "1772461060000", $"rootcause {EditedRootCause}", 201));
        host.Connector.EndOutage();

        // The command's answer waits behind the draft (a channel's posts leave in order): once it is here, the draft is.
        var sent = await host.Connector.WaitForTextAsync("Recorded the root cause");
        var draft = DraftOf(sent, until: "Recorded the root cause");
        Assert.True(draft.Length >= 2, $"the draft took {draft.Length} messages; the test needs one split over several");
        var edited = draft.Count(s => s.Text.Contains(EditedRootCause, StringComparison.Ordinal));
        Assert.True(edited == 0, $"{edited} of the draft's {draft.Length} messages come from a rendering after the edit");
        Assert.Contains("Corrective and Preventative Measures", draft[^1].Text, StringComparison.Ordinal);
        Assert.Equal(draft.Length, draft.Select(s => s.Text).Distinct().Count());
        TeamsOutageTests.AssertEachTimelineLineOnce(draft, TeamsOutageTests.Events);

        var item = await host.Service<IOutboxStore>().GetAsync(OutboxItem.MakeId(TeamsPayloads.Channel, ResolveId, 1), CancellationToken.None);
        Assert.True(item!.Attempts > 0, "the draft never met the outage");
    }

    [Fact]
    public async Task A_delivered_draft_whose_outbox_mark_was_lost_is_not_sent_again_though_the_incident_grew()
    {
        await using var host = await new ScribeBotApplication().WithTeams().StartKestrelAsync();
        await TeamsOutageTests.StartIncidentWithLongTimelineAsync(host);
        await host.PostActivityOkAsync(Command(host, ResolveId, "resolve rolled back", 200));
        var draft = DraftOf(await host.Connector.WaitForTextAsync("Corrective and Preventative Measures"), until: null);
        var item = await DeliveredAsync(host, OutboxItem.MakeId(TeamsPayloads.Channel, ResolveId, 1));

        // Edited after the delivery (in the store, so no command answer is posted meanwhile): rendered anew, the draft
        // would now read differently from what was sent.
        var incident = await host.Store.FindLatestIncidentAsync(TeamsPayloads.Channel, CancellationToken.None);
        await host.Store.SaveIncidentAsync(incident! with { RootCause = "a cache stampede after the deploy" }, [], [], CancellationToken.None);
        Assert.NotEqual(draft.Select(s => s.Text), await RenderedTextsAsync(host));
        var attempts = host.Connector.Attempts.Count;

        var again = await TeamsPoster(host).DeliverAsync(item, CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, again);
        Assert.Equal(attempts, host.Connector.Attempts.Count);
    }

    [Fact]
    public async Task An_item_left_half_sent_by_the_previous_version_resumes_at_its_recorded_part()
    {
        await using var host = await new ScribeBotApplication().WithTeams().StartKestrelAsync();
        await host.PostActivityOkAsync(Command(host, StartId, "start Checkout returns 502", 0));
        await host.Connector.WaitForSentAsync(1);
        // One line too long for one message: the announcement takes two, and the previous version recorded that the
        // connector accepted the first (teams:delivered:{id} holding the count), with no stored rendering.
        var text = ChatText.Of("first-half " + new string('x', TeamsLimits.MaxMessageChars) + " second-half");
        var item = OutboxItem.For("1772460500000", [new AnnouncementPost(TeamsPayloads.Channel, text)], incidentId: null, TeamsPayloads.Start)[0];
        await host.Service<IAdapterStateStore>().SetStateAsync($"teams:delivered:{item.Id}", "1", CancellationToken.None);
        var before = host.Connector.Sent.Count;

        var result = await TeamsPoster(host).DeliverAsync(item, CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, result);
        var sent = host.Connector.Sent.Skip(before).ToArray();
        var rest = Assert.Single(sent);
        Assert.Contains("second-half", rest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("first-half", rest.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_connector_down_across_a_restart_the_draft_arrives_once_after_recovery()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var data = new TempDirectory();
        var first = await new ScribeBotApplication(data).WithTeams(connector: connector).StartKestrelAsync();
        await first.PostActivityOkAsync(Command(first, StartId, "start Checkout returns 502", 0));
        await connector.WaitForSentAsync(1);
        for (var i = 0; i < 3; i++)
        {
            connector.FailNext(HttpStatusCode.BadGateway);
        }

        await first.PostActivityOkAsync(Command(first, "1772460600000", "resolve rolled back", 10));
        // A graceful stop: the data folder and the fake live on for the next host.
        await first.DisposeAsync();

        await using var second = await new ScribeBotApplication(data).WithTeams(connector: connector).StartKestrelAsync();
        var sent = await second.Connector.WaitForTextAsync("Corrective and Preventative Measures");

        Assert.Single(sent, s => s.Text.Contains("INC-1 resolved", StringComparison.Ordinal));
        Assert.Single(sent, s => s.Text.Contains("Issue Summary", StringComparison.Ordinal));
        Assert.Contains(502, connector.Statuses);
        Assert.All(sent, s => Assert.Equal($"{TeamsPayloads.ChannelId};messageid={StartId}", s.ConversationId));
    }

    [Fact]
    public async Task The_draft_links_to_its_full_markdown_which_the_host_serves()
    {
        await using var host = await new ScribeBotApplication().WithTeams().WithSetting("Scribe:PublicBaseUrl", "https://scribe.example.com/").StartKestrelAsync();
        await host.PostActivityOkAsync(Command(host, StartId, "start Checkout returns 502", 0));
        await host.PostActivityOkAsync(TeamsPayloads.ChannelMessage(host.ServiceUrl, "1772460030000", "p99 <b>3s</b> @channel", TeamsPayloads.Start.AddSeconds(30), Alice, StartId));
        await host.PostActivityOkAsync(Command(host, "1772460600000", "resolve rolled back", 10));

        var sent = await host.Connector.WaitForTextAsync("Corrective and Preventative Measures");
        var incident = await host.Store.FindLatestIncidentAsync(TeamsPayloads.Channel, CancellationToken.None);
        var path = $"incidents/{Uri.EscapeDataString(incident!.Id)}/postmortem.md";
        Assert.Contains(sent, s => s.Text.Contains($"href=\"https://scribe.example.com/{path}\"", StringComparison.Ordinal));

        using var download = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/markdown", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("INC-1-postmortem.md", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        var markdown = await download.Content.ReadAsStringAsync();
        Assert.Contains("## Issue Summary", markdown, StringComparison.Ordinal);
        Assert.Contains("p99", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("@channel", markdown, StringComparison.Ordinal);

        using var unknown = await host.Client.GetAsync(new Uri("incidents/teams%3Anope%3A9/postmortem.md", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>The messages after the resolve's announcement, up to the one containing <paramref name="until"/>.</summary>
    private static SentActivity[] DraftOf(IReadOnlyList<SentActivity> sent, string? until)
    {
        var resolved = Assert.Single(sent, s => s.Text.Contains("INC-1 resolved", StringComparison.Ordinal));
        return [.. sent.SkipWhile(s => s != resolved).Skip(1).TakeWhile(s => until is null || !s.Text.Contains(until, StringComparison.Ordinal))];
    }

    /// <summary>Waits until the outbox marked the item delivered (after the connector's answer, so a little later).</summary>
    private static async Task<OutboxItem> DeliveredAsync(ScribeBotApplication host, string itemId)
    {
        using var timeout = new CancellationTokenSource(Patience);
        OutboxItem? item = null;
        await SlackOutageTests.RecordedAsync(
            async () => (item = await host.Service<IOutboxStore>().GetAsync(itemId, timeout.Token))?.State == OutboxState.Delivered,
            timeout.Token);
        return item!;
    }

    /// <summary>The messages INC-1's draft would take if it were rendered now.</summary>
    private static async Task<string[]> RenderedTextsAsync(ScribeBotApplication host)
    {
        var incident = await host.Store.FindLatestIncidentAsync(TeamsPayloads.Channel, CancellationToken.None);
        var entries = await host.Store.GetTimelineAsync(incident!.Id, CancellationToken.None);
        var draft = ChannelDraftBuilder.Build(PostmortemDraft.Build(incident, entries), LeadBuilder.Build(incident, entries), ChatText.Of("the full draft on the dashboard"));
        return [.. TeamsMessages.Draft(draft, markdownUrl: null)];
    }

    private static IChannelPoster TeamsPoster(ScribeBotApplication host) =>
        host.Service<IEnumerable<IChannelPoster>>().Single(p => p.Platform == ChatPlatform.Teams);
}
