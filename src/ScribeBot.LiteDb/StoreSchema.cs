using LiteDB;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Timeline;
using ScribeBot.LiteDb.Ledger;
using ScribeBot.LiteDb.Mapping;

namespace ScribeBot.LiteDb;

/// <summary>The collections and their indexes, created once when the file is opened.</summary>
internal sealed class StoreSchema
{
    public const string CounterCollection = "counters";

    public StoreSchema(LiteDatabase database)
    {
        Database = database;
        Incidents = database.GetCollection(IncidentMapping.Collection);
        Entries = database.GetCollection(TimelineEntryMapping.Collection);
        Outbox = database.GetCollection(OutboxMapping.Collection);
        AdapterState = database.GetCollection(AdapterStateMapping.Collection);
        Counters = database.GetCollection(CounterCollection);
        Ledger = new IncidentLedger(database);
        LatestIncidents = new LatestIncidentPointers(Counters);
    }

    public LiteDatabase Database { get; }

    public ILiteCollection<BsonDocument> Incidents { get; }

    public ILiteCollection<BsonDocument> Entries { get; }

    public ILiteCollection<BsonDocument> Outbox { get; }

    public ILiteCollection<BsonDocument> AdapterState { get; }

    public ILiteCollection<BsonDocument> Counters { get; }

    public IncidentLedger Ledger { get; }

    public LatestIncidentPointers LatestIncidents { get; }

    public void EnsureIndexes()
    {
        Incidents.EnsureIndex(IncidentMapping.ChannelKeyField, "$." + IncidentMapping.ChannelKeyField);
        Incidents.EnsureIndex(IncidentMapping.WorkspaceKeyField, "$." + IncidentMapping.WorkspaceKeyField);
        // No index on entries.incidentId: an entry's key starts with its incident id, so the primary key already
        // finds an incident's entries (EntriesOf), and a second index cost ~40% of every insert on the writer thread.
        // Files written before this change had one; it is dropped once.
        Entries.DropIndex(TimelineEntryMapping.IncidentIdField);
        // Open incidents are few and history is long: the open ones are found by an index holding only them.
        Incidents.EnsureIndex(IncidentMapping.OpenChannelField, "$." + IncidentMapping.OpenChannelField);
        // Finished items stay until retention removes them (weeks later); the dispatcher reads only the pending ones of
        // the platforms it serves, so posts waiting for a platform that is not configured cost nothing.
        Outbox.EnsureIndex(OutboxMapping.PendingPlatformField, "$." + OutboxMapping.PendingPlatformField);
        Outbox.DropIndex(OutboxMapping.StateField);
        // Retention removes finished posts by the time they finished, and a purge an incident's posts, each a range of
        // an index instead of a read of the whole outbox (a pending item is under null in the first two).
        Outbox.EnsureIndex(OutboxMapping.DeliveredAtField, "$." + OutboxMapping.DeliveredAtField);
        Outbox.EnsureIndex(OutboxMapping.AbandonedAtField, "$." + OutboxMapping.AbandonedAtField);
        Outbox.EnsureIndex(OutboxMapping.IncidentIdField, "$." + OutboxMapping.IncidentIdField);
        // ... and the adapter records an outbox item owns, with it.
        AdapterState.EnsureIndex(AdapterStateMapping.OwnerField, "$." + AdapterStateMapping.OwnerField);
        // The stats count follow-up issues by when they were created: one multi-key index per task list holds every
        // link's creation instant, so "created since" reads the few incidents that have such links. LiteDB builds them
        // from the documents already in a file the first time it is opened, so older files need no upgrade step.
        foreach (var tasks in FollowupTaskLists)
        {
            Incidents.EnsureIndex(FollowupIndexName(tasks), FollowupCreatedPath(tasks));
        }
    }

    /// <summary>The incident's task lists that hold follow-up links: its tasks, and the removed tasks that kept their issue.</summary>
    public static readonly IReadOnlyList<string> FollowupTaskLists = [IncidentMapping.TasksField, IncidentMapping.RemovedTasksField];

    public static string FollowupIndexName(string tasks) => tasks + "FollowupCreated";

    private static string FollowupCreatedPath(string tasks) => $"$.{tasks}[*].{TaskMapping.FollowupField}.{TaskMapping.CreatedAtField}";

    /// <summary>Incidents with a link in <paramref name="tasks"/> created at or after <paramref name="since"/>, by the multi-key index.</summary>
    public static BsonExpression FollowupsCreatedSinceQuery(string tasks, DateTimeOffset since) =>
        BsonExpression.Create(FollowupCreatedPath(tasks) + " ANY >= @0", new BsonValue(since.UtcTicks));

    /// <summary>The incidents, as documents, that have a follow-up link created at or after <paramref name="since"/>.</summary>
    public IEnumerable<BsonDocument> IncidentsWithFollowupsSince(DateTimeOffset since) =>
        FollowupTaskLists
            .SelectMany(tasks => Incidents.Find(FollowupsCreatedSinceQuery(tasks, since)))
            .DistinctBy(doc => doc["_id"].AsString, StringComparer.Ordinal);

