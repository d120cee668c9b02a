using System.Diagnostics.CodeAnalysis;

namespace ScribeBot.Core.Incidents;

/// <summary>
/// What an incident answers when asked to change: the changed copy, or a refusal (a short message for the caller)
/// with the incident unchanged. A refusal is an expected outcome, not an error.
/// </summary>
public sealed record IncidentDecision
{
    private IncidentDecision(Incident incident, string? refusal)
    {
        Incident = incident;
        Refusal = refusal;
    }

    /// <summary>The changed incident; when refused, the incident as it was.</summary>
    public Incident Incident { get; }

    /// <summary>Why the change does not apply, worded for the person who asked.</summary>
    public string? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Refusal))]
    public bool Refused => Refusal is not null;

    public static IncidentDecision Accept(Incident changed) => new(changed, null);

    public static IncidentDecision Refuse(Incident unchanged, string refusal) => new(unchanged, refusal);
}
