using ScribeBot.Core.Time;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Postmortem.Document;

/// <summary>
/// What a diagram of the incident shows: the phases between its instants and the tagged events. Times carry the
/// incident's UTC offset so a renderer can print local wall-clock times. Labels are raw user text; each renderer
/// sanitises them for its own syntax.
/// </summary>
public sealed record PostmortemDiagram(string Title, IReadOnlyList<DiagramPhase> Phases, IReadOnlyList<DiagramEvent> Events)
{
    /// <summary>The incident's <see cref="TimePrecision"/>: a chart of a five-minute incident counts seconds.</summary>
    public TimePrecision Precision { get; init; } = TimePrecision.Minutes;
}

/// <summary>A phase such as "Detected, not yet declared"; <paramref name="Ongoing"/> when its end is only the last
/// thing recorded so far.</summary>
public sealed record DiagramPhase(string Label, DateTimeOffset Start, DateTimeOffset End, bool Ongoing);

/// <summary>A point event, grouped by <paramref name="Kind"/> (the timeline kind label).</summary>
public sealed record DiagramEvent(string Kind, string Label, DateTimeOffset At)
{
    /// <summary>The entry's tags behind <see cref="Kind"/> (empty for an untagged command's change), so a renderer
    /// can colour by kind without parsing the label.</summary>
    public IReadOnlyList<TimelineTag> Tags { get; init; } = [];
}
