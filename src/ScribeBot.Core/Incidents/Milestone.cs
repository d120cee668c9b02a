using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Incidents;

/// <summary>
/// A moment in an incident's life (declared, acknowledged, resolved...) and who marked it. <see cref="RequestId"/>
/// is the request of the command that set it, whose timeline entry the draft shows as this milestone's line: the
/// instant alone cannot say which entry that is, because a platform's timestamps may be coarser than the commands
/// (Slack's are whole seconds).
/// </summary>
public sealed record Milestone(DateTimeOffset At, Person By, string? RequestId = null);
