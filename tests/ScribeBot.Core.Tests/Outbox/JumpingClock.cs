namespace ScribeBot.Core.Tests.Outbox;

/// <summary>
/// A <see cref="FakeTimeProvider"/> whose wall clock can be set back or forward (<see cref="Jump"/>) while its
/// monotonic clock and timers keep running as before: what an administrator or NTP does to a real machine.
/// FakeTimeProvider alone cannot go back, and moves both clocks together.
/// </summary>
internal sealed class JumpingClock(FakeTimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public void Jump(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
