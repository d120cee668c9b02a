namespace ScribeBot.Core.Metrics;

/// <summary>Count, mean, median and 90th percentile of a set of durations.</summary>
public sealed record DurationSummary(int Count, TimeSpan Mean, TimeSpan Median, TimeSpan P90)
{
    /// <summary>
    /// Summarises <paramref name="durations"/>; null when empty. The median of an even count is the mean of the
    /// two middle values; p90 is the nearest-rank percentile (the smallest value with at least 90% at or
    /// below it), so it is always a duration that really happened.
    /// </summary>
    public static DurationSummary? Of(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var mean = TimeSpan.FromTicks((long)sorted.Average(d => (decimal)d.Ticks));
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1
            ? sorted[middle]
            : TimeSpan.FromTicks((sorted[middle - 1].Ticks + sorted[middle].Ticks) / 2);
        var rank = (int)Math.Ceiling(0.9 * sorted.Length);
        return new DurationSummary(sorted.Length, mean, median, sorted[rank - 1]);
    }
}
