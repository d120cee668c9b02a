using LiteDB;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Timeline;
using ScribeBot.LiteDb.Ledger;
using ScribeBot.LiteDb.Mapping;

namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// What an operation sees inside one transaction of the writer loop: the collections (reads here see the batch's own
/// uncommitted writes) and the open-incident map with this transaction's changes laid over it. The changes reach
/// the shared map (and adapter state the shared cache) only after the commit, so readers never see an incident or a
/// value that might still be rolled back.
/// </summary>
internal sealed class WriteSession
{
    private const string ArrivalCounterId = "$arrival";

    private readonly StoreSchema _schema;
    private readonly OpenIncidentMap _openIncidents;
    private readonly Dictionary<string, Incident?> _openChanges = new(StringComparer.Ordinal);
    private readonly AdapterStateCache _adapterState;
    private readonly Dictionary<string, string?> _stateChanges = new(StringComparer.Ordinal);
    private readonly SessionLedger _ledgerWrites;
    private readonly KnownEntryKeys _knownKeys;
    private readonly bool _verifyInFile;
    private long _lastSequence;
    private bool _sequenceAdvanced;

    /// <param name="verifyInFile">
    /// Look every appended key up in the file instead of trusting <paramref name="knownKeys"/>: used when an operation
    /// is retried alone, which is also how a key LiteDB's collation finds equal to a known one ends up a duplicate.
    /// </param>
    public WriteSession(
        StoreSchema schema,
        OpenIncidentMap openIncidents,
        AdapterStateCache adapterState,
        LedgerMemory ledger,
        long lastSequence,
        KnownEntryKeys knownKeys,
        bool verifyInFile)
    {
        _adapterState = adapterState;
        _knownKeys = knownKeys;
        _verifyInFile = verifyInFile;
        _schema = schema;
        _openIncidents = openIncidents;
        _lastSequence = lastSequence;
        _ledgerWrites = new SessionLedger(schema, ledger);
    }

    /// <summary>Writes made by the operation being applied; a failure after one means the transaction is spoilt.</summary>
    public int WritesInOperation { get; private set; }

    public long LastSequence => _lastSequence;

    public void BeginOperation() => WritesInOperation = 0;

    /// <summary>The operation's writes are done: the ledger entries of the incidents it changed are written again.</summary>
    public void EndOperation() => WritesInOperation += _ledgerWrites.Flush();

    public Incident? FindOpenIncident(ChannelRef channel) =>
        _openChanges.TryGetValue(channel.Key, out var changed) ? changed
        : _openIncidents.TryFind(channel, out var held) ? held
        : _schema.FindOpenIncident(channel.Key);

    public int LastIncidentNumber(string workspaceKey) =>
        _schema.Counters.FindById(workspaceKey)?["last"].AsInt32 ?? 0;

    public void SetLastIncidentNumber(string workspaceKey, int number)
    {
        WritesInOperation++;
        _schema.Counters.Upsert(new BsonDocument { ["_id"] = workspaceKey, ["last"] = number });
    }

    /// <summary>Stores the incident, and points its channel at it when it is new; its ledger entry follows at <see cref="EndOperation"/>.</summary>
    public void SaveIncident(Incident incident)
    {
        var stored = _schema.Incidents.FindById(incident.Id);
        WritesInOperation++;
        var doc = IncidentMapping.ToDocument(incident);
        doc[IncidentMapping.LedgerSlotField] = stored?[IncidentMapping.LedgerSlotField].AsInt64 ?? _ledgerWrites.Reserve();
        _ledgerWrites.Saved(incident);
        _schema.Incidents.Upsert(doc);
        if (stored is null)
        {
            _schema.LatestIncidents.Point(incident.Channel.Key, incident.Id, incident.Number);
        }

        var key = incident.Channel.Key;
        if (incident.IsOpen)
        {
            _openChanges[key] = incident;
        }
        else if (FindOpenIncident(incident.Channel)?.Id == incident.Id)
        {
            _openChanges[key] = null;
        }
    }

