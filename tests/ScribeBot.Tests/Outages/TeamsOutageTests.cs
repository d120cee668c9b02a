using static ScribeBot.Tests.Teams.TeamsThread;

namespace ScribeBot.Tests.Outages;

/// <summary>
/// The Bot Connector fails in the middle of <c>resolve</c>'s draft, a draft long enough to take several Teams messages
/// (answers 500, 429 with Retry-After, or nothing at all), in one host or across a graceful restart on the same data
/// folder: once the connector is back, every part of the draft arrives exactly once and the outbox is empty.
/// </summary>
public sealed class TeamsOutageTests
{
    private const string ResolveId = "1772461000000";
    private const string TimelineId = "1772461120000";
    internal const int Events = 40;

    /// <summary>Longer than the outbox's first back-off (2 s), so a worker that ignored it would come back too soon.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(3);

    /// <summary>A silent connector costs each attempt this long, not HttpClient's 100 s.</summary>
    private static readonly Dictionary<string, string?> Settings = new() { ["Teams:ConnectorTimeout"] = "00:00:01" };

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [MemberData(nameof(ChatOutages.Every), MemberType = typeof(ChatOutages))]
    public async Task An_outage_in_the_middle_of_the_draft_delays_the_rest_until_the_connector_is_back_then_each_part_arrives_once(ChatOutage outage)
    {
        await using var host = await new ScribeBotApplication().WithTeams().WithSettings(Settings).StartKestrelAsync();
        await StartIncidentWithLongTimelineAsync(host);

        // The resolve's announcement and the draft's first part get through; the second part meets the outage.
        BeginOutage(host.Connector, outage, fromAccepted: host.Connector.Sent.Count + 2);
        await host.PostActivityOkAsync(Command(host, ResolveId, "resolve rolled back", 200));
        await host.Connector.WaitForAttemptsAsync(a => !a.Accepted, 3, Patience);
        host.Connector.EndOutage();

        await AssertDraftDeliveredOnceAsync(host);
        AssertRetryAfterHonoured(host.Connector, outage);
    }

    [Theory]
    [MemberData(nameof(ChatOutages.Every), MemberType = typeof(ChatOutages))]
    public async Task An_outage_across_a_restart_delays_the_rest_of_the_draft_until_the_connector_is_back_then_each_part_arrives_once(ChatOutage outage)
    {
        await using var connector = await FakeConnector.StartAsync();
        using var data = new TempDirectory();
        var first = await new ScribeBotApplication(data).WithTeams(connector: connector).WithSettings(Settings).StartKestrelAsync();
        await StartIncidentWithLongTimelineAsync(first);
        BeginOutage(connector, outage, fromAccepted: connector.Sent.Count + 2);
        await first.PostActivityOkAsync(Command(first, ResolveId, "resolve rolled back", 200));
        await connector.WaitForAttemptsAsync(a => !a.Accepted, 2, Patience);
        // Stop once the outbox recorded those failures, while the worker waits for the retry: a stop while an answer is
        // being read loses that answer (its Retry-After too), a window this test is not about.
        using var timeout = new CancellationTokenSource(Patience);
        await SlackOutageTests.RecordedAsync(
            async () => (await first.Service<IOutboxStore>().GetAsync(OutboxItem.MakeId(TeamsPayloads.Channel, ResolveId, 1), timeout.Token))!.Attempts >= 2,
            timeout.Token);

        // A graceful stop: the data folder and the fake live on for the next host.
        await first.DisposeAsync();
        var failedBeforeRestart = connector.Attempts.Count(a => !a.Accepted);
        await using var second = await new ScribeBotApplication(data).WithTeams(connector: connector).WithSettings(Settings).StartKestrelAsync();
        // The new host meets the outage too before the connector recovers.
        await connector.WaitForAttemptsAsync(a => !a.Accepted, failedBeforeRestart + 1, Patience);
        connector.EndOutage();

        await AssertDraftDeliveredOnceAsync(second);
        AssertRetryAfterHonoured(connector, outage);
    }

