using LiteDB;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.LiteDb.Mapping;

namespace ScribeBot.LiteDb;

/// <summary>The collections and their indexes, created once when the file is opened.</summary>
internal sealed class StoreSchema
{
    public StoreSchema(LiteDatabase database)
    {
        Database = database;
        Incidents = database.GetCollection(IncidentMapping.Collection);
        Entries = database.GetCollection(TimelineEntryMapping.Collection);
        Outbox = database.GetCollection(OutboxMapping.Collection);
        AdapterState = database.GetCollection(AdapterStateMapping.Collection);
    }

    public LiteDatabase Database { get; }

    public ILiteCollection<BsonDocument> Incidents { get; }

    public ILiteCollection<BsonDocument> Entries { get; }

    public ILiteCollection<BsonDocument> Outbox { get; }

    public ILiteCollection<BsonDocument> AdapterState { get; }

    public void EnsureIndexes()
    {
        Incidents.EnsureIndex(IncidentMapping.ChannelKeyField, "$." + IncidentMapping.ChannelKeyField);
        Incidents.EnsureIndex(IncidentMapping.WorkspaceKeyField, "$." + IncidentMapping.WorkspaceKeyField);
        // No index on entries.incidentId: an entry's key starts with its incident id, so the primary key already
        // finds an incident's entries (EntriesOf), and a second index cost ~40% of every insert on the writer thread.
        // Files written before this change had one; it is dropped once.
        Entries.DropIndex(TimelineEntryMapping.IncidentIdField);
        // Delivered items stay (an audit trail); the dispatcher reads only the pending ones.
        Outbox.EnsureIndex(OutboxMapping.StateField, "$." + OutboxMapping.StateField);
    }

    /// <summary>The oldest pending item of each channel on <paramref name="platforms"/>, oldest first, as documents.</summary>
    public IEnumerable<BsonDocument> OutboxHeads(IReadOnlyCollection<ChatPlatform> platforms) =>
        Outbox.Find(Query.EQ(OutboxMapping.StateField, nameof(OutboxState.Pending)))
            .Where(doc => platforms.Contains(OutboxMapping.PlatformOf(doc)))
            .OrderBy(OutboxMapping.SequenceOf)
            .DistinctBy(doc => doc[OutboxMapping.ChannelKeyField].AsString);

    /// <summary>An incident's entries, by a range of the primary key (<c>{incidentId}/...</c>), in key order.</summary>
    public IEnumerable<BsonDocument> EntriesOf(string incidentId) =>
        Entries.Find(Query.StartsWith("_id", TimelineEntryMapping.KeyOf(incidentId, "")))
            // An id that itself contains '/' shares the prefix ("a/b" under "a/"): keep only this incident's.
            .Where(doc => doc[TimelineEntryMapping.IncidentIdField].AsString == incidentId);

    /// <summary>The message ids stored for an incident (the writer's duplicate check loads them once per incident).</summary>
    public IEnumerable<string> LoadMessageIds(string incidentId) =>
        EntriesOf(incidentId).Select(doc => doc["messageId"].AsString);

    /// <summary>The value stored for <paramref name="key"/>, checked against the key itself (the id is its hash).</summary>
    public string? FindAdapterState(string key) =>
        AdapterStateMapping.ValueOf(AdapterState.FindById(AdapterStateMapping.IdOf(key)), key);

    public IEnumerable<Incident> LoadOpenIncidents() =>
        Incidents.Find(Query.Not(IncidentMapping.StatusField, nameof(IncidentStatus.Resolved)))
            .Select(IncidentMapping.FromDocument);

    /// <summary>The channel's open incident, by the channel index, for when the open-incident map does not hold it.</summary>
    public Incident? FindOpenIncident(string channelKey) =>
        Incidents.Find(Query.And(
                Query.EQ(IncidentMapping.ChannelKeyField, channelKey),
                Query.Not(IncidentMapping.StatusField, nameof(IncidentStatus.Resolved))))
            .Select(IncidentMapping.FromDocument)
            .FirstOrDefault();
}
