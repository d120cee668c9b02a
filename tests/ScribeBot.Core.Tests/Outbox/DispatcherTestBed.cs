using System.Threading.Channels;

namespace ScribeBot.Core.Tests.Outbox;

/// <summary>
/// A dispatcher running over an in-memory store with a fake clock. Tests wait for the dispatcher to go to sleep
/// (its timer is then registered, so advancing the clock is deterministic) instead of sleeping themselves.
/// </summary>
internal sealed class DispatcherTestBed : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
    public static readonly ChannelRef C1 = new(ChatPlatform.Slack, "T1", "C1");
    public static readonly ChannelRef C2 = new(ChatPlatform.Slack, "T1", "C2");

    private readonly Channel<TimeSpan> _sleeps = Channel.CreateUnbounded<TimeSpan>();
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    public DispatcherTestBed(InMemoryStoreAndClock? shared = null)
    {
        Store = shared?.Store ?? new();
        Clock = shared?.Clock ?? new(T0);
        WallClock = new JumpingClock(Clock);
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>What the dispatcher reads: <see cref="Clock"/>, whose wall time a test may set back or forward.</summary>
    public JumpingClock WallClock { get; }
    public InMemoryIncidentStore Store { get; }
    public OutboxSignal Signal { get; } = new();
    public OutboxDispatcher? Dispatcher { get; private set; }

    public void Start(params IChannelPoster[] posters) => Start(Store, posters);

    /// <summary>Starts the dispatcher on <paramref name="store"/>, a decorator of <see cref="Store"/> that plays a shared one.</summary>
    public void Start(IOutboxStore store, params IChannelPoster[] posters)
    {
        Dispatcher = new OutboxDispatcher(store, posters, Signal, WallClock, NullLogger<OutboxDispatcher>.Instance)
        {
            Sleeping = wait => _sleeps.Writer.TryWrite(wait),
        };
        _run = Dispatcher.RunAsync(_stop.Token);
    }

    public OutboxItem Item(ChannelRef channel, string requestId, DateTimeOffset? enqueuedAt = null) => new()
    {
        Id = OutboxItem.MakeId(channel, requestId, 0),
        Post = new AnnouncementPost(channel, ChatText.Of(requestId)),
        IncidentId = "inc-1",
        EnqueuedAt = enqueuedAt ?? Clock.GetUtcNow(),
        NextAttemptAt = Clock.GetUtcNow(),
    };

    public async Task EnqueueAsync(params OutboxItem[] items)
    {
        await Store.EnqueueAsync(items, CancellationToken.None);
        Signal.Notify();
    }

    public async Task<OutboxItem> GetAsync(OutboxItem item) =>
        await Store.GetAsync(item.Id, CancellationToken.None) ?? throw new InvalidOperationException($"{item.Id} is gone");

    /// <summary>Waits until the dispatcher goes to sleep with <paramref name="condition"/> true (checked at each sleep).</summary>
    public async Task<TimeSpan> SleepsAsync(Func<TimeSpan, Task<bool>> condition)
    {
        // A safety net against a hang, not a timing assumption: every condition here is met within milliseconds.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var wait = await _sleeps.Reader.ReadAsync(timeout.Token);
            if (await condition(wait))
            {
                return wait;
            }
        }
    }

    /// <summary>How long the dispatcher's next sleep is.</summary>
    public Task<TimeSpan> NextSleepAsync() => SleepsAsync(_ => Task.FromResult(true));

    /// <summary>
    /// Waits until the dispatcher sleeps until a retry is due, with <paramref name="condition"/> true. The wait must be
    /// finite: the sleep before anything was enqueued is infinite, and by the time it is read the condition may hold.
    /// </summary>
    public Task<TimeSpan> SleepsUntilRetryAsync(Func<Task<bool>> condition) =>
        SleepsAsync(async wait => wait != Timeout.InfiniteTimeSpan && await condition());

    /// <summary>Waits until the dispatcher sleeps with nothing due, and <paramref name="condition"/> holds.</summary>
    public Task IdleAsync(Func<Task<bool>> condition) =>
        SleepsAsync(async wait => wait == Timeout.InfiniteTimeSpan && await condition());

    /// <summary>Whether the stored version of <paramref name="item"/> satisfies <paramref name="predicate"/>.</summary>
    public async Task<bool> HasAsync(OutboxItem item, Func<OutboxItem, bool> predicate) =>
        await Store.GetAsync(item.Id, CancellationToken.None) is { } stored && predicate(stored);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            // Bounded, so a dispatcher that does not stop fails the test instead of hanging the run.
            await _run.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
        Signal.Dispose();
    }
}

/// <summary>What a second dispatcher shares with the first: the store (the "file") and the clock.</summary>
internal sealed record InMemoryStoreAndClock(InMemoryIncidentStore Store, FakeTimeProvider Clock);
