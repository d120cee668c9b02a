using ScribeBot.Core.Followups;

namespace ScribeBot.Core.Incidents;

/// <summary>A specific corrective task ("todo"), optionally owned by someone.</summary>
/// <remarks>
/// <see cref="Number"/> names the task for good: an edit of its text keeps it, so the issue created for it
/// (<see cref="Followup"/>) stays its issue and is never created again. Zero means "not numbered yet" (an edit form's new
/// row, or a task stored before numbers existed); <see cref="Incident.AddTask"/> and
/// <see cref="Incident.ReplaceTasks"/> number it.
/// </remarks>
public sealed record IncidentTask(string Text, string? Owner)
{
    /// <summary>Stable within its incident, 1, 2, ...; never reused, even after the task is removed.</summary>
    public int Number { get; init; }

    /// <summary>The tracker issue made for this task, once one exists.</summary>
    public FollowupLink? Followup { get; init; }

    /// <summary>The same work: same text, same owner (number and link aside).</summary>
    public bool SameWork(IncidentTask other) =>
        string.Equals(Text, other.Text, StringComparison.Ordinal) && string.Equals(Owner, other.Owner, StringComparison.Ordinal);
}
