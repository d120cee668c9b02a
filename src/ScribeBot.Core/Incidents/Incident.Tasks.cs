using ScribeBot.Core.Followups;

namespace ScribeBot.Core.Incidents;

// Tasks and their tracker issues: a task keeps its number (and so its issue) through edits; a task removed after its
// issue was created moves to RemovedTasks, so the issue is reported rather than forgotten (never deleted).
public sealed partial record Incident
{
    /// <summary>
    /// The task list an editor saved: a task that carries the number of an existing task is that task edited (its
    /// issue stays), any other is new and gets the next number; an existing task with an issue that is missing from
    /// <paramref name="tasks"/> moves to <see cref="RemovedTasks"/>. An unnumbered task with the text and owner of an
    /// existing one is that task.
    /// </summary>
    public Incident ReplaceTasks(IReadOnlyList<IncidentTask> tasks)
    {
        var existing = Tasks.Where(t => t.Number > 0).ToDictionary(t => t.Number);
        var sequence = TaskSequence;
        var kept = new HashSet<int>();
        var result = new List<IncidentTask>(tasks.Count);
        foreach (var task in tasks)
        {
            if (task.Number > 0 && existing.TryGetValue(task.Number, out var old) && kept.Add(task.Number))
            {
                result.Add(task with { Followup = old.Followup });
            }
            else if (task.Number == 0 && Tasks.FirstOrDefault(t => t.Number > 0 && !kept.Contains(t.Number) && t.SameWork(task)) is { } same)
            {
                // A form that does not carry numbers (an API client): the same text and owner is the same task.
                kept.Add(same.Number);
                result.Add(same);
            }
            else
            {
                result.Add(task with { Number = ++sequence, Followup = null });
            }
        }

        var removed = Tasks.Where(t => t.Followup is not null && !kept.Contains(t.Number));
        return this with { Tasks = result, TaskSequence = sequence, RemovedTasks = [.. RemovedTasks, .. removed] };
    }

    /// <summary>
    /// Numbers the tasks that have no number yet (stored before numbers existed), so each can carry a marker in its
    /// tracker issue. The same instance when all are numbered.
    /// </summary>
    public Incident NumberTasks()
    {
        if (Tasks.All(t => t.Number > 0))
        {
            return this;
        }

        var sequence = Math.Max(TaskSequence, Tasks.Concat(RemovedTasks).Select(t => t.Number).DefaultIfEmpty(0).Max());
        var numbered = Tasks.Select(t => t.Number > 0 ? t : t with { Number = ++sequence }).ToArray();
        return this with { Tasks = numbered, TaskSequence = sequence };
    }

    /// <summary>
    /// Records the issue made for task <paramref name="number"/>. When that task was removed meanwhile, the issue still
    /// exists, so the task joins <see cref="RemovedTasks"/> with it (<paramref name="removed"/> describes it) instead of
    /// the link being lost. A task that already has a link keeps it.
    /// </summary>
    public Incident LinkTask(int number, FollowupLink link, IncidentTask removed)
    {
        var index = Tasks.ToList().FindIndex(t => t.Number == number);
        if (index < 0)
        {
            return RemovedTasks.Any(t => t.Number == number)
                ? this
                : this with { RemovedTasks = [.. RemovedTasks, removed with { Followup = link }] };
        }

        if (Tasks[index].Followup is not null)
        {
            return this;
        }

        var tasks = Tasks.ToArray();
        tasks[index] = tasks[index] with { Followup = link };
        return this with { Tasks = tasks };
    }

    /// <summary>Tasks with an issue still open (as last read), removed ones included: they are still work.</summary>
    public int OpenFollowups => Tasks.Concat(RemovedTasks).Count(t => t.Followup is { IsOpen: true });

    /// <summary>Tasks that have no issue yet.</summary>
    public IReadOnlyList<IncidentTask> UnlinkedTasks => [.. Tasks.Where(t => t.Followup is null)];
}
