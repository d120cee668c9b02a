namespace ScribeBot.Core.Metrics;

/// <summary>Statistics over a whole period (<see cref="Totals"/>) and over each of its consecutive parts, in order.</summary>
public sealed record PeriodStatistics(IncidentStatistics Totals, IReadOnlyList<SeverityStatistics> Periods);
