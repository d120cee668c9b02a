using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Incidents;

/// <summary>A moment in an incident's life (declared, acknowledged, resolved...) and who marked it.</summary>
public sealed record Milestone(DateTimeOffset At, Person By);
