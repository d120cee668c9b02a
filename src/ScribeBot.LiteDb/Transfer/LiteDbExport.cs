using LiteDB;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Storage.Transfer;
using ScribeBot.LiteDb.Mapping;

namespace ScribeBot.LiteDb.Transfer;

/// <summary>
/// Reads a whole data file for a copy to another store (<c>migrate-store</c>), page by page: each page is one query
/// read to its end, so no LiteDB cursor stays open between pages (a LiteDB transaction belongs to a thread, and the
/// caller awaits between pages) and memory holds one page, however large the file. Pages follow the primary key
/// (keyset: the next page starts after the last key), which is unique under the file's collation, so no document is
/// read twice or skipped. The file is opened as the store opens it: the data-file lock keeps a running host off it
/// (and this off a running host's file), and a file written by an earlier version is upgraded first.
/// </summary>
public sealed class LiteDbExport : IDisposable
{
    private readonly DataFileLease _lease;
    private readonly DataFileLock _lock;
    private readonly LiteDatabase _database;
    private readonly StoreSchema _schema;

    private LiteDbExport(string path, DataFileLease lease, DataFileLock fileLock, LiteDatabase database, StoreSchema schema)
    {
        Path = path;
        _lease = lease;
        _lock = fileLock;
        _database = database;
        _schema = schema;
    }

    public string Path { get; }

    /// <exception cref="DataFileInUseException">A running host (or another process) holds the file.</exception>
    /// <exception cref="FileNotFoundException">There is no data file at <paramref name="path"/>; none is created.</exception>
    public static LiteDbExport Open(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"There is no data file at {fullPath}.", fullPath);
        }

        var lease = DataFileLease.Acquire(fullPath, TimeSpan.FromSeconds(30));
        DataFileLock? fileLock = null;
        LiteDatabase? database = null;
        try
        {
            fileLock = DataFileLock.Acquire(fullPath);
            database = LiteDbIncidentStore.OpenDatabase(fullPath);
            var schema = new StoreSchema(database);
            SchemaUpgrade.Apply(schema);
            return new LiteDbExport(fullPath, lease, fileLock, database, schema);
        }
        catch
        {
            database?.Dispose();
            fileLock?.Dispose();
            lease.Dispose();
            throw;
        }
    }

    /// <summary>Every incident, <paramref name="pageSize"/> at a time.</summary>
    public IEnumerable<IReadOnlyList<Incident>> Incidents(int pageSize) =>
        Pages(_schema.Incidents, pageSize, IncidentMapping.FromDocument);

    /// <summary>Every timeline entry of every incident (of no incident too), with its arrival number.</summary>
    public IEnumerable<IReadOnlyList<ArrivedEntry>> Entries(int pageSize) =>
        Pages(_schema.Entries, pageSize, doc => new ArrivedEntry(TimelineEntryMapping.FromDocument(doc), TimelineEntryMapping.SequenceOf(doc)));

    /// <summary>The delivered and abandoned posts; their order means nothing any more.</summary>
    public IEnumerable<IReadOnlyList<OutboxItem>> FinishedPosts(int pageSize) =>
        Pages(_schema.Outbox, pageSize, doc => OutboxMapping.StateOf(doc) == OutboxState.Pending ? null : OutboxMapping.FromDocument(doc));

    /// <summary>
    /// The pending posts in the order they were enqueued, which is each channel's delivery order. Few (what the last
    /// outage of a platform left), and found by the pending-platform index, so read at once.
    /// </summary>
    public IReadOnlyList<OutboxItem> PendingPosts() =>
        _schema.Outbox.Find(Query.GTE(OutboxMapping.PendingPlatformField, ""))
            .OrderBy(OutboxMapping.SequenceOf)
            .Select(OutboxMapping.FromDocument)
            .ToArray();

    /// <summary>Every adapter record, with the outbox item that owns it.</summary>
    public IEnumerable<IReadOnlyList<AdapterRecord>> AdapterRecords(int pageSize) =>
        Pages(_schema.AdapterState, pageSize, doc => new AdapterRecord(
            AdapterStateMapping.KeyOf(doc), doc[AdapterStateMapping.ValueField].AsString, AdapterStateMapping.OwnerOf(doc)));

    /// <summary>
    /// Each workspace's last incident number. The counters collection also holds the store's own bookkeeping (ids
    /// starting with <c>$</c>: schema version, arrival counter, ledger state; <c>latest:</c>: channel pointers), which
    /// another store derives from its incidents and is not copied.
    /// </summary>
    public IReadOnlyList<WorkspaceCounter> WorkspaceCounters() =>
        _schema.Counters.FindAll()
            .Where(doc => doc["_id"].IsString && doc.ContainsKey("last") && doc["last"].IsInt32)
            .Select(doc => (Id: doc["_id"].AsString, Last: doc["last"].AsInt32))
            .Where(c => !c.Id.StartsWith('$') && !c.Id.StartsWith("latest:", StringComparison.Ordinal))
            .Select(c => new WorkspaceCounter(c.Id, c.Last))
            .ToArray();

    public void Dispose()
    {
        _database.Dispose();
        _lock.Dispose();
        _lease.Dispose();
    }

    private static IEnumerable<IReadOnlyList<T>> Pages<T>(ILiteCollection<BsonDocument> collection, int pageSize, Func<BsonDocument, T?> map)
        where T : class
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        BsonValue after = BsonValue.MinValue;
        while (true)
        {
            var page = collection.Query().Where(Query.GT("_id", after)).OrderBy("_id").Limit(pageSize).ToList();
            if (page.Count == 0)
            {
                yield break;
            }

            after = page[^1]["_id"];
            var mapped = page.Select(map).OfType<T>().ToArray();
            if (mapped.Length > 0)
            {
                yield return mapped;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }
        }
    }
}
