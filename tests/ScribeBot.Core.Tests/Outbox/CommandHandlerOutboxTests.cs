
namespace ScribeBot.Core.Tests.Outbox;

/// <summary>Every post a command returns is in the outbox, written in the same store call as the command's change.</summary>
public sealed class CommandHandlerOutboxTests : IDisposable
{
    private static readonly ChatPlatform[] Slack = [ChatPlatform.Slack];

    private readonly CommandTestBed _bed = new();
    private readonly RecordingStore _store = new();
    private readonly OutboxSignal _signal = new();
    private readonly CommandHandler _handler;

    public CommandHandlerOutboxTests() =>
        _handler = new CommandHandler(
            _store, _store, _signal, new ChannelLocks(), _bed.Clock, Options.Create(new ScribeOptions()), NullLogger<CommandHandler>.Instance);

    public void Dispose()
    {
        _signal.Dispose();
        _bed.Dispose();
    }

    private async Task<CommandOutcome> SendAsync(string text, string requestId)
    {
        _bed.Clock.Advance(TimeSpan.FromMinutes(1));
        return await _handler.HandleAsync(_bed.Request(text, requestId: requestId), CancellationToken.None);
    }

    private static string Id(string requestId, int index = 0) => OutboxItem.MakeId(CommandTestBed.Channel, requestId, index);

    private async Task<OutboxItem> StoredAsync(string id) =>
        await _store.GetAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"{id} was not enqueued");

    private async Task<int> PendingAsync() =>
        (await _store.CountPendingAsync(CancellationToken.None)).GetValueOrDefault(ChatPlatform.Slack);

    [Fact]
    public async Task Start_enqueues_its_announcement_in_the_commit_that_opens_the_incident()
    {
        var outcome = await SendAsync("start Checkout returns 502 sev2", "r-start");

        Assert.Equal([$"OpenIncidentAsync: {Id("r-start")}"], _store.Writes);
        var item = await StoredAsync(Id("r-start"));
        var post = Assert.IsType<AnnouncementPost>(item.Post);
        Assert.Equal(Assert.IsType<AnnouncementPost>(Assert.Single(outcome.Posts)).Text.Runs, post.Text.Runs);
        Assert.Equal(outcome.Incident!.Id, item.IncidentId);
        Assert.Equal(CommandTestBed.Channel, item.Channel);
        Assert.Equal(OutboxState.Pending, item.State);
        Assert.Equal(_bed.Clock.GetUtcNow(), item.NextAttemptAt);
        // The dispatcher is woken: the signal is already set (a bounded wait, so a missing signal fails, not hangs).
        await _signal.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Ack_and_escalate_enqueue_their_announcement_with_their_change()
    {
        await SendAsync("start Checkout returns 502", "r-start");

        await SendAsync("ack", "r-ack");
        await SendAsync("escalate <@U9|Dana> payments team", "r-esc");

        Assert.Equal([$"SaveIncidentAsync: {Id("r-ack")}", $"SaveIncidentAsync: {Id("r-esc")}"], _store.Writes.Skip(1));
        Assert.Contains("acknowledged", ((AnnouncementPost)(await StoredAsync(Id("r-ack"))).Post).Text.ToPlainString(), StringComparison.Ordinal);
        Assert.Contains("escalated", ((AnnouncementPost)(await StoredAsync(Id("r-esc"))).Post).Text.ToPlainString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_enqueues_the_announcement_then_the_postmortem_in_one_commit_in_that_order()
    {
        var started = await SendAsync("start Checkout returns 502", "r-start");
        await _store.MarkDeliveredAsync(Id("r-start"), _bed.Clock.GetUtcNow(), CancellationToken.None);

        await SendAsync("resolve rolled back", "r-resolve");

        Assert.Equal($"SaveIncidentAsync: {Id("r-resolve", 0)}, {Id("r-resolve", 1)}", _store.Writes[^1]);
        Assert.IsType<AnnouncementPost>((await StoredAsync(Id("r-resolve", 0))).Post);
        Assert.Equal(new PostmortemPost(CommandTestBed.Channel, started.Incident!.Id), (await StoredAsync(Id("r-resolve", 1))).Post);
        var due = await _store.GetDueAsync(_bed.Clock.GetUtcNow(), 10, Slack, CancellationToken.None);
        Assert.Equal([Id("r-resolve", 0)], due.Select(i => i.Id));
    }

    [Fact]
    public async Task Timeline_and_postmortem_enqueue_their_post_on_their_own()
    {
        var started = await SendAsync("start Checkout returns 502", "r-start");

        await SendAsync("timeline", "r-timeline");
        await SendAsync("postmortem", "r-pm");

        Assert.Equal([$"EnqueueAsync: {Id("r-timeline")}", $"EnqueueAsync: {Id("r-pm")}"], _store.Writes.Skip(1));
        Assert.Equal(new TimelinePost(CommandTestBed.Channel, started.Incident!.Id), (await StoredAsync(Id("r-timeline"))).Post);
        Assert.Equal(new PostmortemPost(CommandTestBed.Channel, started.Incident!.Id), (await StoredAsync(Id("r-pm"))).Post);
    }

    [Theory]
    [InlineData("start Checkout returns 502")]
    [InlineData("ack")]
    [InlineData("escalate <@U9|Dana>")]
    [InlineData("resolve")]
    [InlineData("timeline")]
    [InlineData("postmortem")]
    public async Task A_redelivered_command_enqueues_nothing_new(string text)
    {
        if (!text.StartsWith("start", StringComparison.Ordinal))
        {
            await SendAsync("start Checkout returns 502", "r-start");
        }

        await SendAsync(text, "r-1");
        var pending = await PendingAsync();
        var stored = await StoredAsync(Id("r-1"));

        var again = await SendAsync(text, "r-1");

        Assert.True(again.Accepted);
        Assert.Equal(pending, await PendingAsync());
        Assert.Equal(stored, await StoredAsync(Id("r-1")));
        Assert.Null(await _store.GetAsync(Id("r-1", 2), CancellationToken.None));
    }

    [Fact]
    public async Task Refused_commands_and_commands_without_a_post_enqueue_nothing()
    {
        await SendAsync("ack", "r-no-incident");
        await SendAsync("timeline", "r-no-incident-timeline");
        await SendAsync("start Checkout returns 502", "r-start");
        var before = _store.Writes.Count;

        Assert.False((await SendAsync("start Another one", "r-second-start")).Accepted);
        await SendAsync("ack", "r-ack");
        Assert.False((await SendAsync("ack", "r-ack-again")).Accepted);
        Assert.False((await SendAsync("severity sev3", "r-same-sev")).Accepted);
        await SendAsync("note checking the load balancer", "r-note");
        await SendAsync("status", "r-status");
        await SendAsync("bogus", "r-bogus");

        Assert.Equal([$"SaveIncidentAsync: {Id("r-ack")}"], _store.Writes.Skip(before));
        Assert.Equal(2, await PendingAsync());
    }
}
