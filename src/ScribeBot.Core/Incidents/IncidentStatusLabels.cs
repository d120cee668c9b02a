namespace ScribeBot.Core.Incidents;

/// <summary>How a status is written where people read it, and its name in addresses and markup.</summary>
public static class IncidentStatusLabels
{
    /// <summary>"Resolved", "Ongoing (acknowledged)" or "Ongoing (not acknowledged)".</summary>
    public static string ToLabel(this IncidentStatus status) => status switch
    {
        IncidentStatus.Resolved => "Resolved",
        IncidentStatus.Acknowledged => "Ongoing (acknowledged)",
        IncidentStatus.Triggered => "Ongoing (not acknowledged)",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an incident status."),
    };

    /// <summary>"triggered", "acknowledged" or "resolved": the dashboard's filter value and style class.</summary>
    public static string ToName(this IncidentStatus status) => status switch
    {
        IncidentStatus.Triggered => "triggered",
        IncidentStatus.Acknowledged => "acknowledged",
        IncidentStatus.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an incident status."),
    };
}
