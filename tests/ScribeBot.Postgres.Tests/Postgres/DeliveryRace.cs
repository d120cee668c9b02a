using System.Collections.Concurrent;
using ScribeBot.Core.Outbox;

namespace ScribeBot.Postgres.Tests.Postgres;

/// <summary>
/// What two delivery loops on one outbox did, and the hold that makes them overlap for certain: a delivery is not
/// finished until the other loop has been signalled and has looked at the outbox since that delivery began (or is busy
/// delivering itself). So while one loop holds an item, the other has always looked at the same queue: without a lease
/// it is handed the same item, not by luck of timing but every time.
/// </summary>
internal sealed class DeliveryRace
{
    private static readonly TimeSpan HoldLimit = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly Racer[] _racers = [new(0), new(1)];
    private readonly Dictionary<string, List<string>> _startedPerChannel = [];
    private readonly Dictionary<string, string> _inFlightPerChannel = [];
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentDictionary<string, int> _deliveries = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _clock;

    public IReadOnlyList<Racer> Racers => _racers;

    /// <summary>Per item id, how many times a poster was asked to deliver it.</summary>
    public IReadOnlyDictionary<string, int> Deliveries => _deliveries;

    /// <summary>Per channel key, the item ids in the order their deliveries began.</summary>
    public IReadOnlyDictionary<string, List<string>> StartedPerChannel
    {
        get
        {
            lock (_lock)
            {
                return _startedPerChannel.ToDictionary(p => p.Key, p => p.Value.ToList());
            }
        }
    }

    /// <summary>A channel with two deliveries in flight at once, from either loop.</summary>
    public IReadOnlyCollection<string> Violations => [.. _violations];

    public long Tick() => Interlocked.Increment(ref _clock);

    public void Changed() =>
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Until <paramref name="done"/> holds, woken by every change; fails after <paramref name="limit"/>.</summary>
    public async Task WaitUntilAsync(Func<bool> done, TimeSpan limit, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (done())
            {
                return;
            }

            var left = limit - deadline.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new Xunit.Sdk.XunitException($"Not within {limit.TotalSeconds:0} s: {what}.");
            }

            try
            {
                await changed.WaitAsync(left);
            }
            catch (TimeoutException)
            {
                // Checked once more above, then reported.
            }
        }
    }

    /// <summary>One delivery loop's side: its store, its signal and its poster.</summary>
    public sealed class Racer(int index)
    {
        private long _lastLookStartedAt;
        private int _inFlight;

        public int Index { get; } = index;

        public OutboxSignal Signal { get; } = new();

        public long LastLookStartedAt => Interlocked.Read(ref _lastLookStartedAt);

        public int InFlight => Volatile.Read(ref _inFlight);

        public void Looked(long startedAt)
        {
            long seen;
            while ((seen = LastLookStartedAt) < startedAt && Interlocked.CompareExchange(ref _lastLookStartedAt, startedAt, seen) != seen)
            {
            }
        }

        public void Delivering(int change) => Interlocked.Add(ref _inFlight, change);
    }

    /// <summary>The store a loop uses: the real one, noting when each look at the outbox began and that it ended.</summary>
    public sealed class ObservedOutbox(IOutboxStore inner, DeliveryRace race, Racer racer) : DelegatingOutboxStore(inner)
    {
        public override async Task<IReadOnlyList<OutboxItem>> GetDueAsync(
            DateTimeOffset now, int max, IReadOnlyCollection<ChatPlatform> platforms, CancellationToken cancellationToken)
        {
            var startedAt = race.Tick();
            var due = await base.GetDueAsync(now, max, platforms, cancellationToken);
            racer.Looked(startedAt);
            race.Changed();
            return due;
        }
    }

    /// <summary>
    /// A chat platform that takes every post, recording who delivered what, and holds each delivery open until the other
    /// loop has looked at the outbox since it began (see the type's summary).
    /// </summary>
    public sealed class HoldingPoster(DeliveryRace race, Racer racer) : IChannelPoster
    {
        public ChatPlatform Platform => ChatPlatform.Slack;

        public bool IsConfigured => true;

        public async Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
        {
            var began = race.Tick();
            race.Begin(item, racer);
            try
            {
                var other = race._racers[1 - racer.Index];
                other.Signal.Notify();
                await race.WaitUntilAsync(
                    () => other.LastLookStartedAt > began || other.InFlight > 0,
                    HoldLimit,
                    $"loop {other.Index} looked at the outbox while loop {racer.Index} held {item.Id}");
                return DeliveryResult.Delivered;
            }
            finally
            {
                race.End(item, racer);
            }
        }
    }

    private void Begin(OutboxItem item, Racer racer)
    {
        _deliveries.AddOrUpdate(item.Id, 1, (_, n) => n + 1);
        var channel = item.Channel.Key;
        lock (_lock)
        {
            if (_inFlightPerChannel.TryGetValue(channel, out var holding))
            {
                _violations.Enqueue($"{channel}: {item.Id} began on loop {racer.Index} while {holding} was in flight");
            }

            _inFlightPerChannel[channel] = item.Id;
            if (!_startedPerChannel.TryGetValue(channel, out var started))
            {
                _startedPerChannel[channel] = started = [];
            }

            started.Add(item.Id);
        }

        racer.Delivering(1);
        Changed();
    }

    private void End(OutboxItem item, Racer racer)
    {
        lock (_lock)
        {
            if (_inFlightPerChannel.GetValueOrDefault(item.Channel.Key) == item.Id)
            {
                _inFlightPerChannel.Remove(item.Channel.Key);
            }
        }

        racer.Delivering(-1);
        Changed();
    }
}
