namespace ScribeBot.LiteDb.Ledger;

/// <summary>
/// The committed ledger in memory, so the dashboard and statistics neither read nor decode its pages on every request
/// (two megabytes at 50,000 incidents), kept both by slot and newest first (<see cref="LedgerOrder"/>). Loaded from
/// the file on first use, not at start-up; after that each commit's entries are applied by the writer
/// (<see cref="Apply"/>). Used only on the writer thread, where reads run too, so it needs no lock, and a snapshot is
/// used up before the next commit. After a failed commit or a reopened file it is dropped and loaded again when next read.
/// </summary>
internal sealed class LedgerMemory
{
    private LedgerEntry[] _slots = [];
    // Replaced, never changed in place, so a snapshot can hold it without a copy.
    private LedgerNames _names = LedgerNames.Empty;
    private LedgerOrder? _order;

    /// <summary>Every entry declared at or after <paramref name="declaredSince"/>, newest first, loading from <paramref name="ledger"/> first if needed.</summary>
    public LedgerSnapshot Read(IncidentLedger ledger, DateTimeOffset declaredSince)
    {
        if (_order is null)
        {
            var stored = ledger.ReadAll();
            _slots = stored.Slots;
            _names = stored.Names;
            _order = LedgerOrder.Of(_slots, _names.Workspaces);
        }

        return new LedgerSnapshot(_order.Since(declaredSince.UtcTicks), _names);
    }

    /// <summary>
    /// A transaction that wrote <paramref name="changes"/> committed; <paramref name="names"/> is the ledger's lists after
    /// it, when one grew.
    /// </summary>
    public void Apply(IReadOnlyDictionary<long, LedgerEntry> changes, LedgerNames? names)
    {
        if (_order is null || changes.Count == 0)
        {
            return;
        }

        if (names is not null)
        {
            _names = names;
            _order.Workspaces = _names.Workspaces;
        }

        var highest = changes.Keys.Max();
        if (highest >= _slots.Length)
        {
            Array.Resize(ref _slots, (int)Math.Max(highest + 1, _slots.Length * 2L));
        }

        foreach (var (slot, entry) in changes)
        {
            if (!_order.Change(_slots[slot], entry))
            {
                // Never fail a commit over a copy: read the file's ledger again when next asked.
                Forget();
                return;
            }

            _slots[slot] = entry;
        }
    }

    /// <summary>Forgets everything; the next read loads the file's ledger.</summary>
    public void Forget()
    {
        _order = null;
        _slots = [];
        _names = LedgerNames.Empty;
    }
}
