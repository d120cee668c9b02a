namespace ScribeBot.Core.Outbox;

/// <summary>When a failed delivery is tried again, and when the outbox gives up.</summary>
internal static class OutboxRetryPolicy
{
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Counted from the enqueue: an announcement that could not be posted for two days is history, not news, and an
    /// outage that long needs a person. The item stays in the store, abandoned and logged at Error.
    /// </summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromHours(48);

    /// <summary>
    /// The failed attempts the back-off makes in half of <see cref="GiveUpAfter"/> (295). An age read from the wall
    /// clock counts towards giving up only once an item has failed this often: a clock set forward by days then
    /// abandons only posts that really have been failing for at least a day, never a post that failed twice.
    /// </summary>
    public static readonly int AttemptsBeforeWallClockAgeCounts = AttemptsWithin(GiveUpAfter / 2);

    /// <summary>2 s after the first failure, doubling, at most 5 minutes.</summary>
    public static TimeSpan Backoff(int failures)
    {
        var doublings = Math.Clamp(failures - 1, 0, 20);
        var delay = FirstBackoff * Math.Pow(2, doublings);
        return delay < MaxBackoff ? delay : MaxBackoff;
    }

    private static int AttemptsWithin(TimeSpan window)
    {
        var attempts = 0;
        for (var elapsed = TimeSpan.Zero; elapsed < window; elapsed += Backoff(attempts))
        {
            attempts++;
        }

        return attempts;
    }
}
