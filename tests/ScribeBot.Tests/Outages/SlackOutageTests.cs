namespace ScribeBot.Tests.Outages;

/// <summary>
/// Slack fails while <c>resolve</c>'s draft is being posted (answers 500, 429 with Retry-After, or nothing at all), in
/// one host or across a graceful restart on the same data folder: once Slack is back, the draft reaches the channel
/// exactly once and the outbox is empty.
/// </summary>
public sealed class SlackOutageTests
{
    private const string Title = "Checkout returns 502";
    private const string ResolveId = "1.2.resolve";
    private const string TimelineId = "1.2.timeline";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>Longer than the outbox's first back-off (2 s), so a worker that ignored it would come back too soon.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(3);

    /// <summary>A silent Slack costs each attempt this long, not HttpClient's 100 s.</summary>
    private static readonly Dictionary<string, string?> Settings = new() { ["Slack:RequestTimeout"] = "00:00:01" };

    /// <summary>
    /// The calls a delivery makes; a 429 on any of them must hold back the next. auth.test: a retry learns the bot's ids
    /// to tell its own markers from another app's.
    /// </summary>
    private static readonly string[] DeliveryMethods =
    [
        "auth.test", "chat.postMessage", "conversations.history", "conversations.replies", "files.getUploadURLExternal", "upload",
        "files.completeUploadExternal",
    ];

    [Theory]
    [MemberData(nameof(ChatOutages.Every), MemberType = typeof(ChatOutages))]
    public async Task An_outage_while_the_draft_is_posted_delays_it_until_slack_is_back_then_it_is_posted_once(ChatOutage outage)
    {
        await using var host = await new ScribeBotApplication().WithSlack().WithSettings(Settings).StartKestrelAsync();
        using var timeout = new CancellationTokenSource(Patience);
        await StartIncidentAsync(host, timeout.Token);

        // The resolve's announcement gets through; everything after it, the draft first, meets the outage.
        host.Slack.BeginOutage(AnswerFor(outage), afterPosts: 1);
        await ResolveAsync(host);
        await WaitForFailedDeliveriesAsync(host, 3, timeout.Token);
        host.Slack.EndOutage();
        var ended = TimeProvider.System.GetUtcNow();

        await AssertDraftDeliveredOnceAsync(host, timeout.Token);
        AssertRetryAfterHonoured(host.Slack, outage, ended);
    }

    [Theory]
    [MemberData(nameof(ChatOutages.Every), MemberType = typeof(ChatOutages))]
    public async Task An_outage_across_a_restart_delays_the_draft_until_slack_is_back_then_it_is_posted_once(ChatOutage outage)
    {
        await using var slack = await FakeSlack.StartAsync();
        using var data = new TempDirectory();
        using var timeout = new CancellationTokenSource(Patience);
        var first = await new ScribeBotApplication(data).WithSlack(slack).WithSettings(Settings).StartKestrelAsync();
        await StartIncidentAsync(first, timeout.Token);
        slack.BeginOutage(AnswerFor(outage), afterPosts: 1);
        await ResolveAsync(first);
        await WaitForFailedDeliveriesAsync(first, 2, timeout.Token);
        // Stop just after the outbox recorded a failure, while the worker waits for the retry: a stop while an answer is
        // being read loses that answer (its Retry-After too), a window this test is not about.
        var failed = (await DraftAsync(first, timeout.Token)).Attempts;
        await RecordedAsync(async () => (await DraftAsync(first, timeout.Token)).Attempts > failed, timeout.Token);

        // A graceful stop: the data folder and the fake live on for the next host.
        await first.DisposeAsync();
        await using var second = await new ScribeBotApplication(data).WithSlack(slack).WithSettings(Settings).StartKestrelAsync();
        // The new host meets the outage too, and fails at least once more, before Slack recovers.
        var failedBeforeRestart = (await DraftAsync(second, timeout.Token)).Attempts;
        await WaitForFailedDeliveriesAsync(second, failedBeforeRestart + 1, timeout.Token);
        slack.EndOutage();
        var ended = TimeProvider.System.GetUtcNow();

        await AssertDraftDeliveredOnceAsync(second, timeout.Token);
        AssertRetryAfterHonoured(slack, outage, ended);
    }

