namespace ScribeBot.LiteDb.Ledger;

/// <summary>
/// The keys the ledger's entries name by ordinal: workspaces (every entry) and paged services (paged entries). Lists
/// only grow, and a grown list is a new instance, so a snapshot can hold one without a copy.
/// </summary>
internal sealed record LedgerNames(IReadOnlyList<string> Workspaces, IReadOnlyList<string> Services)
{
    public static readonly LedgerNames Empty = new([], []);
}
