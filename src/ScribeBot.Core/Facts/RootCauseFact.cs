using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Facts;

/// <summary>When the root cause was found: the first entry tagged root cause (a message or <c>/incident rootcause</c>).</summary>
public sealed record RootCauseFact(DateTimeOffset At, TimelineEntry Entry);