    public AppendResult Append(TimelineEntry entry)
    {
        var known = _verifyInFile
            ? _schema.Entries.FindById(TimelineEntryMapping.KeyOf(entry.IncidentId, entry.MessageId)) is not null
            : _knownKeys.Contains(entry.IncidentId, entry.MessageId, _schema.LoadMessageIds);
        if (known)
        {
            return AppendResult.Duplicate;
        }

        WritesInOperation++;
        _sequenceAdvanced = true;
        _schema.Entries.Insert(TimelineEntryMapping.ToDocument(entry, ++_lastSequence));
        _knownKeys.Added(entry.IncidentId, entry.MessageId);
        _ledgerWrites.EntryChanged(null, entry);
        return AppendResult.Added;
    }

    public BsonDocument? FindEntry(string incidentId, string messageId) =>
        _schema.Entries.FindById(TimelineEntryMapping.KeyOf(incidentId, messageId));

    /// <summary>Replaces an entry's content (<paramref name="current"/>, read from <paramref name="stored"/>) under its original key, keeping its arrival position.</summary>
    public void ReplaceEntry(BsonDocument stored, TimelineEntry current, TimelineEntry changed)
    {
        var doc = TimelineEntryMapping.ToDocument(changed, TimelineEntryMapping.SequenceOf(stored));
        doc["_id"] = stored["_id"];
        doc[TimelineEntryMapping.IncidentIdField] = stored[TimelineEntryMapping.IncidentIdField];
        doc["messageId"] = stored["messageId"];
        WritesInOperation++;
        _schema.Entries.Update(doc);
        _ledgerWrites.EntryChanged(current, changed);
    }

    /// <summary>Inserts outbox items unless their id is stored (a redelivered command); each takes the next arrival number.</summary>
    public void Enqueue(IReadOnlyList<OutboxItem> items)
    {
        foreach (var item in items)
        {
            if (_schema.Outbox.FindById(item.Id) is not null)
            {
                continue;
            }

            WritesInOperation++;
            _sequenceAdvanced = true;
            _schema.Outbox.Insert(OutboxMapping.ToDocument(item, ++_lastSequence));
        }
    }

    /// <summary>Applies <paramref name="change"/> to a stored outbox item, keeping its place in its channel's queue.</summary>
    public void UpdateOutbox(string id, Func<OutboxItem, OutboxItem> change)
    {
        if (_schema.Outbox.FindById(id) is not { } stored)
        {
            return;
        }

        WritesInOperation++;
        _schema.Outbox.Update(OutboxMapping.ToDocument(change(OutboxMapping.FromDocument(stored)), OutboxMapping.SequenceOf(stored)));
    }

    /// <summary>
    /// Stores <paramref name="value"/> for <paramref name="key"/>, replacing the key's previous value and owner;
    /// <paramref name="owner"/> is the outbox item the record belongs to, if any.
    /// </summary>
    public void SetAdapterState(string key, string value, string? owner)
    {
        // The id is a hash: never let one key overwrite another's record, however unlikely the collision.
        if (_schema.AdapterState.FindById(AdapterStateMapping.IdOf(key)) is { } stored && AdapterStateMapping.KeyOf(stored) != key)
        {
            throw new InvalidOperationException("Two adapter state keys have the same id; the stored one is kept.");
        }

        WritesInOperation++;
        _schema.AdapterState.Upsert(AdapterStateMapping.ToDocument(key, value, owner));
        _stateChanges[key] = value;
    }

    /// <summary>
    /// Removes at most <paramref name="max"/> posts delivered before <paramref name="deliveredBefore"/> or abandoned
    /// before <paramref name="abandonedBefore"/>, found by their indexes, with the adapter records they own.
    /// </summary>
    public RemovedPosts RemoveFinishedPosts(DateTimeOffset deliveredBefore, DateTimeOffset abandonedBefore, int max)
    {
        // Read whole before anything is deleted: changing a collection under an open cursor is not safe in LiteDB.
        var delivered = _schema.Outbox.Find(StoreSchema.DeliveredBeforeQuery(deliveredBefore), limit: max)
            .Where(doc => OutboxMapping.StateOf(doc) == OutboxState.Delivered)
            .ToArray();
        var abandoned = delivered.Length < max
            ? _schema.Outbox.Find(StoreSchema.AbandonedBeforeQuery(abandonedBefore), limit: max - delivered.Length)
                .Where(doc => OutboxMapping.StateOf(doc) == OutboxState.Abandoned)
                .ToArray()
            : [];
        var states = RemovePosts(delivered) + RemovePosts(abandoned);
        return new RemovedPosts(delivered.Length, abandoned.Length, states);
    }

