namespace ScribeBot.Core.Incidents;

// Corrective measures and tasks: no duplicates, at most IncidentLimits.MaxListItems of each.
public sealed partial record Incident
{
    /// <summary>Adds a broad corrective or preventative measure.</summary>
    public IncidentDecision AddImprovement(string text)
    {
        if (Improvements.Contains(text, StringComparer.Ordinal))
        {
            return Refuse($"That improvement is already on {DisplayId}'s list.");
        }

        if (Improvements.Count >= IncidentLimits.MaxListItems)
        {
            return Refuse($"{DisplayId} already lists {IncidentLimits.MaxListItems} improvements, the limit. Merge related ones, or move specific work to the tasks.");
        }

        return IncidentDecision.Accept(this with { Improvements = [.. Improvements, text] });
    }

    /// <summary>Adds a specific follow-up task; the same text with another owner is another task.</summary>
    public IncidentDecision AddTask(IncidentTask task)
    {
        if (Tasks.Any(task.SameWork))
        {
            return Refuse($"That task is already on {DisplayId}'s list.");
        }

        if (Tasks.Count >= IncidentLimits.MaxListItems)
        {
            return Refuse($"{DisplayId} already lists {IncidentLimits.MaxListItems} tasks, the limit. Group related work, or track the details in your issue tracker.");
        }

        var number = TaskSequence + 1;
        return IncidentDecision.Accept(this with { Tasks = [.. Tasks, task with { Number = number, Followup = null }], TaskSequence = number });
    }
}
