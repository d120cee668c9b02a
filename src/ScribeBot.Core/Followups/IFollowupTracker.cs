namespace ScribeBot.Core.Followups;

/// <summary>
/// One issue tracker, as configured for one channel (its repository, project or team). Expected failures are results
/// (<see cref="TrackerFailure"/>), not exceptions; an exception counts as a transient failure.
/// </summary>
public interface IFollowupTracker
{
    /// <summary>The tracker's id in stored links: <c>github</c>, <c>jira</c>, <c>linear</c>.</summary>
    string Tracker { get; }

    /// <summary>The tracker's name for people: <c>GitHub</c>.</summary>
    string Name { get; }

    /// <summary>Where issues go, for people: <c>octo/app</c>, a Jira project key, a Linear team.</summary>
    string Target { get; }

    /// <summary>Labels configured beside <c>postmortem</c> and the incident's id.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>The tracker's id for a task owner (the name the task shows), or null when the person map does not know them.</summary>
    string? AssigneeFor(string owner);

    /// <summary>
    /// The issues already made for <paramref name="markers"/> (found by the incident's label and the marker in the
    /// body), keyed by marker. Called before creating, so a retry after a lost answer links instead of creating again.
    /// </summary>
    Task<TrackerResult<IReadOnlyDictionary<string, FollowupLink>>> FindAsync(
        string incidentLabel, IReadOnlyCollection<string> markers, CancellationToken cancellationToken);

    /// <summary>Creates the issue; its link (state open) on success.</summary>
    Task<TrackerResult<FollowupLink>> CreateAsync(FollowupIssue issue, CancellationToken cancellationToken);

    /// <summary>The issue's state now (<paramref name="issueKey"/> as this tracker stored it in a link).</summary>
    Task<TrackerResult<FollowupState>> ReadStateAsync(string issueKey, CancellationToken cancellationToken);
}
