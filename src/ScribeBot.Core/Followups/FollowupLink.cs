namespace ScribeBot.Core.Followups;

/// <summary>
/// The tracker issue a postmortem task became: which tracker (<c>github</c>, <c>jira</c>, <c>linear</c>), the issue's
/// key there (<c>octo/app#12</c>, <c>OPS-7</c>), its web address, its state as last read and when it was created.
/// </summary>
public sealed record FollowupLink(string Tracker, string IssueKey, string Url, FollowupState State, DateTimeOffset CreatedAt)
{
    /// <summary>When <see cref="State"/> was last read from the tracker (null: as created).</summary>
    public DateTimeOffset? StateReadAt { get; init; }

    public bool IsOpen => State == FollowupState.Open;
}
