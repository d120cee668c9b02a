namespace ScribeBot.Core.Incidents;

/// <summary>
/// An incident's durations, each null until its end is recorded. MTTA and MTTR run from the page when the incident has
/// one (<see cref="Page"/>), else from the declaration (the moment the team took it on); the outage runs from
/// <see cref="Incident.OutageStart"/> to resolution.
/// </summary>
public sealed record ResponseTimes(MeasuredSpan? ToAcknowledge, MeasuredSpan? ToResolve, MeasuredSpan? Outage)
{
    /// <summary>The page MTTA and MTTR are measured from, or null when they run from the declaration.</summary>
    public Paging.PageLink? Page { get; init; }

    /// <summary>Impact began to detected, when both are recorded; it runs from no clock, so a page does not change it.</summary>
    public MeasuredSpan? ToDetect { get; init; }
}
