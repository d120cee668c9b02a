namespace ScribeBot.Tests.Outages;

/// <summary>
/// A post whose first attempt reached Slack but whose answer never came back, because the host stopped while waiting
/// for it; the next host, on the same data file, starts at once and retries within a second or two. The channel must
/// hold the post exactly once.
/// </summary>
public sealed class SlackCrashRetryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>Long enough that the first host is stopped while its post still waits for an answer.</summary>
    private static readonly Dictionary<string, string?> Settings = new() { ["Slack:RequestTimeout"] = "00:01:00" };

    [Fact]
    public async Task A_post_cut_off_by_a_stop_and_retried_at_once_by_the_next_host_is_in_the_channel_once()
    {
        await using var slack = await FakeSlack.StartAsync();
        using var data = new TempDirectory();
        using var timeout = new CancellationTokenSource(Patience);
        var first = await new ScribeBotApplication(data).WithSlack(slack).WithSettings(Settings).StartKestrelAsync();
        await first.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502 sev2", "1.2.start"));
        await slack.WaitForDeliveredAsync("chat.postMessage", 1, timeout.Token);

        // The resolve's announcement reaches the channel; its answer does not reach the host.
        slack.Enqueue("chat.postMessage", FakeResponse.PostedButUnanswered);
        using (var resolve = await first.PostSlackFormAsync(SlackPayloads.Command("resolve rolled back", "1.2.resolve")))
        {
            Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        }

        await slack.WaitForDeliveredAsync("chat.postMessage", 2, timeout.Token);
        var announcementId = OutboxItem.MakeId(SlackPayloads.Channel, "1.2.resolve", 0);
        // A graceful stop: the data folder and the fake live on for the next host.
        await first.DisposeAsync();

        await using var second = await new ScribeBotApplication(data).WithSlack(slack).WithSettings(Settings).StartKestrelAsync();
        var cutOff = await second.Service<IOutboxStore>().GetAsync(announcementId, timeout.Token);
        Assert.True(TimeProvider.System.GetUtcNow() - cutOff!.EnqueuedAt < TimeSpan.FromSeconds(5), "the retry came later than a fast restart");
        Assert.Equal(0, cutOff.Attempts);

        // The timeline comes after the draft in the channel's queue: once it is there, the retry is settled.
        await second.PostSlackFormAsync(SlackPayloads.Command("timeline", "1.2.timeline"));
        await WaitForTextAsync(slack, "timeline so far", timeout.Token);

        var texts = slack.History.In(SlackPayloads.ChannelId).Select(m => m["text"]!.GetValue<string>()).ToArray();
        Assert.Single(texts, t => t.Contains("INC-1 resolved", StringComparison.Ordinal));
        Assert.Single(texts, t => t.Contains("INC-1 declared", StringComparison.Ordinal));
        Assert.Single(texts, t => t.StartsWith("INC-1: Checkout returns 502 - postmortem draft (1/", StringComparison.Ordinal));
        Assert.Single(texts, t => t.StartsWith("INC-1: Checkout returns 502 - postmortem draft (continued 2/", StringComparison.Ordinal));
        Assert.Equal(OutboxState.Delivered, (await second.Service<IOutboxStore>().GetAsync(announcementId, timeout.Token))!.State);
    }

    [Fact]
    public async Task Neither_the_upload_url_nor_the_token_appears_in_any_log_line_of_the_host()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await new ScribeBotApplication()
            .WithSlack()
            .WithServices(s => s.AddSingleton<ILoggerProvider>(logs))
            .WithSetting("Logging:LogLevel:Default", "Debug")
            .StartKestrelAsync();
        using var timeout = new CancellationTokenSource(Patience);
        await host.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502 sev2", "1.2.start"));
        await host.PostSlackFormAsync(SlackPayloads.Command("resolve rolled back", "1.2.resolve"));
        await host.Slack.WaitForSharedFileAsync("INC-1-postmortem.md", timeout.Token);

        var lines = logs.Logs;
        Assert.Contains(lines, l => l.Level == LogLevel.Debug);
        Assert.Single(host.Slack.Files.All, f => f.Name == "INC-1-postmortem.md" && f.Bytes is not null);
        Assert.DoesNotContain(lines, l => l.All.Contains(FakeSlack.UploadSecret, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.All.Contains(SlackPayloads.BotToken, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.All.Contains("Bearer", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task WaitForTextAsync(FakeSlack slack, string text, CancellationToken cancellationToken)
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
