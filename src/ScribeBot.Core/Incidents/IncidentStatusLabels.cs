namespace ScribeBot.Core.Incidents;

/// <summary>How a status is written where people read it.</summary>
public static class IncidentStatusLabels
{
    /// <summary>"Resolved", "Ongoing (acknowledged)" or "Ongoing (not acknowledged)".</summary>
    public static string ToLabel(this IncidentStatus status) => status switch
    {
        IncidentStatus.Resolved => "Resolved",
        IncidentStatus.Acknowledged => "Ongoing (acknowledged)",
        _ => "Ongoing (not acknowledged)",
    };
}