    private static FakeResponse? AnswerFor(ChatOutage outage) => outage switch
    {
        ChatOutage.ServerErrors => new FakeResponse(500, """{"ok":false,"error":"fatal_error"}"""),
        ChatOutage.RateLimited => FakeResponse.RateLimited(RetryAfter.TotalSeconds.ToString(CultureInfo.InvariantCulture)),
        ChatOutage.Silence => null,
        _ => throw new ArgumentOutOfRangeException(nameof(outage)),
    };

    /// <summary>Until <paramref name="condition"/> holds: the store raises no event, so it is looked at every 20 ms.</summary>
    internal static async Task RecordedAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    private static async Task<OutboxItem> DraftAsync(ScribeBotApplication host, CancellationToken cancellationToken) =>
        await host.Service<IOutboxStore>().GetAsync(OutboxItem.MakeId(SlackPayloads.Channel, ResolveId, 1), cancellationToken)
        ?? throw new InvalidOperationException("the draft was never enqueued");

    /// <summary>
    /// Waits until the outbox has recorded <paramref name="attempts"/> failed deliveries of the draft, looking again at
    /// each call Slack refuses (one delivery can make several: the client retries its reads), and fails if the draft
    /// was given up.
    /// </summary>
    private static async Task WaitForFailedDeliveriesAsync(ScribeBotApplication host, int attempts, CancellationToken cancellationToken)
    {
        while (true)
        {
            var refused = host.Slack.Refused.Count;
            var draft = await DraftAsync(host, cancellationToken);
            Assert.Equal(OutboxState.Pending, draft.State);
            if (draft.Attempts >= attempts)
            {
                return;
            }

            await host.Slack.WaitForRefusedAsync(refused + 1, cancellationToken);
        }
    }

    private static async Task StartIncidentAsync(ScribeBotApplication host, CancellationToken cancellationToken)
    {
        await host.PostSlackFormAsync(SlackPayloads.Command($"start {Title} sev2", "1.2.start"));
        await host.Slack.WaitForDeliveredAsync("chat.postMessage", 1, cancellationToken);
    }

    private static async Task ResolveAsync(ScribeBotApplication host)
    {
        using var resolve = await host.PostSlackFormAsync(SlackPayloads.Command("resolve rolled back to v2.40", ResolveId));
        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
    }

