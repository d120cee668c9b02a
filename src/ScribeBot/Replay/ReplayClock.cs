namespace ScribeBot.Replay;

/// <summary>
/// The clock of a replay: "now" is the instant of the transcript line being replayed, so commands that read
/// the time (stats, status) see the transcript's time, not the machine's.
/// </summary>
internal sealed class ReplayClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UnixEpoch;

    public void MoveTo(DateTimeOffset instant) => _now = instant;

    public override DateTimeOffset GetUtcNow() => _now;
}
