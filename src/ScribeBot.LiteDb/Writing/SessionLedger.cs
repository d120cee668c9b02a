using ScribeBot.Core.Incidents;
using ScribeBot.Core.Timeline;
using ScribeBot.LiteDb.Ledger;
using ScribeBot.LiteDb.Mapping;

namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// A transaction's ledger writes. An incident's entry holds its phases, which rest on the incident and its tagged
/// timeline entries (<see cref="Core.Metrics.PhaseDurations"/>), so it is written again when either changes: the
/// session marks the incident (<see cref="Saved"/>, <see cref="EntryChanged"/>) and writes each marked one once, with
/// its entries as the transaction sees them, when the operation ends (<see cref="Flush"/>). An untagged chat message,
/// the bulk of what is written, changes no phase and costs nothing here.
/// </summary>
internal sealed class SessionLedger(StoreSchema schema, LedgerMemory memory)
{
    private readonly Dictionary<long, LedgerEntry> _changes = [];
    // The incidents to write again, with the incident itself when the operation saved it (else it is read).
    private readonly Dictionary<string, Incident?> _stale = new(StringComparer.Ordinal);
    private LedgerNames? _names;

    /// <summary>The slot for a new incident's document; its entry is written when the operation ends.</summary>
    public long Reserve() => schema.Ledger.Reserve();

    public void Saved(Incident incident) => _stale[incident.Id] = incident;

    /// <summary>An entry of the incident was added or changed: when it is or was tagged, the phases may have moved.</summary>
    public void EntryChanged(TimelineEntry? before, TimelineEntry after)
    {
        if (after.Marks.Count > 0 || before?.Marks.Count > 0)
        {
            _stale.TryAdd(after.IncidentId, null);
        }
    }

    /// <summary>Writes the entry of every incident marked since the last flush; returns how many were written.</summary>
    public int Flush()
    {
        var written = 0;
        foreach (var (id, saved) in _stale)
        {
            // An entry whose incident is not stored (or was purged in this transaction) has no ledger entry to update.
            if (schema.Incidents.FindById(id) is not { } doc || doc["_id"].AsString != id
                || !doc.TryGetValue(IncidentMapping.LedgerSlotField, out var slot))
            {
                continue;
            }

            var incident = saved ?? IncidentMapping.FromDocument(doc);
            var entries = schema.TaggedEntriesOf(id);
            var write = schema.Ledger.Record(incident, entries, slot.AsInt64);
            _changes[write.Slot] = write.Entry;
            _names = write.Names ?? _names;
            written++;
        }

        _stale.Clear();
        return written;
    }

    /// <summary>Empties the slot of a purged incident.</summary>
    public void Erase(long slot) => _changes[slot] = schema.Ledger.Erase(slot);

    /// <summary>After the commit: the in-memory ledger takes this transaction's entries.</summary>
    public void Publish() => memory.Apply(_changes, _names);
}
