namespace ScribeBot.Core.Incidents;

/// <summary>The incident's instants, in the order they must happen.</summary>
public enum IncidentFact
{
    ImpactBegan,
    Detected,
    Declared,
    Acknowledged,
    Resolved,

    /// <summary>
    /// When impact ended. Last because it is no link in the order chain (a recovery may come before the
    /// acknowledgement, when impact ends by itself); a duration measured to it is spoiled by any conflict after its start.
    /// </summary>
    Recovered,
}
