namespace ScribeBot.Core.Paging;

/// <summary>
/// What happened to a page, in the on-call flow every source shares (triggered, acknowledged, escalated, resolved).
/// Each source's own event names map onto these; a source that has no such event never sends it.
/// </summary>
public enum PageAction
{
    Triggered,
    Acknowledged,
    Unacknowledged,
    Escalated,
    Reassigned,
    Annotated,
    PriorityUpdated,
    Reopened,
    Resolved,
}
