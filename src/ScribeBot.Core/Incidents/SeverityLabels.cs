namespace ScribeBot.Core.Incidents;

/// <summary>How a severity is written everywhere people read it: <c>SEV1</c>..<c>SEV4</c>.</summary>
public static class SeverityLabels
{
    public static string ToLabel(this Severity severity) => $"SEV{(int)severity}";
}
