namespace ScribeBot.Core.Followups;

/// <summary>
/// The tracker issue a postmortem task became: which tracker (<c>github</c>, <c>jira</c>, <c>linear</c>), the issue's
/// key there (<c>octo/app#12</c>, <c>OPS-7</c>), its web address, its state as last read and when it was created.
/// </summary>
public sealed record FollowupLink(string Tracker, string IssueKey, string Url, FollowupState State, DateTimeOffset CreatedAt)
{
    /// <summary>When <see cref="State"/> was last read from the tracker (null: as created).</summary>
    public DateTimeOffset? StateReadAt { get; init; }

    /// <summary>
    /// True when the tracker could not be read just now (<see cref="FollowupStates.ShowAsync"/>), so
    /// <see cref="State"/> is the one last seen. A reading, never stored: the setter is private, which the stores skip.
    /// </summary>
    public bool AsLastSeen { get; private init; }

    public bool IsOpen => State == FollowupState.Open;

    /// <summary><c>open</c>, <c>closed</c>, or <c>open, as last seen</c> when the tracker could not be read.</summary>
    public string StateText => (IsOpen ? "open" : "closed") + (AsLastSeen ? ", as last seen" : "");

    /// <summary>This link, its state marked as the one last seen (the tracker did not answer).</summary>
    public FollowupLink LastSeen() => this with { AsLastSeen = true };
}