    /// <summary>
    /// Asks for the timeline after the draft and waits for it: a channel's posts leave in order, so when it has arrived
    /// the draft's delivery is settled and every call it made is on record.
    /// </summary>
    private static async Task AssertDraftDeliveredOnceAsync(ScribeBotApplication host, CancellationToken cancellationToken)
    {
        await host.PostSlackFormAsync(SlackPayloads.Command("timeline", TimelineId));
        await WaitForDeliveredTextAsync(host.Slack, "timeline so far", cancellationToken);

        var posts = host.Slack.DeliveredTo("chat.postMessage").Select(c => c.Json()).ToArray();
        var texts = posts.Select(p => p.GetProperty("text").GetString()!).ToArray();
        Assert.Single(texts, t => t.Contains("INC-1 declared", StringComparison.Ordinal));
        Assert.Single(texts, t => t.Contains("INC-1 resolved", StringComparison.Ordinal));
        Assert.Single(texts, t => t.StartsWith($"INC-1: {Title} - postmortem draft (1/", StringComparison.Ordinal));

        // Every part of the draft (its first message and any continuation in its thread) exactly once.
        var draftId = OutboxItem.MakeId(SlackPayloads.Channel, ResolveId, 1);
        var parts = posts
            .Where(p => p.TryGetProperty("metadata", out var m) && m.GetProperty("event_payload").GetProperty("outbox_id").GetString() == draftId)
            .Select(p => p.GetProperty("metadata").GetProperty("event_payload").GetProperty("part").GetInt32())
            .Order()
            .ToArray();
        Assert.Equal(Enumerable.Range(0, parts.Length), parts);
        Assert.NotEmpty(parts);
        // By name: a host with a timeline picture shares that file in the thread too, also exactly once.
        Assert.Single(host.Slack.Files.Shared, f => f.Name == "INC-1-postmortem.md");
        Assert.True(host.Slack.Files.Shared.Count(f => f.Name == "INC-1-timeline.png") <= 1);

        var outbox = host.Service<IOutboxStore>();
        foreach (var index in new[] { 0, 1 })
        {
            var item = await outbox.GetAsync(OutboxItem.MakeId(SlackPayloads.Channel, ResolveId, index), cancellationToken);
            Assert.Equal(OutboxState.Delivered, item!.State);
        }

        Assert.True(await outbox.GetAsync(draftId, cancellationToken) is { Attempts: > 0 }, "the draft never met the outage");
        // Nothing else pending; the timeline's own item may still be on its way from accepted to marked delivered.
        var timelineItem = await outbox.GetAsync(OutboxItem.MakeId(SlackPayloads.Channel, TimelineId, 0), cancellationToken);
        var pending = (await outbox.CountPendingAsync(cancellationToken)).GetValueOrDefault(ChatPlatform.Slack);
        Assert.True(pending <= (timelineItem!.State == OutboxState.Pending ? 1 : 0), $"{pending} posts still pending");
    }

    /// <summary>After every 429, the bot's next call for a delivery came no sooner than the Retry-After.</summary>
    /// <remarks>
    /// <c>auth.test</c> is also the endpoint's (learning the bot's ids when a host starts), and Slack limits each method
    /// separately (https://docs.slack.dev/apis/web-api/rate-limits: "per API method per workspace/team per app"), so an
    /// <c>auth.test</c> is paired only with an earlier 429 of <c>auth.test</c>, which no caller may ignore, not with a
    /// delivery's 429 of another method. One after the outage ended is the first command's, not the delivery's.
    /// </remarks>
    private static void AssertRetryAfterHonoured(FakeSlack slack, ChatOutage outage, DateTimeOffset outageEnded)
    {
        var calls = slack.Calls.Where(c => DeliveryMethods.Contains(c.ApiMethod)).OrderBy(c => c.ArrivedAt).ToArray();
        var limited = slack.Refused.Where(c => DeliveryMethods.Contains(c.ApiMethod)).ToHashSet();
        var checkedPairs = 0;
        for (var i = 0; outage == ChatOutage.RateLimited && i < calls.Length; i++)
        {
            if (!limited.Contains(calls[i]))
            {
                continue;
            }

            var refusedAuthTest = calls[i].ApiMethod == "auth.test";
            var next = calls.Skip(i + 1).FirstOrDefault(c => c.ApiMethod != "auth.test" || (refusedAuthTest && c.ArrivedAt < outageEnded));
            if (next is null)
            {
                continue;
            }

            var waited = next.ArrivedAt - calls[i].ArrivedAt;
            Assert.True(waited >= RetryAfter, $"{next.ApiMethod} came {waited.TotalMilliseconds} ms after a 429 of {calls[i].ApiMethod} that said {RetryAfter}");
            checkedPairs++;
        }

        Assert.True(outage != ChatOutage.RateLimited || checkedPairs >= 2, $"only {checkedPairs} rate-limited calls were followed by another");
    }

    private static async Task WaitForDeliveredTextAsync(FakeSlack slack, string text, CancellationToken cancellationToken)
    {
        for (var count = 1; ; count++)
        {
            var posts = await slack.WaitForDeliveredAsync("chat.postMessage", count, cancellationToken);
            if (posts.Any(p => p.Json().GetProperty("text").GetString()!.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }
        }
    }
}