    /// <summary>The pending items of <paramref name="platform"/>, as documents, in no particular order.</summary>
    public IEnumerable<BsonDocument> PendingOutbox(ChatPlatform platform) => Outbox.Find(PendingOutboxQuery(platform));

    /// <summary>The queries behind the reads that run on every request; tests check each is answered by an index.</summary>
    public static BsonExpression PendingOutboxQuery(ChatPlatform platform) =>
        Query.EQ(OutboxMapping.PendingPlatformField, platform.ToString());

    /// <summary>Posts delivered before <paramref name="before"/>; a pending post (no delivery instant) is outside the range.</summary>
    public static BsonExpression DeliveredBeforeQuery(DateTimeOffset before) =>
        Query.Between(OutboxMapping.DeliveredAtField, 0L, before.UtcTicks - 1);

    /// <summary>Posts abandoned before <paramref name="before"/>.</summary>
    public static BsonExpression AbandonedBeforeQuery(DateTimeOffset before) =>
        Query.Between(OutboxMapping.AbandonedAtField, 0L, before.UtcTicks - 1);

    public static BsonExpression PostsOfIncidentQuery(string incidentId) => Query.EQ(OutboxMapping.IncidentIdField, incidentId);

    public static BsonExpression StateOwnedByQuery(string outboxItemId) => Query.EQ(AdapterStateMapping.OwnerField, outboxItemId);

    public static BsonExpression OpenIncidentQuery(string channelKey) => Query.EQ(IncidentMapping.OpenChannelField, channelKey);

    public static BsonExpression AllOpenIncidentsQuery() => Query.GTE(IncidentMapping.OpenChannelField, "");

    /// <summary>The oldest pending item of each channel on <paramref name="platforms"/>, oldest first, as documents.</summary>
    public IEnumerable<BsonDocument> OutboxHeads(IReadOnlyCollection<ChatPlatform> platforms) =>
        platforms.Distinct().SelectMany(PendingOutbox)
            .OrderBy(OutboxMapping.SequenceOf)
            .DistinctBy(doc => doc[OutboxMapping.ChannelKeyField].AsString);

    /// <summary>An incident's entries, by a range of the primary key (<c>{incidentId}/...</c>), in key order.</summary>
    public IEnumerable<BsonDocument> EntriesOf(string incidentId) =>
        Entries.Find(Query.StartsWith("_id", TimelineEntryMapping.KeyOf(incidentId, "")))
            // An id that itself contains '/' shares the prefix ("a/b" under "a/"): keep only this incident's.
            .Where(doc => doc[TimelineEntryMapping.IncidentIdField].AsString == incidentId);

    /// <summary>
    /// An incident's tagged entries, all its phases rest on (<see cref="Core.Metrics.PhaseDurations"/>); the untagged
    /// bulk of a timeline is skipped unmapped, which is most of the work of writing a ledger entry.
    /// </summary>
    public TimelineEntry[] TaggedEntriesOf(string incidentId) =>
        [.. EntriesOf(incidentId).Where(TimelineEntryMapping.IsTagged).Select(TimelineEntryMapping.FromDocument)];

    /// <summary>The posts about an incident, as documents.</summary>
    public IEnumerable<BsonDocument> PostsOf(string incidentId) =>
        Outbox.Find(PostsOfIncidentQuery(incidentId))
            // The file's collation ignores case; ids may differ by case alone.
            .Where(doc => BsonFields.GetOptionalString(doc, OutboxMapping.IncidentIdField) == incidentId);

    /// <summary>The adapter records <paramref name="outboxItemId"/> owns, as documents.</summary>
    public IEnumerable<BsonDocument> StatesOwnedBy(string outboxItemId) =>
        AdapterState.Find(StateOwnedByQuery(outboxItemId))
            .Where(doc => AdapterStateMapping.OwnerOf(doc) == outboxItemId);

    /// <summary>The message ids stored for an incident (the writer's duplicate check loads them once per incident).</summary>
    public IEnumerable<string> LoadMessageIds(string incidentId) =>
        EntriesOf(incidentId).Select(doc => doc["messageId"].AsString);

    /// <summary>The value stored for <paramref name="key"/>, checked against the key itself (the id is its hash).</summary>
    public string? FindAdapterState(string key) =>
        AdapterStateMapping.ValueOf(AdapterState.FindById(AdapterStateMapping.IdOf(key)), key);

    public IEnumerable<Incident> LoadOpenIncidents() =>
        Incidents.Find(AllOpenIncidentsQuery())
            .Select(IncidentMapping.FromDocument);

    /// <summary>The channel's open incident, by the open-incident index, for when the open-incident map does not hold it.</summary>
    public Incident? FindOpenIncident(string channelKey) =>
        Incidents.Find(OpenIncidentQuery(channelKey))
            // The file's collation ignores case; Teams conversation ids differ by case alone.
            .Where(doc => doc[IncidentMapping.ChannelKeyField].AsString == channelKey)
            .Select(IncidentMapping.FromDocument)
            .FirstOrDefault();

    /// <summary>The channel's most recently declared incident, open or resolved, by its pointer.</summary>
    public Incident? FindLatestIncident(string channelKey) =>
        LatestIncidents.Find(channelKey) is { } id && Incidents.FindById(id) is { } doc
            ? IncidentMapping.FromDocument(doc)
            : null;
}
