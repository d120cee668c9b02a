namespace ScribeBot.Core.Metrics;

/// <summary>The median of one phase over the <see cref="Count"/> incidents that had it known.</summary>
public sealed record PhaseMedian(int Count, TimeSpan Median);
