namespace ScribeBot.Core.Metrics;

/// <summary>The phases of <see cref="PhaseDurations"/>, in the order tables and lines show them.</summary>
public enum Phase
{
    Detect,
    Acknowledge,
    RootCause,
    Resolve,
    TimeLost,
}
