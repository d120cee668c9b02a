namespace ScribeBot.Core.Incidents;

/// <summary>
/// Two neighbouring recorded instants in an impossible order: <see cref="Earlier"/> must come no later than
/// <see cref="Later"/> but was recorded after it.
/// </summary>
public readonly record struct OrderConflict(IncidentInstant Earlier, IncidentInstant Later)
{
    /// <summary>True when both instants lie within <paramref name="from"/>..<paramref name="to"/>, i.e. a duration
    /// between these two facts would rest on a wrong time.</summary>
    public bool Spoils(IncidentFact from, IncidentFact to) => Earlier.Fact >= from && Later.Fact <= to;
}
