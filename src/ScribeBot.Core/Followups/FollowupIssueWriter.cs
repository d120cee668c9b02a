using System.Globalization;
using System.Text;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Links;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Followups;

/// <summary>
/// Writes the issue for one task: the title is the task with the incident's id (<c>Add a canary (INC-12)</c>); the
/// body links back to the postmortem page and to the timeline entry that motivated the work, names the owner, and
/// ends with the <see cref="FollowupMarker"/>.
/// </summary>
public static class FollowupIssueWriter
{
    /// <summary>The label every follow-up issue carries, beside the incident's id.</summary>
    public const string PostmortemLabel = "postmortem";

    public static FollowupIssue Write(
        Incident incident, IncidentTask task, IReadOnlyList<TimelineEntry> entries, IFollowupTracker tracker, string? publicBaseUrl)
    {
        var marker = FollowupMarker.For(incident.Id, task.Number);
        var assignee = task.Owner is { } owner ? tracker.AssigneeFor(owner) : null;
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Follow-up from the postmortem of **{incident.DisplayId}: {incident.Title}** ({incident.Severity.ToLabel()}).\n\n");

        var page = IncidentPages.Absolute(publicBaseUrl, IncidentPages.Page(incident.Id));
        body.Append(page is null
            ? "- Postmortem: on the ScribeBot dashboard (no public address configured, Scribe:PublicBaseUrl)\n"
            : $"- Postmortem: [{page}]({page})\n");

        if (Motivation(entries) is { } entry)
        {
            var when = entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            var text = Line(entry.Text);
            body.Append(entry.Permalink is { } link
                ? $"- Motivated by: [{when} - {text}]({link})\n"
                : $"- Motivated by: {when} - {text}\n");
        }

        if (task.Owner is { } named)
        {
            // An owner the person map does not know is named, never matched to a tracker account by guesswork.
            body.Append(assignee is null
                ? $"- Owner: {named} (no {tracker.Name} account mapped in Followups:People; not assigned)\n"
                : $"- Owner: {named}\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"\nTask {task.Number} of {incident.DisplayId}, created by ScribeBot.\n\n")
            .Append(FollowupMarker.Comment(marker)).Append('\n');

        return new FollowupIssue
        {
            Title = $"{task.Text} ({incident.DisplayId})",
            Body = body.ToString(),
            Labels = [PostmortemLabel, incident.DisplayId, ..tracker.Labels.Where(l => l != PostmortemLabel && l != incident.DisplayId)],
            Assignee = assignee,
            Marker = marker,
            TaskNumber = task.Number,
        };
    }

    /// <summary>
    /// The entry that motivated the follow-up work: the latest kept root-cause entry (prevention addresses the cause),
    /// else the latest misleading path, else the detection. Null when nothing is tagged.
    /// </summary>
    public static TimelineEntry? Motivation(IReadOnlyList<TimelineEntry> entries)
    {
        foreach (var tag in (TimelineTag[])[TimelineTag.RootCause, TimelineTag.Misleading, TimelineTag.Detection])
        {
            if (entries.LastOrDefault(e => !e.Deleted && e.Has(tag)) is { } entry)
            {
                return entry;
            }
        }

        return null;
    }

    private static string Line(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 200 ? line : line[..199] + "…";
    }
}
