namespace ScribeBot.Core.Incidents;

/// <summary>One recorded instant of an incident: which fact it is and when.</summary>
public readonly record struct IncidentInstant(IncidentFact Fact, DateTimeOffset At);
