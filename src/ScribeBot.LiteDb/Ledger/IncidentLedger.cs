using LiteDB;
using ScribeBot.Core.Facts;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Timeline;

namespace ScribeBot.LiteDb.Ledger;

/// <summary>
/// A compact copy of every incident's list and statistics fields (<see cref="LedgerEntry"/>, 80 bytes each), kept in
/// pages of <see cref="EntriesPerPage"/> slots and written in the same transaction as the incident. The dashboard's
/// list and the statistics read these pages, never the incidents: a year of history is a few hundred kilobytes, read
/// in milliseconds, where loading the incidents themselves grew with every incident ever declared. The store keeps the
/// committed ledger in memory (<see cref="LedgerMemory"/>); the pages are what it is loaded from.
/// </summary>
internal sealed class IncidentLedger
{
    public const string Collection = "ledger";
    public const int EntriesPerPage = 256;

    private const string StateId = "$ledger";
    private const string EntriesField = "entries";

    private readonly ILiteCollection<BsonDocument> _pages;
    private readonly ILiteCollection<BsonDocument> _counters;

    public IncidentLedger(LiteDatabase database)
    {
        _pages = database.GetCollection(Collection);
        _counters = database.GetCollection(StoreSchema.CounterCollection);
    }

    /// <summary>Gives out the next slot, for an incident whose entry is written later in the same transaction.</summary>
    public long Reserve()
    {
        var state = LedgerState.Load(_counters.FindById(StateId));
        var slot = state.NextSlot();
        _counters.Upsert(state.ToDocument(StateId));
        return slot;
    }

    /// <summary>
    /// Writes <paramref name="incident"/>'s entry, measured with its stored <paramref name="entries"/>, into
    /// <paramref name="slot"/>, or into a new slot when it has none yet; returns what was written: the slot (which the
    /// incident's document keeps), the entry and, when one grew, the lists of names.
    /// </summary>
    public LedgerWrite Record(Incident incident, IReadOnlyList<TimelineEntry> entries, long? slot)
    {
        var state = LedgerState.Load(_counters.FindById(StateId));
        var measure = IncidentMeasure.Of(incident, entries);
        var workspace = state.OrdinalOf(incident.Channel.WorkspaceKey);
        var service = state.ServiceOrdinalOf(measure.PagedService);
        var assigned = slot ?? state.NextSlot();
        if (state.Changed)
        {
            _counters.Upsert(state.ToDocument(StateId));
        }

        var pageId = (int)(assigned / EntriesPerPage);
        var page = _pages.FindById(pageId) ?? new BsonDocument
        {
            ["_id"] = pageId,
            [EntriesField] = new byte[EntriesPerPage * LedgerEntry.Size],
        };
        var entry = LedgerEntry.Of(incident, measure, OutageWindow.Of(incident, entries), workspace, service);
        var bytes = page[EntriesField].AsBinary;
        entry.WriteTo(bytes.AsSpan((int)(assigned % EntriesPerPage) * LedgerEntry.Size, LedgerEntry.Size));
        page[EntriesField] = bytes;
        _pages.Upsert(page);
        return new LedgerWrite(assigned, entry, state.Changed ? state.Names : null);
    }

    /// <summary>
    /// Empties <paramref name="slot"/> (zeros: number 0 means no incident) when its incident is purged; returns the empty
    /// entry for the in-memory copy. The slot is not given again.
    /// </summary>
    public LedgerEntry Erase(long slot)
    {
        if (_pages.FindById((int)(slot / EntriesPerPage)) is { } page)
        {
            var bytes = page[EntriesField].AsBinary;
            bytes.AsSpan((int)(slot % EntriesPerPage) * LedgerEntry.Size, LedgerEntry.Size).Clear();
            page[EntriesField] = bytes;
            _pages.Update(page);
        }

        return default;
    }

    /// <summary>Every slot (empty ones included, so an entry's index is its slot) and the names its ordinals stand for.</summary>
    public (LedgerEntry[] Slots, LedgerNames Names) ReadAll()
    {
        var state = LedgerState.Load(_counters.FindById(StateId));
        var slots = new LedgerEntry[state.SlotCount];
        foreach (var page in _pages.FindAll())
        {
            var first = (long)page["_id"].AsInt32 * EntriesPerPage;
            var bytes = page[EntriesField].AsBinary;
            for (var i = 0; i < EntriesPerPage && first + i < slots.Length; i++)
            {
                slots[first + i] = LedgerEntry.ReadFrom(bytes.AsSpan(i * LedgerEntry.Size, LedgerEntry.Size));
            }
        }

        return (slots, state.Names);
    }

    /// <summary>Forgets every entry but keeps the slots and names (a rewrite of every entry at its slot starts here).</summary>
    public void DropPages() => _pages.DeleteAll();

    /// <summary>Forgets every entry (a rebuild starts here).</summary>
    public void Clear()
    {
        _pages.DeleteAll();
        _counters.Delete(StateId);
    }
}
