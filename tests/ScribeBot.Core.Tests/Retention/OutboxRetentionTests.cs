using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ScribeBot.Core.Retention;

namespace ScribeBot.Core.Tests.Retention;

public sealed class OutboxRetentionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
    private static readonly ChannelRef Channel = new(ChatPlatform.Slack, "T1", "C1");
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTimeProvider _time = new(T0);
    private readonly InMemoryIncidentStore _inner = new();
    private readonly CountingRetentionStore _store;
    private readonly RecordingLogger _log = new();

    public OutboxRetentionTests() => _store = new CountingRetentionStore(_inner);

    [Fact]
    public async Task A_round_removes_every_expired_post_in_batches_of_the_configured_size_and_logs_what_went()
    {
        for (var i = 0; i < 5; i++)
        {
            await DeliveredAsync($"d{i}", T0);
        }

        await AbandonedAsync("a0", T0);
        var recent = await DeliveredAsync("recent", T0.AddDays(2));
        _time.Advance(TimeSpan.FromDays(31));

        var removed = await Retention(new RetentionOptions { BatchSize = 2 }).RunRoundAsync(None);

        Assert.Equal(new RemovedPosts(5, 0, 0), removed);
        Assert.Equal([2, 2, 2], _store.Batches);
        Assert.Equal(T0.AddDays(1), _store.DeliveredBefore);
        Assert.Equal(T0.AddDays(31 - 90), _store.AbandonedBefore);
        Assert.NotNull(await _inner.GetAsync(recent.Id, None));
        Assert.NotNull(await _inner.GetAsync(OutboxItem.MakeId(Channel, "a0", 0), None));
        var line = Assert.Single(_log.Lines, l => l.Level == LogLevel.Information);
        Assert.Contains("removed 5 delivered posts", line.Message, StringComparison.Ordinal);
        Assert.Contains("0 abandoned posts", line.Message, StringComparison.Ordinal);
        Assert.Contains("in 3 batches", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_round_with_nothing_to_remove_asks_the_store_once_and_logs_nothing_above_debug()
    {
        await DeliveredAsync("d0", T0);

        var removed = await Retention(new RetentionOptions()).RunRoundAsync(None);

        Assert.Equal(RemovedPosts.None, removed);
        Assert.Equal([200], _store.Batches);
        Assert.DoesNotContain(_log.Lines, l => l.Level > LogLevel.Debug);
    }

    [Fact]
    public async Task The_first_round_runs_a_minute_after_start_and_then_one_every_interval()
    {
        using var stop = new CancellationTokenSource();
        var running = Retention(new RetentionOptions { Interval = TimeSpan.FromHours(1) }).RunAsync(stop.Token);

        _time.Advance(OutboxRetention.StartDelay - TimeSpan.FromSeconds(1));
        await Task.Delay(50);
        Assert.Equal(0, _store.Calls);

        _time.Advance(TimeSpan.FromSeconds(1));
        await WaitUntilAsync(() => _store.Calls == 1);

        _time.Advance(TimeSpan.FromHours(1));
        await WaitUntilAsync(() => _store.Calls == 2);

        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_failed_round_is_logged_as_a_warning_and_the_next_interval_tries_again()
    {
        _store.FailNext = true;
        using var stop = new CancellationTokenSource();
        var running = Retention(new RetentionOptions { Interval = TimeSpan.FromMinutes(10) }).RunAsync(stop.Token);

        _time.Advance(OutboxRetention.StartDelay);
        await WaitUntilAsync(() => _log.Lines.Any(l => l.Level == LogLevel.Warning));
        _time.Advance(TimeSpan.FromMinutes(10));
        await WaitUntilAsync(() => _store.Calls == 2);

        var warning = Assert.Single(_log.Lines, l => l.Level == LogLevel.Warning);
        Assert.IsType<IOException>(warning.Exception);
        Assert.Contains("tries again in 00:10:00", warning.Message, StringComparison.Ordinal);
        await stop.CancelAsync();
        await running;
    }

    private OutboxRetention Retention(RetentionOptions options) => new(_store, Options.Create(options), _time, _log);

    private async Task<OutboxItem> DeliveredAsync(string requestId, DateTimeOffset at)
    {
        var item = Item(requestId);
        await _inner.EnqueueAsync([item], None);
        await _inner.MarkDeliveredAsync(item.Id, at, None);
        return item;
    }

    private async Task AbandonedAsync(string requestId, DateTimeOffset at)
    {
        var item = Item(requestId);
        await _inner.EnqueueAsync([item], None);
        await _inner.AbandonAsync(item.Id, "channel_not_found", at, None);
    }

    private static OutboxItem Item(string requestId) => new()
    {
        Id = OutboxItem.MakeId(Channel, requestId, 0),
        Post = new AnnouncementPost(Channel, ChatText.Of(requestId)),
        EnqueuedAt = T0,
        NextAttemptAt = T0,
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>The in-memory store, counting the retention calls and failing one on demand.</summary>
    private sealed class CountingRetentionStore(InMemoryIncidentStore inner) : IRetentionStore
    {
        private int _calls;

        public List<int> Batches { get; } = [];

        public int Calls => Volatile.Read(ref _calls);

        public DateTimeOffset DeliveredBefore { get; private set; }

        public DateTimeOffset AbandonedBefore { get; private set; }

        public bool FailNext { get; set; }

        public Task<RemovedPosts> RemoveFinishedPostsAsync(
            DateTimeOffset deliveredBefore, DateTimeOffset abandonedBefore, int max, CancellationToken cancellationToken)
        {
            (DeliveredBefore, AbandonedBefore) = (deliveredBefore, abandonedBefore);
            Batches.Add(max);
            Interlocked.Increment(ref _calls);
            if (FailNext)
            {
                FailNext = false;
                return Task.FromException<RemovedPosts>(new IOException("disk gone"));
            }

            return inner.RemoveFinishedPostsAsync(deliveredBefore, abandonedBefore, max, cancellationToken);
        }

        public Task<PurgePlan> PlanPurgeAsync(DateTimeOffset declaredBefore, CancellationToken cancellationToken) =>
            inner.PlanPurgeAsync(declaredBefore, cancellationToken);

        public Task<PurgeTally> PurgeAsync(IReadOnlyList<string> incidentIds, DateTimeOffset declaredBefore, CancellationToken cancellationToken) =>
            inner.PurgeAsync(incidentIds, declaredBefore, cancellationToken);
    }

    private sealed record LogLine(LogLevel Level, string Message, Exception? Exception);

    private sealed class RecordingLogger : ILogger<OutboxRetention>
    {
        private readonly ConcurrentQueue<LogLine> _lines = new();

        public IReadOnlyList<LogLine> Lines => [.. _lines];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue(new LogLine(logLevel, formatter(state, exception), exception));
    }
}
