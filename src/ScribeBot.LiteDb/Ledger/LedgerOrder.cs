using ScribeBot.Core.Incidents;

namespace ScribeBot.LiteDb.Ledger;

/// <summary>
/// The ledger's incidents newest first (declared descending, then incident id ascending, the order of
/// <see cref="Core.Storage.IncidentQuery.PageOf"/>), kept in order as commits change them. A dashboard page is then a
/// walk from the front and the incidents declared since a date are a prefix: no request sorts, and none reads the
/// history older than it asks for.
/// </summary>
internal sealed class LedgerOrder(IReadOnlyList<string> workspaces)
{
    private LedgerEntry[] _entries = [];
    private int _count;

    /// <summary>The ordinals' workspace keys, which the tie-break by id needs; replaced when a workspace is added.</summary>
    public IReadOnlyList<string> Workspaces { get; set; } = workspaces;

    /// <summary>The non-empty entries of <paramref name="slots"/> in order.</summary>
    public static LedgerOrder Of(LedgerEntry[] slots, IReadOnlyList<string> workspaces)
    {
        var order = new LedgerOrder(workspaces);
        var entries = slots.Where(e => !e.IsEmpty).ToArray();
        // Sorting plain numbers is several times faster than comparing entries; equal instants are rare and only they
        // pay for building ids.
        var keys = entries.Select(e => -e.DeclaredTicks).ToArray();
        Array.Sort(keys, entries);
        order.OrderTiesById(keys, entries);
        (order._entries, order._count) = (entries, entries.Length);
        return order;
    }

    /// <summary>Every entry declared at or after <paramref name="declaredTicks"/>, newest first, without a copy.</summary>
    public ArraySegment<LedgerEntry> Since(long declaredTicks)
    {
        // The first entry declared before the instant: the entries are declared descending.
        var (low, high) = (0, _count);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_entries[middle].DeclaredTicks >= declaredTicks)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return new ArraySegment<LedgerEntry>(_entries, 0, low);
    }

    /// <summary>
    /// The incident in a slot changed from <paramref name="before"/> (empty for a new slot) to <paramref name="after"/>
    /// (empty once purged). False when <paramref name="before"/> is not where the order says it should be: the order
    /// cannot be trusted and must be built again.
    /// </summary>
    public bool Change(LedgerEntry before, LedgerEntry after)
    {
        var at = before.IsEmpty ? -1 : Array.BinarySearch(_entries, 0, _count, before, Comparer<LedgerEntry>.Create(Compare));
        if (!before.IsEmpty && (at < 0 || _entries[at] != before))
        {
            return false;
        }

        if (!before.IsEmpty && !after.IsEmpty && before.DeclaredTicks == after.DeclaredTicks)
        {
            // Same instant, same incident: the same place in the order (a status, severity or duration changed).
            _entries[at] = after;
            return true;
        }

        if (!before.IsEmpty)
        {
            Array.Copy(_entries, at + 1, _entries, at, _count - at - 1);
            _count--;
        }

        if (!after.IsEmpty)
        {
            var found = Array.BinarySearch(_entries, 0, _count, after, Comparer<LedgerEntry>.Create(Compare));
            at = found >= 0 ? found : ~found;
            if (_count == _entries.Length)
            {
                Array.Resize(ref _entries, Math.Max(16, _entries.Length * 2));
            }

            Array.Copy(_entries, at, _entries, at + 1, _count - at);
            _entries[at] = after;
            _count++;
        }

        return true;
    }

    private int Compare(LedgerEntry a, LedgerEntry b) => a.DeclaredTicks != b.DeclaredTicks
        ? b.DeclaredTicks.CompareTo(a.DeclaredTicks)
        : string.CompareOrdinal(IdOf(a), IdOf(b));

    private string IdOf(LedgerEntry entry) => Incident.MakeId(Workspaces[entry.Workspace], entry.Number);

    private void OrderTiesById(long[] keys, LedgerEntry[] entries)
    {
        var runStart = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[runStart])
            {
                if (i - runStart > 1)
                {
                    Array.Sort(entries, runStart, i - runStart, Comparer<LedgerEntry>.Create(Compare));
                }

                runStart = i;
            }
        }
    }
}
