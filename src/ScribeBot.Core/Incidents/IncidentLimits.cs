namespace ScribeBot.Core.Incidents;

/// <summary>
/// Every limit on what one incident holds, in one place: the commands, the dashboard editor and the incident itself
/// check against these.
/// </summary>
public static class IncidentLimits
{
    /// <summary>Longest free-text field or argument; longer ones are refused rather than truncated silently.</summary>
    public const int MaxTextLength = 3000;

    public const int MaxTitleLength = 200;

    /// <summary>Most improvements, and most tasks, one incident may list.</summary>
    public const int MaxListItems = 50;
}
