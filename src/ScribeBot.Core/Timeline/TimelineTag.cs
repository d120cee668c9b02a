namespace ScribeBot.Core.Timeline;

/// <summary>What a timeline entry means for the postmortem.</summary>
public enum TimelineTag
{
    Detection,
    Action,
    Misleading,
    Escalation,
    RootCause,
    Resolution,
    KeyEvent,
    Note,
}
