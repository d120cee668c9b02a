namespace ScribeBot.Core.Storage;

/// <summary>
/// What a purge of the incidents declared before <see cref="DeclaredBefore"/> would remove
/// (<see cref="IRetentionStore.PlanPurgeAsync"/>): the resolved incidents' ids, and per workspace what goes and how many
/// open incidents stay.
/// </summary>
public sealed record PurgePlan(DateTimeOffset DeclaredBefore, IReadOnlyList<string> IncidentIds, IReadOnlyList<WorkspacePurge> Workspaces)
{
    public PurgeTally Total => Workspaces.Aggregate(PurgeTally.None, (sum, w) => sum.Add(w.Removes));

    /// <summary>Open incidents declared before the date: never purged.</summary>
    public int OpenSkipped => Workspaces.Sum(w => w.OpenSkipped);
}

/// <summary>One workspace's part of a <see cref="PurgePlan"/>.</summary>
public sealed record WorkspacePurge(string WorkspaceKey, PurgeTally Removes, int OpenSkipped);
