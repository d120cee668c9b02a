namespace ScribeBot.Core.Chat;

/// <summary>What happened to a captured chat event. Expected outcomes, not errors.</summary>
public enum CaptureResult
{
    Recorded,
    Duplicate,
    Updated,
    IgnoredNoOpenIncident,
    IgnoredOwnMessage,
    IgnoredUnknownMessage,
    IgnoredUnmappedReaction,
    IgnoredNoChange,
}
