namespace ScribeBot.Core.Metrics;

/// <summary>MTTA and MTTR of the incidents that share <see cref="Key"/> (a page source, a paged service).</summary>
public sealed record GroupStatistics<TKey>(TKey Key, int Count, DurationSummary? Mtta, DurationSummary? Mttr);
