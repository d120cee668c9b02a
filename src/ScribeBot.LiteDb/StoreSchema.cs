using LiteDB;
using ScribeBot.Core.Incidents;
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
    }

    public LiteDatabase Database { get; }

    public ILiteCollection<BsonDocument> Incidents { get; }

    public ILiteCollection<BsonDocument> Entries { get; }

    public void EnsureIndexes()
    {
        Incidents.EnsureIndex(IncidentMapping.ChannelKeyField, "$." + IncidentMapping.ChannelKeyField);
        Incidents.EnsureIndex(IncidentMapping.WorkspaceKeyField, "$." + IncidentMapping.WorkspaceKeyField);
        Entries.EnsureIndex(TimelineEntryMapping.IncidentIdField, "$." + TimelineEntryMapping.IncidentIdField);
    }

    /// <summary>The message ids stored for an incident (the writer's duplicate check loads them once per incident).</summary>
    public IEnumerable<string> LoadMessageIds(string incidentId) =>
        Entries.Find(Query.EQ(TimelineEntryMapping.IncidentIdField, incidentId)).Select(doc => doc["messageId"].AsString);

    public IEnumerable<Incident> LoadOpenIncidents() =>
        Incidents.Find(Query.Not(IncidentMapping.StatusField, nameof(IncidentStatus.Resolved)))
            .Select(IncidentMapping.FromDocument);
}
