using LiteDB;
using ScribeBot.Core.Incidents;

namespace ScribeBot.LiteDb.Ledger;

/// <summary>
/// A compact copy of every incident's list and statistics fields (<see cref="LedgerEntry"/>, 40 bytes each), kept in
/// pages of <see cref="EntriesPerPage"/> slots and written in the same transaction as the incident. The dashboard's
/// list and the statistics read these pages, never the incidents: a year of history is a few hundred kilobytes, read
/// in milliseconds, where loading the incidents themselves grew with every incident ever declared. Each page records
/// the range of declaration instants it holds (indexed), so a query for the last N days reads only recent pages.
/// </summary>
internal sealed class IncidentLedger
{
    public const string Collection = "ledger";
    public const int EntriesPerPage = 256;

    private const string StateId = "$ledger";
    private const string MaxDeclaredField = "maxDeclared";
    private const string EntriesField = "entries";

    private readonly ILiteCollection<BsonDocument> _pages;
    private readonly ILiteCollection<BsonDocument> _counters;

    public IncidentLedger(LiteDatabase database)
    {
        _pages = database.GetCollection(Collection);
        _counters = database.GetCollection(StoreSchema.CounterCollection);
    }

    public void EnsureIndexes() => _pages.EnsureIndex(MaxDeclaredField, "$." + MaxDeclaredField);

    /// <summary>
    /// Writes <paramref name="incident"/>'s entry into <paramref name="slot"/>, or into a new slot when it has none yet;
    /// returns the slot, which the incident's document keeps.
    /// </summary>
    public long Record(Incident incident, long? slot)
    {
        var state = LedgerState.Load(_counters.FindById(StateId));
        var workspace = state.OrdinalOf(incident.Channel.WorkspaceKey);
        var assigned = slot ?? state.NextSlot();
        if (state.Changed)
        {
            _counters.Upsert(state.ToDocument(StateId));
        }

        var pageId = (int)(assigned / EntriesPerPage);
        var page = _pages.FindById(pageId) ?? new BsonDocument
        {
            ["_id"] = pageId,
            [MaxDeclaredField] = long.MinValue,
            [EntriesField] = new byte[EntriesPerPage * LedgerEntry.Size],
        };
        var entry = LedgerEntry.Of(incident, workspace);
        var bytes = page[EntriesField].AsBinary;
        entry.WriteTo(bytes.AsSpan((int)(assigned % EntriesPerPage) * LedgerEntry.Size, LedgerEntry.Size));
        page[EntriesField] = bytes;
        page[MaxDeclaredField] = Math.Max(page[MaxDeclaredField].AsInt64, entry.DeclaredTicks);
        _pages.Upsert(page);
        return assigned;
    }

    /// <summary>
    /// Empties <paramref name="slot"/> (zeros: number 0 means no incident) when its incident is purged. The slot is not
    /// given again, and the page keeps its latest declaration instant, still an upper bound of what it holds.
    /// </summary>
    public void Erase(long slot)
    {
        if (_pages.FindById((int)(slot / EntriesPerPage)) is not { } page)
        {
            return;
        }

        var bytes = page[EntriesField].AsBinary;
        bytes.AsSpan((int)(slot % EntriesPerPage) * LedgerEntry.Size, LedgerEntry.Size).Clear();
        page[EntriesField] = bytes;
        _pages.Update(page);
    }

    /// <summary>Every entry declared at or after <paramref name="declaredSince"/>, in slot order, and the workspaces' keys by ordinal.</summary>
    public LedgerSnapshot Read(DateTimeOffset declaredSince)
    {
        var since = declaredSince.UtcTicks;
        var entries = new List<LedgerEntry>();
        foreach (var page in _pages.Find(PagesSinceQuery(declaredSince)))
        {
            var bytes = page[EntriesField].AsBinary;
            for (var offset = 0; offset < bytes.Length; offset += LedgerEntry.Size)
            {
                var entry = LedgerEntry.ReadFrom(bytes.AsSpan(offset, LedgerEntry.Size));
                if (!entry.IsEmpty && entry.DeclaredTicks >= since)
                {
                    entries.Add(entry);
                }
            }
        }

        return new LedgerSnapshot(entries, LedgerState.Load(_counters.FindById(StateId)).Workspaces);
    }

    /// <summary>The pages that may hold an incident declared at or after <paramref name="declaredSince"/>.</summary>
    public static BsonExpression PagesSinceQuery(DateTimeOffset declaredSince) => Query.GTE(MaxDeclaredField, declaredSince.UtcTicks);

    /// <summary>Forgets every entry (a rebuild starts here).</summary>
    public void Clear()
    {
        _pages.DeleteAll();
        _counters.Delete(StateId);
    }
}
