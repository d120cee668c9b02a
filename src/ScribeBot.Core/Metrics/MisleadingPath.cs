using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Metrics;

/// <summary>
/// One misleading path: the entry tagged misleading that opened it, and the instant it was abandoned (the next entry
/// that changed course, or the resolution). See <see cref="TimeLost"/> for the rule.
/// </summary>
public sealed record MisleadingPath(TimelineEntry Entry, DateTimeOffset AbandonedAt)
{
    public DateTimeOffset Start => Entry.At;

    public TimeSpan Length => AbandonedAt - Entry.At;
}
