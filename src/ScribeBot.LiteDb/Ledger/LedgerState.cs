using LiteDB;

namespace ScribeBot.LiteDb.Ledger;

/// <summary>
/// The ledger's own counters, stored in one document: the next free slot and the workspaces' keys, each entry naming
/// its workspace by position in that list (four bytes instead of the key). Read inside each transaction, never cached:
/// a rolled-back transaction must not leave a slot or an ordinal that the file does not have.
/// </summary>
internal sealed class LedgerState
{
    private const string SlotsField = "slots";
    private const string WorkspacesField = "workspaces";

    private readonly List<string> _workspaces;
    private long _slots;

    private LedgerState(long slots, List<string> workspaces)
    {
        _slots = slots;
        _workspaces = workspaces;
    }

    public bool Changed { get; private set; }

    public IReadOnlyList<string> Workspaces => _workspaces;

    /// <summary>How many slots were ever given out (purged ones stay given out).</summary>
    public long SlotCount => _slots;

    public static LedgerState Load(BsonDocument? doc) => doc is null
        ? new LedgerState(0, [])
        : new LedgerState(doc[SlotsField].AsInt64, doc[WorkspacesField].AsArray.Select(v => v.AsString).ToList());

    public long NextSlot()
    {
        Changed = true;
        return _slots++;
    }

    /// <summary>
    /// The position of <paramref name="workspaceKey"/> in <paramref name="workspaces"/>, or -1. Ordinal: the file's
    /// collation ignores case, and Teams ids differ by case alone.
    /// </summary>
    public static int IndexOf(IReadOnlyList<string> workspaces, string workspaceKey)
    {
        for (var i = 0; i < workspaces.Count; i++)
        {
            if (string.Equals(workspaces[i], workspaceKey, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public int OrdinalOf(string workspaceKey)
    {
        var ordinal = IndexOf(_workspaces, workspaceKey);
        if (ordinal >= 0)
        {
            return ordinal;
        }

        Changed = true;
        _workspaces.Add(workspaceKey);
        return _workspaces.Count - 1;
    }

    public BsonDocument ToDocument(string id) => new()
    {
        ["_id"] = id,
        [SlotsField] = _slots,
        [WorkspacesField] = new BsonArray(_workspaces.Select(w => new BsonValue(w))),
    };
}
