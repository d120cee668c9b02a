using System.Collections.Concurrent;

namespace ScribeBot.Core.Outbox;

/// <summary>
/// When each channel head is due and how long it has been failing, measured on the monotonic clock
/// (<see cref="TimeProvider.GetTimestamp"/>) of this process, so a wall-clock jump neither stalls nor abandons posts.
/// The persisted instants (<see cref="OutboxItem.NextAttemptAt"/>, <see cref="OutboxItem.EnqueuedAt"/>) are read once,
/// when this process first meets an item, and only within bounds: they carry a wait and an age across a restart, where
/// no monotonic clock survives.
/// </summary>
internal sealed class OutboxSchedule(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Tracked> _items = new(StringComparer.Ordinal);

    /// <summary>How long until <paramref name="item"/> is due (zero or less: due now).</summary>
    public TimeSpan DueIn(OutboxItem item, DateTimeOffset wallNow)
    {
        // Never tried: due at once, whatever the clock said when it was enqueued.
        if (item.Attempts == 0)
        {
            return TimeSpan.Zero;
        }

        var tracked = Track(item, wallNow);
        return tracked.Delay - time.GetElapsedTime(tracked.DelayFrom);
    }

    /// <summary>Records a failed attempt: the next one is <paramref name="delay"/> from now on the monotonic clock.</summary>
    public void Rescheduled(OutboxItem item, DateTimeOffset wallNow, TimeSpan delay)
    {
        var tracked = Track(item, wallNow);
        _items[item.Id] = tracked with { DelayFrom = time.GetTimestamp(), Delay = delay };
    }

    /// <summary>
    /// How long the item has existed as far as this process can vouch: its wall-clock age when this process first met
    /// it (never negative), plus the monotonic time since. A jump while the process runs does not change it.
    /// </summary>
    public TimeSpan AgeOf(OutboxItem item, DateTimeOffset wallNow)
    {
        var tracked = Track(item, wallNow);
        return tracked.AgeWhenMet + time.GetElapsedTime(tracked.MetAt);
    }

    /// <summary>How long this process has itself watched the item (monotonic): evidence no clock jump can fake.</summary>
    public TimeSpan WatchedFor(OutboxItem item, DateTimeOffset wallNow) => time.GetElapsedTime(Track(item, wallNow).MetAt);

    /// <summary>The item left the queue (delivered or abandoned).</summary>
    public void Forget(string id) => _items.TryRemove(id, out _);

    private Tracked Track(OutboxItem item, DateTimeOffset wallNow) => _items.GetOrAdd(item.Id, static (_, state) =>
    {
        var (item, wallNow, now) = state;
        var age = wallNow - item.EnqueuedAt;

        // A wait persisted by an earlier process is honoured up to the longest back-off: beyond that it can only come
        // from a clock set back since (or a Retry-After longer than any back-off, cut short once, after a restart).
        var wait = item.NextAttemptAt - wallNow;
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > OutboxRetryPolicy.MaxBackoff ? OutboxRetryPolicy.MaxBackoff : wait;
        return new Tracked(now, age > TimeSpan.Zero ? age : TimeSpan.Zero, now, wait);
    }, (item, wallNow, time.GetTimestamp()));

    /// <param name="MetAt">Monotonic timestamp when this process first met the item.</param>
    /// <param name="AgeWhenMet">Its wall-clock age then, never negative.</param>
    /// <param name="DelayFrom">Monotonic timestamp the current wait counts from.</param>
    /// <param name="Delay">The current wait.</param>
    private sealed record Tracked(long MetAt, TimeSpan AgeWhenMet, long DelayFrom, TimeSpan Delay);
}
