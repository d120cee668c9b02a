namespace ScribeBot.Tests.Slack;

/// <summary>Channel posts leave through the outbox and reach Slack: the whole path, on real loopback HTTP.</summary>
public sealed class SlackPostingTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _timeout = new();
    private ScribeBotApplication _host = null!;

    public async Task InitializeAsync()
    {
        _host = await new ScribeBotApplication().WithSlack().StartKestrelAsync();
        _timeout.CancelAfter(Patience);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Start_is_announced_in_the_channel_by_the_outbox_worker()
    {
        using var response = await _host.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502 sev2", "1.2.start"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(await _host.Slack.WaitForCallsAsync("chat.postMessage", 1, _timeout.Token)).Json();
        Assert.Equal(SlackPayloads.ChannelId, post.GetProperty("channel").GetString());
        Assert.Contains("INC-1 declared", post.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_posts_the_announcement_then_the_draft_with_its_markdown_file()
    {
        await _host.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502 sev2", "1.2.start"));
        await _host.Slack.WaitForCallsAsync("chat.postMessage", 1, _timeout.Token);

        await _host.PostSlackFormAsync(SlackPayloads.Command("resolve rolled back to v2.40", "1.2.resolve"));

        // Counted by name: a host with a timeline picture shares that file in the thread too.
        await _host.Slack.WaitForSharedFileAsync("INC-1-postmortem.md", _timeout.Token);
        var posts = _host.Slack.CallsTo("chat.postMessage");
        Assert.Contains("INC-1 resolved", posts[1].Json().GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("INC-1: Checkout returns 502 - postmortem draft", posts[2].Json().GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Single(_host.Slack.Files.All, f => f.Name == "INC-1-postmortem.md");
    }

    [Fact]
    public async Task Rate_limited_by_slack_the_announcement_is_retried_after_retry_after_and_posted_once()
    {
        _host.Slack.Enqueue("chat.postMessage", FakeResponse.RateLimited("1"));

        await _host.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502", "1.2.start"));

        // The outbox keeps a channel's posts in order, so the ack's announcement is sent only once the start's was
        // settled: when it arrives, the start's delivery is final and every attempt is on record.
        await _host.PostSlackFormAsync(SlackPayloads.Command("ack", "1.2.ack"));
        var posts = await _host.Slack.WaitForCallsAsync("chat.postMessage", 3, _timeout.Token);

        var texts = posts.Select(p => p.Json().GetProperty("text").GetString()!).ToArray();
        Assert.Equal(2, texts.Count(t => t.Contains("INC-1 declared", StringComparison.Ordinal)));
        Assert.Contains("INC-1 acknowledged", texts[2], StringComparison.Ordinal);
        var item = await _host.Service<IOutboxStore>().GetAsync(OutboxItem.MakeId(SlackPayloads.Channel, "1.2.start", 0), _timeout.Token);
        Assert.Equal(OutboxState.Delivered, item!.State);
        Assert.Equal(1, item.Attempts);
    }

    [Fact]
    public async Task With_slack_unreachable_during_resolve_the_draft_arrives_once_it_is_back()
    {
        await _host.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502", "1.2.start"));
        await _host.Slack.WaitForCallsAsync("chat.postMessage", 1, _timeout.Token);
        _host.Slack.Enqueue("chat.postMessage",
            new FakeResponse(503, "<html>down</html>", ContentType: "text/html"),
            new FakeResponse(502, "<html>bad gateway</html>", ContentType: "text/html"));

        using var resolve = await _host.PostSlackFormAsync(SlackPayloads.Command("resolve rolled back", "1.2.resolve"));

        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        await _host.Slack.WaitForSharedFileAsync("INC-1-postmortem.md", _timeout.Token);
        var texts = _host.Slack.CallsTo("chat.postMessage").Select(c => c.Json().GetProperty("text").GetString()!).ToArray();
        Assert.Equal(3, texts.Count(t => t.Contains("INC-1 resolved", StringComparison.Ordinal)));
        Assert.Single(texts, t => t.StartsWith("INC-1: Checkout returns 502 - postmortem draft (1/", StringComparison.Ordinal));
        Assert.Single(texts, t => t.StartsWith("INC-1: Checkout returns 502 - postmortem draft (continued 2/", StringComparison.Ordinal));
        Assert.Single(_host.Slack.Files.All, f => f.Name == "INC-1-postmortem.md");
    }
}
