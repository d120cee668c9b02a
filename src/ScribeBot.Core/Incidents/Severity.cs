namespace ScribeBot.Core.Incidents;

/// <summary>Incident severity; SEV1 is the worst.</summary>
public enum Severity
{
    Sev1 = 1,
    Sev2 = 2,
    Sev3 = 3,
    Sev4 = 4,
}
