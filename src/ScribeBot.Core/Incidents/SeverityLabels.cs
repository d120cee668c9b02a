namespace ScribeBot.Core.Incidents;

/// <summary>How a severity is written everywhere people read it (<c>SEV1</c>..<c>SEV4</c>), and its name in addresses and markup.</summary>
public static class SeverityLabels
{
    public static string ToLabel(this Severity severity) => $"SEV{(int)severity}";

    /// <summary>"sev1".."sev4": the dashboard's filter value and style class.</summary>
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Sev1 => "sev1",
        Severity.Sev2 => "sev2",
        Severity.Sev3 => "sev3",
        Severity.Sev4 => "sev4",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Not a severity."),
    };
}
