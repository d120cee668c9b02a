using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;

namespace ScribeBot.LiteDb.Ledger;

/// <summary>Entries read from the <see cref="IncidentLedger"/>, newest first, with the workspace keys their ordinals stand for.</summary>
internal sealed record LedgerSnapshot(ArraySegment<LedgerEntry> Entries, IReadOnlyList<string> Workspaces)
{
    public string WorkspaceKeyOf(LedgerEntry entry) => Workspaces[entry.Workspace];

    /// <summary>The incident id the entry stands for (<see cref="Incident.MakeId"/>: workspace key and number).</summary>
    public string IdOf(LedgerEntry entry) => Incident.MakeId(WorkspaceKeyOf(entry), entry.Number);

    /// <summary>The ordinal of <paramref name="workspaceKey"/>, or -1 when no incident was ever declared there.</summary>
    public int OrdinalOf(string workspaceKey) => LedgerState.IndexOf(Workspaces, workspaceKey);
}