    /// <summary>
    /// Removes the incident when it is resolved and was declared before <paramref name="declaredBefore"/>, with its
    /// entries, its posts and the records they own, and its ledger slot; repoints its channel's latest-incident pointer
    /// when it pointed at it. The workspace's counter stays, so the number is never given again. Null when it was not
    /// removed (unknown, open, or declared later).
    /// </summary>
    public PurgeTally? Purge(string incidentId, DateTimeOffset declaredBefore)
    {
        if (_schema.Incidents.FindById(incidentId) is not { } doc || doc["_id"].AsString != incidentId)
        {
            return null;
        }

        var incident = IncidentMapping.FromDocument(doc);
        if (incident.IsOpen || incident.Declared.At >= declaredBefore)
        {
            return null;
        }

        var entries = _schema.EntriesOf(incidentId).Select(entry => entry["_id"]).ToArray();
        foreach (var id in entries)
        {
            WritesInOperation++;
            _schema.Entries.Delete(id);
        }

        var posts = _schema.PostsOf(incidentId).ToArray();
        RemovePosts(posts);
        if (doc.TryGetValue(IncidentMapping.LedgerSlotField, out var slot))
        {
            WritesInOperation++;
            _ledgerWrites.Erase(slot.AsInt64);
        }

        WritesInOperation++;
        _schema.Incidents.Delete(incidentId);
        var channelKey = incident.Channel.Key;
        if (_schema.LatestIncidents.Find(channelKey) == incidentId)
        {
            WritesInOperation++;
            _schema.LatestIncidents.Repoint(channelKey, LatestIn(channelKey));
        }

        _knownKeys.Forget(incidentId);
        return new PurgeTally(1, entries.Length, posts.Length);
    }

    /// <summary>Deletes the posts and the adapter records they own; returns how many records went.</summary>
    private int RemovePosts(IReadOnlyList<BsonDocument> posts)
    {
        var states = 0;
        foreach (var post in posts)
        {
            var id = OutboxMapping.IdOf(post);
            foreach (var state in _schema.StatesOwnedBy(id).ToArray())
            {
                WritesInOperation++;
                _schema.AdapterState.Delete(state["_id"]);
                _stateChanges[AdapterStateMapping.KeyOf(state)] = null;
                states++;
            }

            WritesInOperation++;
            _schema.Outbox.Delete(post["_id"]);
        }

        return states;
    }

    /// <summary>The channel's latest incident still stored (by number), read by the channel index: a purge's rare path.</summary>
    private (string Id, int Number)? LatestIn(string channelKey)
    {
        var latest = _schema.Incidents.Find(Query.EQ(IncidentMapping.ChannelKeyField, channelKey))
            .Where(doc => doc[IncidentMapping.ChannelKeyField].AsString == channelKey)
            .Select(IncidentMapping.FromDocument)
            .MaxBy(incident => incident.Number);
        return latest is null ? null : (latest.Id, latest.Number);
    }

    /// <summary>Stores the arrival counter with the entries that used it, so it never goes back after a restart.</summary>
    public void SaveSequence()
    {
        if (_sequenceAdvanced)
        {
            _schema.Counters.Upsert(new BsonDocument { ["_id"] = ArrivalCounterId, ["last"] = _lastSequence });
        }
    }

    /// <summary>Called after the commit.</summary>
    public void Publish()
    {
        _openIncidents.Apply(_openChanges);
        _adapterState.Apply(_stateChanges);
        _ledgerWrites.Publish();
    }

    public static long LoadLastSequence(LiteDatabase database) =>
        database.GetCollection(StoreSchema.CounterCollection).FindById(ArrivalCounterId)?["last"].AsInt64 ?? 0;
}
