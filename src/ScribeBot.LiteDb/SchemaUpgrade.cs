using LiteDB;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Timeline;
using ScribeBot.LiteDb.Mapping;

namespace ScribeBot.LiteDb;

/// <summary>
/// Brings a file written by an earlier version up to the current layout, once, when it is opened. Version 2 added what
/// keeps every request's cost flat as history grows: the incident ledger, each channel's latest-incident pointer, the
/// open-incident field and the pending-outbox field. Upgrading reads every incident once; a new file skips it. If the
/// process stops half way, the next open starts the upgrade again from the beginning (the ledger is rebuilt whole).
/// Version 3 put where the clocks run from (page source and service) in the ledger entry's free bytes: a version 2
/// entry has zeros there and reads as not paged, which is right for every incident no pager touched; the paged ones
/// (found by one scan, once) have their entries written again. Version 4 made the entry longer to hold the response's
/// phases, which rest on each incident's tagged timeline entries: every entry is written again, in its own slot, from its
/// incident and timeline (one read of every incident and entry, once). Version 5 made it longer again, to hold the
/// outage the incident list shows (which tagged detection and resolution messages move), by the same rewrite.
/// Upgrading from version 1 rebuilds the ledger.
/// </summary>
internal static class SchemaUpgrade
{
    public const int CurrentVersion = 5;

    private const string VersionId = "$schema";
    private const int DocumentsPerTransaction = 500;

    /// <summary>The version the file says it is at; a file from before versions were written is version 1.</summary>
    public static int StoredVersion(StoreSchema schema) => schema.Counters.FindById(VersionId)?["version"].AsInt32 ?? 1;

    public static void Apply(StoreSchema schema)
    {
        var stored = StoredVersion(schema);
        if (stored >= CurrentVersion)
        {
            return;
        }

        // A file with no incident and no post needs no upgrade: it is new.
        if (schema.Incidents.Count() > 0 || schema.Outbox.Count() > 0)
        {
            if (stored < 2)
            {
                ToVersion2(schema);
            }
            else
            {
                RewriteLedger(schema);
            }
        }

        schema.Counters.Upsert(new BsonDocument { ["_id"] = VersionId, ["version"] = CurrentVersion });
    }

    private static void ToVersion2(StoreSchema schema)
    {
        schema.Ledger.Clear();
        var incidents = schema.Incidents.FindAll()
            .OrderBy(doc => doc[IncidentMapping.DeclaredAtField].AsInt64)
            .ThenBy(doc => doc["_id"].AsString, StringComparer.Ordinal);
        InBatches(schema.Database, incidents, doc =>
        {
            var incident = IncidentMapping.FromDocument(doc);
            doc[IncidentMapping.LedgerSlotField] = schema.Ledger.Record(incident, EntriesOf(schema, incident.Id), slot: null).Slot;
            if (incident.IsOpen)
            {
                doc[IncidentMapping.OpenChannelField] = incident.Channel.Key;
            }

            schema.Incidents.Update(doc);
            schema.LatestIncidents.Point(incident.Channel.Key, incident.Id, incident.Number);
        });

        var pending = schema.Outbox.Find(Query.EQ(OutboxMapping.StateField, nameof(OutboxState.Pending)));
        InBatches(schema.Database, pending, doc =>
        {
            doc[OutboxMapping.PendingPlatformField] = OutboxMapping.PlatformOf(doc).ToString();
            schema.Outbox.Update(doc);
        });
    }

    // Versions 3 to 5 (the paged incidents' entries, the phases, the outage) are covered: every entry is written again.
    private static void RewriteLedger(StoreSchema schema)
    {
        // Pages of the shorter entries cannot hold the longer ones: they go, and each incident's entry is written into
        // a new page at its slot. The slots and names stay, so no incident document changes.
        schema.Ledger.DropPages();
        InBatches(schema.Database, schema.Incidents.FindAll(), doc =>
            schema.Ledger.Record(IncidentMapping.FromDocument(doc), EntriesOf(schema, doc["_id"].AsString), doc[IncidentMapping.LedgerSlotField].AsInt64));
    }

    private static TimelineEntry[] EntriesOf(StoreSchema schema, string incidentId) => schema.TaggedEntriesOf(incidentId);

    private static void InBatches(LiteDatabase database, IEnumerable<BsonDocument> documents, Action<BsonDocument> upgrade)
    {
        // Materialised first: updating a collection while its cursor is open is not safe in LiteDB.
        foreach (var batch in documents.ToArray().Chunk(DocumentsPerTransaction))
        {
            database.BeginTrans();
            foreach (var doc in batch)
            {
                upgrade(doc);
            }

            database.Commit();
        }
    }
}
