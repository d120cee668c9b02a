namespace ScribeBot.Core.Incidents;

/// <summary>Lifecycle: triggered, then acknowledged, then resolved; a resolved incident can be reopened.</summary>
public enum IncidentStatus
{
    Triggered,
    Acknowledged,
    Resolved,
}
