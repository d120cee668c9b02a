namespace ScribeBot.Core.Incidents;

/// <summary>A specific corrective task ("todo"), optionally owned by someone.</summary>
public sealed record IncidentTask(string Text, string? Owner);
