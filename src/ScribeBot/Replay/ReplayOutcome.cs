using ScribeBot.Core.Incidents;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Replay;

/// <summary>The incidents a replay produced, with their timelines, and the commands the bot refused.</summary>
internal sealed record ReplayOutcome(IReadOnlyList<(Incident Incident, IReadOnlyList<TimelineEntry> Entries)> Incidents, IReadOnlyList<string> Refusals);
