using ScribeBot.Core.Channels;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Facts;

/// <summary>
/// When and how an incident was detected. <see cref="At"/> is the declaration when <see cref="Source"/> is
/// <see cref="DetectionSource.NotRecorded"/>; <see cref="Method"/> is null when nobody recorded how.
/// <see cref="Entry"/> is the detection-tagged message the time comes from, for <see cref="DetectionSource.TaggedMessage"/>.
/// </summary>
public sealed record DetectionFact(DateTimeOffset At, DetectionSource Source, string? Method, Person? By, TimelineEntry? Entry = null)
{
    /// <summary>True when something recorded the detection's time (a command, a page or a tagged message).</summary>
    public bool IsKnown => Source != DetectionSource.NotRecorded;
}
