namespace ScribeBot.Core.Followups;

/// <summary>A follow-up issue's state, as the tracker last reported it (each tracker's states map onto these two).</summary>
public enum FollowupState
{
    Open,
    Closed,
}
