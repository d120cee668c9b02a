using LiteDB;

namespace ScribeBot.LiteDb.Ledger;

/// <summary>
/// The ledger's own counters, stored in one document: the next free slot, the workspaces' keys and the paged services'
/// names, each entry naming its workspace and service by position in those lists (four bytes instead of the key). A
/// document written before services were kept has no service list: it reads as empty. Read inside each transaction,
/// never cached: a rolled-back transaction must not leave a slot or an ordinal that the file does not have.
/// </summary>
internal sealed class LedgerState
{
    private const string SlotsField = "slots";
    private const string WorkspacesField = "workspaces";
    private const string ServicesField = "services";

    private readonly List<string> _workspaces;
    private readonly List<string> _services;
    private long _slots;

    private LedgerState(long slots, List<string> workspaces, List<string> services)
    {
        _slots = slots;
        _workspaces = workspaces;
        _services = services;
    }

    public bool Changed { get; private set; }

    public IReadOnlyList<string> Workspaces => _workspaces;

    public IReadOnlyList<string> Services => _services;

    /// <summary>Copies of both lists, for readers that outlive this transaction.</summary>
    public LedgerNames Names => new([.. _workspaces], [.. _services]);

    /// <summary>How many slots were ever given out (purged ones stay given out).</summary>
    public long SlotCount => _slots;

    public static LedgerState Load(BsonDocument? doc) => doc is null
        ? new LedgerState(0, [], [])
        : new LedgerState(doc[SlotsField].AsInt64, StringsOf(doc, WorkspacesField), StringsOf(doc, ServicesField));

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

    public int OrdinalOf(string workspaceKey) => Intern(_workspaces, workspaceKey);

    /// <summary>The ordinal of the paged <paramref name="service"/>, or <see cref="LedgerEntry.NoService"/> for none.</summary>
    public int ServiceOrdinalOf(string? service) => service is null ? LedgerEntry.NoService : Intern(_services, service);

    private int Intern(List<string> names, string name)
    {
        var ordinal = IndexOf(names, name);
        if (ordinal >= 0)
        {
            return ordinal;
        }

        Changed = true;
        names.Add(name);
        return names.Count - 1;
    }

    private static List<string> StringsOf(BsonDocument doc, string field) =>
        doc.TryGetValue(field, out var values) ? values.AsArray.Select(v => v.AsString).ToList() : [];

    public BsonDocument ToDocument(string id) => new()
    {
        ["_id"] = id,
        [SlotsField] = _slots,
        [WorkspacesField] = new BsonArray(_workspaces.Select(w => new BsonValue(w))),
        [ServicesField] = new BsonArray(_services.Select(s => new BsonValue(s))),
    };
}