    private static void BeginOutage(FakeConnector connector, ChatOutage outage, int fromAccepted)
    {
        switch (outage)
        {
            case ChatOutage.ServerErrors:
                connector.BeginOutage(HttpStatusCode.InternalServerError, fromAccepted: fromAccepted);
                break;
            case ChatOutage.RateLimited:
                connector.BeginOutage(HttpStatusCode.TooManyRequests, RetryAfter, fromAccepted);
                break;
            case ChatOutage.Silence:
                connector.BeginOutage(status: null, fromAccepted: fromAccepted);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(outage));
        }
    }

    /// <summary>Declares INC-1 and tags <see cref="Events"/> long messages as key events: a draft of several messages.</summary>
    /// <summary>
    /// The channel version shows the latest of the <paramref name="events"/> observations, each once, and counts the
    /// ones it leaves out; none is shown twice (a part sent again would show some twice).
    /// </summary>
    internal static void AssertEachTimelineLineOnce(IReadOnlyList<SentActivity> draft, int events)
    {
        var shown = Enumerable.Range(1, events)
            .Select(i => draft.Count(s => s.Text.Contains($"observation {i:D3} ", StringComparison.Ordinal)))
            .ToArray();
        Assert.All(shown, count => Assert.InRange(count, 0, 1));
        Assert.Equal(1, shown[^1]);
        Assert.DoesNotContain("observation", draft[0].Text, StringComparison.Ordinal);
        var leftOut = shown.Count(count => count == 0);
        Assert.True(leftOut > 0, "the test needs a timeline longer than the channel version shows");
        Assert.Contains(draft, s => s.Text.Contains($"{leftOut} more timeline entries are left out here", StringComparison.Ordinal));
    }

    internal static async Task StartIncidentWithLongTimelineAsync(ScribeBotApplication host)
    {
        await host.PostActivityOkAsync(Command(host, StartId, "start Checkout returns 502 sev2", 0));
        await host.Connector.WaitForSentAsync(1);
        for (var i = 1; i <= Events; i++)
        {
            var id = (1_772_460_000_000L + (i * 1000)).ToString(CultureInfo.InvariantCulture);
            await host.PostActivityOkAsync(TeamsPayloads.ChannelMessage(host.ServiceUrl, id, $"observation {i:D3} " + new string('x', 600), TeamsPayloads.Start.AddSeconds(i), Alice, StartId));
            await host.PostActivityOkAsync(TeamsPayloads.Reaction(host.ServiceUrl, id, "like", "29:bo", root: StartId));
        }
    }

    /// <summary>
    /// Asks for the timeline after the draft and waits for it: a channel's posts leave in order, so when it has arrived
    /// the draft's delivery is settled and everything the connector accepted is on record.
    /// </summary>
    private static async Task AssertDraftDeliveredOnceAsync(ScribeBotApplication host)
    {
        await host.PostActivityOkAsync(Command(host, TimelineId, "timeline", 202));
        var sent = await host.Connector.WaitForTextAsync("timeline so far");

        Assert.Single(sent, s => s.Text.Contains("INC-1 declared", StringComparison.Ordinal));
        var resolved = Assert.Single(sent, s => s.Text.Contains("INC-1 resolved", StringComparison.Ordinal));
        var timeline = Assert.Single(sent, s => s.Text.Contains("timeline so far", StringComparison.Ordinal));
        var draft = sent.SkipWhile(s => s != resolved).Skip(1).TakeWhile(s => s != timeline).ToArray();
        Assert.True(draft.Length >= 2, $"the draft took {draft.Length} messages; the test needs one split over several");
        Assert.Contains("Issue Summary", draft[0].Text, StringComparison.Ordinal);
        Assert.Contains("Corrective and Preventative Measures", draft[^1].Text, StringComparison.Ordinal);
        Assert.Equal(draft.Length, draft.Select(s => s.Text).Distinct().Count());
        AssertEachTimelineLineOnce(draft, Events);

        var outbox = host.Service<IOutboxStore>();
        foreach (var index in new[] { 0, 1 })
        {
            var item = await outbox.GetAsync(OutboxItem.MakeId(TeamsPayloads.Channel, ResolveId, index), CancellationToken.None);
            Assert.Equal(OutboxState.Delivered, item!.State);
        }

        var draftItem = await outbox.GetAsync(OutboxItem.MakeId(TeamsPayloads.Channel, ResolveId, 1), CancellationToken.None);
        Assert.True(draftItem!.Attempts > 0, "the draft never met the outage");
        // Nothing else pending; the timeline's own item may still be on its way from accepted to marked delivered.
        var timelineItem = await outbox.GetAsync(OutboxItem.MakeId(TeamsPayloads.Channel, TimelineId, 0), CancellationToken.None);
        var pending = (await outbox.CountPendingAsync(CancellationToken.None)).GetValueOrDefault(ChatPlatform.Teams);
        Assert.True(pending <= (timelineItem!.State == OutboxState.Pending ? 1 : 0), $"{pending} posts still pending");
    }

    /// <summary>After every 429, the next activity came no sooner than the Retry-After.</summary>
    private static void AssertRetryAfterHonoured(FakeConnector connector, ChatOutage outage)
    {
        if (outage != ChatOutage.RateLimited)
        {
            return;
        }

        var attempts = connector.Attempts.OrderBy(a => a.ArrivedAt).ToArray();
        var checkedPairs = 0;
        for (var i = 0; i + 1 < attempts.Length; i++)
        {
            if (attempts[i].Status == 429)
            {
                var waited = attempts[i + 1].ArrivedAt - attempts[i].ArrivedAt;
                Assert.True(waited >= RetryAfter, $"an activity came {waited.TotalMilliseconds} ms after a 429 that said {RetryAfter}");
                checkedPairs++;
            }
        }

        Assert.True(checkedPairs >= 2, $"only {checkedPairs} rate-limited activities were followed by another");
    }
}
