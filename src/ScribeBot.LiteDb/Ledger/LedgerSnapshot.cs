using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;

namespace ScribeBot.LiteDb.Ledger;

/// <summary>Entries read from the <see cref="IncidentLedger"/>, newest first, with the names their ordinals stand for.</summary>
internal sealed record LedgerSnapshot(ArraySegment<LedgerEntry> Entries, LedgerNames Names)
{
    public IReadOnlyList<string> Workspaces => Names.Workspaces;

    /// <summary>The entry's measure, its paged service named.</summary>
    public IncidentMeasure MeasureOf(LedgerEntry entry) => entry.ToMeasure(Names.Services);

    public string WorkspaceKeyOf(LedgerEntry entry) => Workspaces[entry.Workspace];

    /// <summary>The incident id the entry stands for (<see cref="Incident.MakeId"/>: workspace key and number).</summary>
    public string IdOf(LedgerEntry entry) => Incident.MakeId(WorkspaceKeyOf(entry), entry.Number);

    /// <summary>The ordinal of <paramref name="workspaceKey"/>, or -1 when no incident was ever declared there.</summary>
    public int OrdinalOf(string workspaceKey) => LedgerState.IndexOf(Workspaces, workspaceKey);
}
