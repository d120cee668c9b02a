namespace ScribeBot.Bench.History;

/// <summary>
/// The time the core sees while history is written in-process: each seeding flow sets its own "now" (the instant of
/// the step it is about to take), so incidents of many channels can be written side by side at their own declared
/// times. Timers and everything outside a seeding flow (the outbox dispatcher) keep the system clock.
/// </summary>
internal sealed class SeedingClock : TimeProvider
{
    private readonly AsyncLocal<DateTimeOffset?> _now = new();

    public override DateTimeOffset GetUtcNow() => _now.Value ?? base.GetUtcNow();

    /// <summary>From here on in the calling flow (and what it awaits), now is <paramref name="at"/>.</summary>
    public void Set(DateTimeOffset at) => _now.Value = at;
}
