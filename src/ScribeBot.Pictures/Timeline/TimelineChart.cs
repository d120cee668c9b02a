using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Postmortem;

namespace ScribeBot.Pictures.Timeline;

/// <summary>
/// What <see cref="TimelineSvg"/> draws: the draft's own diagram model (phases and tagged events, so the page and the
/// Mermaid chart never disagree) plus the moments drawn as lines, and the clock that labels the axis.
/// </summary>
public sealed record TimelineChart(
    string Title,
    IncidentClock Clock,
    IReadOnlyList<DiagramPhase> Phases,
    IReadOnlyList<DiagramEvent> Events,
    DateTimeOffset Declared,
    Milestone? Acknowledged,
    Milestone? Resolved)
{
    public static TimelineChart For(Incident incident, PostmortemDiagram diagram) => new(
        diagram.Title,
        IncidentClock.For(incident),
        diagram.Phases,
        diagram.Events,
        incident.Declared.At,
        incident.Acknowledged,
        incident.Resolved);
}
