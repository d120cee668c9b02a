namespace ScribeBot.Core.Paging;

/// <summary>
/// One event of one page, normalised from a source's webhook by the pager adapter: what happened (<see cref="Action"/>)
/// to which alert (<see cref="AlertId"/>), when (the source's own timestamps, UTC), and what a route can match. The core
/// routes it to a channel and records it; the adapter only translates.
/// </summary>
public sealed record PageEvent
{
    public required PageSource Source { get; init; }
    public required PageAction Action { get; init; }

    /// <summary>
    /// The source's id of the page every event of it shares: a PagerDuty incident id, an Opsgenie alert id, an
    /// Alertmanager or Grafana alert fingerprint.
    /// </summary>
    public required string AlertId { get; init; }

    /// <summary>
    /// Unique per event, so a retried webhook is applied once: PagerDuty's event id; Opsgenie's alert id, action and
    /// time; an Alertmanager or Grafana fingerprint, start and status.
    /// </summary>
    public required string EventId { get; init; }

    /// <summary>When this event happened at the source.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>When the page fired: the start of the on-call clock.</summary>
    public required DateTimeOffset TriggeredAt { get; init; }

    /// <summary>The alert's title (PagerDuty incident title, Opsgenie message, alertname and summary).</summary>
    public required string Title { get; init; }

    /// <summary>The service or component paged for, when the source names one.</summary>
    public string? Service { get; init; }

    /// <summary>The page's own page at the source (only http and https links are kept).</summary>
    public string? Url { get; init; }

    /// <summary>Who acted (acknowledged, escalated, wrote the note), as the source names them.</summary>
    public string? Actor { get; init; }

    /// <summary>What the event says beyond its action: a note's text, whom it was escalated or reassigned to, a new priority.</summary>
    public string? Detail { get; init; }

    /// <summary>The source's urgency for the page (P1, high, critical...), which a route's severity map reads.</summary>
    public string? Priority { get; init; }

    /// <summary>What routes match on.</summary>
    public IReadOnlyList<PageLabel> Labels { get; init; } = [];
}
