namespace ScribeBot.Core.Metrics;

/// <summary>Count, mean, median and 90th percentile of a set of durations.</summary>
public sealed record DurationSummary(int Count, TimeSpan Mean, TimeSpan Median, TimeSpan P90)
{
    /// <summary>
    /// Summarises <paramref name="durations"/>; null when empty. The median of an even count is the mean of the
    /// two middle values; p90 is the nearest-rank percentile (the smallest value with at least 90% at or
    /// below it), so it is always a duration that really happened.
    /// </summary>
    public static DurationSummary? Of(IEnumerable<TimeSpan> durations) => OfTicks(durations.Select(d => d.Ticks).ToArray());

    /// <summary>As <see cref="Of"/>, for durations in ticks in any order; reorders <paramref name="ticks"/>.</summary>
    internal static DurationSummary? OfTicks(Span<long> ticks)
    {
        if (ticks.Length == 0)
        {
            return null;
        }

        // A 128-bit sum cannot overflow however long the durations; integer division truncates as the cast of the
        // exact mean would.
        Int128 sum = 0;
        foreach (var value in ticks)
        {
            sum += value;
        }

        var mean = (long)(sum / ticks.Length);
        var middle = ticks.Length / 2;
        var median = OrderStatistics.Median(ticks);
        var upperMiddle = ticks[middle];

        // The nearest rank is never below the middle, so it is found among the larger half alone.
        var rank = (int)Math.Ceiling(0.9 * ticks.Length) - 1;
        var p90 = rank == middle ? upperMiddle : OrderStatistics.Select(ticks[(middle + 1)..], rank - middle - 1);
        return new DurationSummary(ticks.Length, TimeSpan.FromTicks(mean), TimeSpan.FromTicks(median), TimeSpan.FromTicks(p90));
    }
}
