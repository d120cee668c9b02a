using ScribeBot.Core.Incidents;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Followups;

/// <summary>What the bot says about follow-ups: what a request queued, what a run linked, and why a tracker refused.</summary>
public static class FollowupReport
{
    /// <summary>The answer to <c>/incident followups</c> when it queued work.</summary>
    public static ChatText Queued(Incident incident, IFollowupTracker tracker, IReadOnlyList<IncidentTask> pending)
    {
        var builder = new ChatTextBuilder()
            .Plain($"Queued {Count(pending.Count, "task")} of {incident.DisplayId} for {tracker.Name} {tracker.Target}:");
        foreach (var task in pending)
        {
            builder.EndLine().Plain($"- Task {task.Number}: {task.Text}");
        }

        var linked = incident.Tasks.Count - pending.Count;
        if (linked > 0)
        {
            builder.EndLine().Plain($"{Count(linked, "other task")} already {(linked == 1 ? "has an issue" : "have issues")} and will not be created again.");
        }

        return Removed(builder, incident).Build();
    }

    /// <summary>The answer when every task already has an issue (or there are none): nothing is queued.</summary>
    public static ChatText NothingToDo(Incident incident)
    {
        var builder = new ChatTextBuilder();
        if (incident.Tasks.Count == 0)
        {
            builder.Plain($"{incident.DisplayId} has no tasks to turn into issues. Add one with /incident todo <task> [@owner].");
        }
        else
        {
            builder.Plain($"Every task of {incident.DisplayId} already has an issue ({incident.OpenFollowups} open):");
            foreach (var task in incident.Tasks)
            {
                AppendLinked(builder.EndLine().Plain($"- Task {task.Number}: {task.Text} "), task.Followup!);
            }
        }

        return Removed(builder, incident).Build();
    }

    /// <summary>The channel's notice after a run: each task and its issue.</summary>
    public static ChatText Linked(Incident incident, IFollowupTracker tracker, IReadOnlyList<LinkedTask> done)
    {
        var builder = new ChatTextBuilder().Strong($"{incident.DisplayId}: ").Plain($"follow-ups in {tracker.Name} {tracker.Target}:");
        foreach (var linked in done)
        {
            builder.EndLine().Plain($"- Task {linked.Task.Number}: {linked.Task.Text} ");
            AppendLinked(builder, linked.Link);
            if (linked.Recovered)
            {
                builder.Plain(" (it existed already: linked, not created again)");
            }
        }

        return builder.Build();
    }

    /// <summary>To the requester: which task the tracker refused, why, and what to change.</summary>
    public static ChatText Refused(Incident incident, IFollowupTracker tracker, IncidentTask? task, TrackerFailure failure)
    {
        var what = task is null ? $"looking up the follow-ups of {incident.DisplayId}" : $"task {task.Number} of {incident.DisplayId} ({task.Text})";
        var builder = new ChatTextBuilder().Plain($"{tracker.Name} {tracker.Target} refused {what}: {failure.Message}");
        if (failure.Field is { } field)
        {
            builder.EndLine().Plain("Check: ").Code(field);
        }

        return builder.EndLine()
            .Plain("Tasks without an issue stay unlinked; nothing else changed. Fix it, then run /incident followups again.")
            .Build();
    }

    private static ChatTextBuilder Removed(ChatTextBuilder builder, Incident incident)
    {
        foreach (var task in incident.RemovedTasks)
        {
            builder.EndLine().Plain($"Task {task.Number} ({task.Text}) was removed from the postmortem; its issue ");
            AppendLinked(builder, task.Followup!);
            builder.Plain(" was left as it is.");
        }

        return builder;
    }

    private static ChatTextBuilder AppendLinked(ChatTextBuilder builder, FollowupLink link) =>
        builder.Link(link.IssueKey, link.Url).Plain(link.IsOpen ? " (open)" : " (closed)");

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
