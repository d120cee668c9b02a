using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Metrics;

/// <summary>
/// The phases of the <see cref="Count"/> incidents of one severity (or of all, when <see cref="Severity"/> is null):
/// per <see cref="Phase"/>, the median over those that had it known, or null when none did.
/// </summary>
public sealed record PhaseSummary(Severity? Severity, int Count, IReadOnlyList<PhaseMedian?> Phases)
{
    public PhaseMedian? Of(Phase phase) => Phases[(int)phase];
}
