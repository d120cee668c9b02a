using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Metrics;

/// <summary>
/// The phases of the incidents of one severity (or of all, when <see cref="Severity"/> is null): per
/// <see cref="Phase"/>, the summary over the incidents that had it known (its count says how many), or null when none did.
/// </summary>
public sealed record PhaseSummary(Severity? Severity, int Count, IReadOnlyList<DurationSummary?> Phases)
{
    public DurationSummary? Of(Phase phase) => Phases[(int)phase];
}
