using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Metrics;

/// <summary>MTTA and MTTR of the incidents of one severity (or of all, when <see cref="Severity"/> is null).</summary>
public sealed record SeverityStatistics(Severity? Severity, int Count, DurationSummary? Mtta, DurationSummary? Mttr);
