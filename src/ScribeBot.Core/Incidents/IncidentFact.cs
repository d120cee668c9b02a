namespace ScribeBot.Core.Incidents;

/// <summary>The incident's instants, in the order they must happen.</summary>
public enum IncidentFact
{
    ImpactBegan,
    Detected,
    Declared,
    Acknowledged,
    Resolved,
}
