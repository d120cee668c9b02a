using ScribeBot.Core.Channels;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Facts;

/// <summary>
/// When impact ended (the outage's end, not the resolve). <see cref="Entry"/> is the timeline entry it comes from:
/// the page's event or the tagged message; for a command, the command's own entry when it is passed in.
/// </summary>
public sealed record RecoveryFact(DateTimeOffset At, RecoverySource Source, Person By, TimelineEntry? Entry = null);
