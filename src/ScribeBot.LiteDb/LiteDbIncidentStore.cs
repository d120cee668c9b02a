using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Timeline;
using ScribeBot.LiteDb.Mapping;
using ScribeBot.LiteDb.Writing;

namespace ScribeBot.LiteDb;

/// <summary>
/// <see cref="IIncidentStore"/>, <see cref="IOutboxStore"/> and <see cref="IAdapterStateStore"/> on one LiteDB file
/// owned by this process (so a command's change and its posts share one commit). Writes go through the
/// <see cref="WriterLoop"/>, and so do reads, between transactions, against committed data; except
/// <see cref="FindOpenIncidentAsync"/> and cached <see cref="GetStateAsync"/> answers, which come from memory because
/// they run for every chat message.
/// </summary>
internal sealed partial class LiteDbIncidentStore : IIncidentStore, IOutboxStore, IAdapterStateStore, IAsyncDisposable
{
    /// <summary>Adapter state records held in memory: far more than the conversations a bot takes part in.</summary>
    private const int CachedAdapterStates = 10_000;

    /// <summary>
    /// Open incidents held in memory for the per-message lookup: hundreds of times what an organisation has open at
    /// once, so only a flood of <c>start</c> in distinct channels goes past it, and then a lookup the map misses reads
    /// the file (one indexed read on the writer thread) instead of memory growing with the flood.
    /// </summary>
    internal const int OpenIncidentsHeld = 10_000;

    private readonly StoreFile _file;
    private readonly OpenIncidentMap _openIncidents;
    private readonly AdapterStateCache _adapterState = new(CachedAdapterStates);
    private readonly WriterLoop _writer;
    private readonly ILogger<LiteDbIncidentStore> _logger;
    private readonly DataFileLease _lease;
    private readonly DataFileLock _lock;
    private int _disposed;

    public LiteDbIncidentStore(IOptions<LiteDbOptions> options, TimeProvider timeProvider, ILogger<LiteDbIncidentStore> logger)
        : this(options, timeProvider, logger, OpenDatabase)
    {
    }

    /// <param name="openDatabase">Opens the file; tests put a failing disk under LiteDB through it.</param>
    internal LiteDbIncidentStore(
        IOptions<LiteDbOptions> options, TimeProvider timeProvider, ILogger<LiteDbIncidentStore> logger, Func<string, LiteDatabase> openDatabase)
        : this(options, timeProvider, logger, openDatabase, OpenIncidentsHeld)
    {
    }

    /// <param name="openIncidentsHeld">How many open incidents memory holds; tests go past a small number.</param>
    internal LiteDbIncidentStore(
        IOptions<LiteDbOptions> options,
        TimeProvider timeProvider,
        ILogger<LiteDbIncidentStore> logger,
        Func<string, LiteDatabase> openDatabase,
        int openIncidentsHeld)
    {
        var settings = options.Value;
        _logger = logger;
        var path = Path.GetFullPath(settings.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // The lease first: a previous store of this process that is still closing the file is waited for, whereas
        // another process holding it is refused at once.
        _lease = DataFileLease.Acquire(path, TimeSpan.FromSeconds(30));
        try
        {
            _lock = DataFileLock.Acquire(path);
        }
        catch
        {
            _lease.Dispose();
            throw;
        }

        try
        {
            _file = new StoreFile(path, settings.AutoCheckpointPages, openDatabase);
        }
        catch
        {
            _lock.Dispose();
            _lease.Dispose();
            throw;
        }

        try
        {
            _openIncidents = new OpenIncidentMap(_file.Schema.LoadOpenIncidents(), openIncidentsHeld);
            _writer = new WriterLoop(
                _file,
                _openIncidents,
                _adapterState,
                settings.FlushToDisk ? new LogFileSync(path) : null,
                settings.MaxBatchSize,
                timeProvider,
                settings.WriteTimeout,
                logger);
        }
        catch
        {
            _file.Dispose();
            _lock.Dispose();
            _lease.Dispose();
            throw;
        }

        LogOpened(path, settings.FlushToDisk);
    }

    internal int OpenIncidentsInMemory => _openIncidents.Count;

    internal bool OpenIncidentMapIsComplete => _openIncidents.IsComplete;

    public Task<Incident?> FindOpenIncidentAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        if (_openIncidents.TryFind(channel, out var held))
        {
            return Task.FromResult(held);
        }

        // More incidents are open than the map holds: the file answers, on the writer thread, in order with the
        // commits that change the map, so what it puts in the map cannot undo a later close.
        return ReadAsync(() =>
        {
            var open = _file.Schema.FindOpenIncident(channel.Key);
            if (open is not null)
            {
                _openIncidents.Remember(open);
            }

            return open;
        }, cancellationToken);
    }

    public Task<Incident?> FindLatestIncidentAsync(ChannelRef channel, CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            var latest = _file.Schema.Incidents.Find(Query.EQ(IncidentMapping.ChannelKeyField, channel.Key))
                .MaxBy(doc => doc["number"].AsInt32);
            return latest is null ? null : IncidentMapping.FromDocument(latest);
        }, cancellationToken);

    public Task<Incident?> GetIncidentAsync(string incidentId, CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            var doc = _file.Schema.Incidents.FindById(incidentId);
            return doc is null ? null : IncidentMapping.FromDocument(doc);
        }, cancellationToken);

    public Task<OpenIncidentResult> OpenIncidentAsync(
        ChannelRef channel, Func<int, IncidentWithEntries> create, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(
            session =>
            {
                if (session.FindOpenIncident(channel) is { } open)
                {
                    return new OpenIncidentResult(open, Opened: false);
                }

                var number = session.LastIncidentNumber(channel.WorkspaceKey) + 1;
                var created = create(number);
                var incident = created.Incident;
                session.SetLastIncidentNumber(channel.WorkspaceKey, number);
                session.SaveIncident(incident);
                foreach (var entry in created.Entries)
                {
                    session.Append(entry);
                }

                session.Enqueue(created.Outbox);

                return new OpenIncidentResult(incident, Opened: true);
            },
            cancellationToken);

    public Task SaveIncidentAsync(
        Incident incident, IReadOnlyList<TimelineEntry> newEntries, IReadOnlyList<OutboxItem> outbox, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(
            session =>
            {
                session.SaveIncident(incident);
                foreach (var entry in newEntries)
                {
                    session.Append(entry);
                }

                session.Enqueue(outbox);

                return true;
            },
            cancellationToken);

    public Task<AppendResult> AppendEntryAsync(TimelineEntry entry, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(session => session.Append(entry), cancellationToken);

    public Task<TimelineEntry?> UpdateEntryAsync(
        string incidentId, string messageId, Func<TimelineEntry, TimelineEntry> change, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(
            session =>
            {
                if (session.FindEntry(incidentId, messageId) is not { } stored)
                {
                    return null;
                }

                var current = TimelineEntryMapping.FromDocument(stored);
                var changed = change(current);
                if (!ReferenceEquals(changed, current))
                {
                    session.ReplaceEntry(stored, changed);
                }

                return changed;
            },
            cancellationToken);

    public Task<TimelineEntry?> GetEntryAsync(string incidentId, string messageId, CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            var doc = _file.Schema.Entries.FindById(TimelineEntryMapping.KeyOf(incidentId, messageId));
            return doc is null ? null : TimelineEntryMapping.FromDocument(doc);
        }, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string incidentId, CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            IReadOnlyList<TimelineEntry> timeline = _file.Schema.EntriesOf(incidentId)
                .OrderBy(doc => doc[TimelineEntryMapping.AtField].AsInt64)
                .ThenBy(TimelineEntryMapping.SequenceOf)
                .Select(TimelineEntryMapping.FromDocument)
                .ToArray();
            return timeline;
        }, cancellationToken);

    public Task<IReadOnlyList<Incident>> ListIncidentsAsync(
        string workspaceKey, DateTimeOffset declaredSince, CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            IReadOnlyList<Incident> incidents = _file.Schema.Incidents
                .Find(Query.And(
                    Query.EQ(IncidentMapping.WorkspaceKeyField, workspaceKey),
                    Query.GTE(IncidentMapping.DeclaredAtField, declaredSince.UtcTicks)))
                .Select(IncidentMapping.FromDocument)
                .OrderByDescending(i => i.Declared.At)
                .ThenByDescending(i => i.Number)
                .ToArray();
            return incidents;
        }, cancellationToken);

    // A scan: incidents number in the thousands at most, and the dashboard asks for one page at a time.
    public Task<IncidentPage> QueryIncidentsAsync(IncidentQuery query, CancellationToken cancellationToken) =>
        ReadAsync(() => query.PageOf(_file.Schema.Incidents.FindAll().Select(IncidentMapping.FromDocument)), cancellationToken);

    public Task EnqueueAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(
            session =>
            {
                session.Enqueue(items);
                return true;
            },
            cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> GetDueAsync(
        DateTimeOffset now, int max, IReadOnlyCollection<ChatPlatform> platforms, CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            IReadOnlyList<OutboxItem> due = _file.Schema.OutboxHeads(platforms)
                .Where(doc => OutboxMapping.NextAttemptOf(doc) <= now)
                .Take(max)
                .Select(OutboxMapping.FromDocument)
                .ToArray();
            return due;
        }, cancellationToken);

    public Task<DateTimeOffset?> NextDueAtAsync(IReadOnlyCollection<ChatPlatform> platforms, CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            var heads = _file.Schema.OutboxHeads(platforms).Select(OutboxMapping.NextAttemptOf).ToArray();
            return heads.Length == 0 ? (DateTimeOffset?)null : heads.Min();
        }, cancellationToken);

    public Task<IReadOnlyDictionary<ChatPlatform, int>> CountPendingAsync(CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            IReadOnlyDictionary<ChatPlatform, int> counts = _file.Schema.Outbox
                .Find(Query.EQ(OutboxMapping.StateField, nameof(OutboxState.Pending)))
                .GroupBy(OutboxMapping.PlatformOf)
                .ToDictionary(g => g.Key, g => g.Count());
            return counts;
        }, cancellationToken);

    public Task MarkDeliveredAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateOutboxAsync(id, i => i.Delivered(at), cancellationToken);

    public Task RescheduleAsync(string id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        UpdateOutboxAsync(id, i => i.AttemptFailed(nextAttemptAt, error), cancellationToken);

    public Task AbandonAsync(string id, string error, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateOutboxAsync(id, i => i.Abandoned(error, at), cancellationToken);

    public Task<OutboxItem?> GetAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            var doc = _file.Schema.Outbox.FindById(id);
            return doc is null ? null : OutboxMapping.FromDocument(doc);
        }, cancellationToken);

    public Task<string?> GetStateAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_adapterState.TryGet(key, out var cached))
        {
            return Task.FromResult(cached);
        }

        // The cache is filled here, on the writer thread, in order with the commits that update it.
        return ReadAsync(() =>
        {
            var value = _file.Schema.FindAdapterState(key);
            _adapterState.Set(key, value);
            return value;
        }, cancellationToken);
    }

    public Task SetStateAsync(string key, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return _writer.EnqueueAsync(
            session =>
            {
                session.SetAdapterState(key, value);
                return true;
            },
            cancellationToken);
    }

    // Reads run on the writer thread too, between transactions: LiteDB 5.0.21 can fail a read that runs beside a
    // write on another thread ("page type must be index page", seen while a new host read its outbox as the writer
    // worked). Reads are rare here - the per-message lookup is the in-memory open-incident map - so serialising them
    // costs little, and they see committed data only.
    private Task<T> ReadAsync<T>(Func<T> read, CancellationToken cancellationToken) =>
        _writer.EnqueueMaintenanceAsync(_ => read(), cancellationToken);

    /// <summary>Folds the write-ahead log into the data file, on the writer thread between transactions.</summary>
    public Task CheckpointAsync(CancellationToken cancellationToken) =>
        _writer.EnqueueMaintenanceAsync(
            _ =>
            {
                _file.Database.Checkpoint();

                // After a flood of incidents, once enough of them closed, memory answers every lookup again.
                if (!_openIncidents.IsComplete)
                {
                    _openIncidents.Reload(_file.Schema.LoadOpenIncidents());
                }

                return true;
            },
            cancellationToken);

    /// <summary>Drains the writer queue, then closes the file (LiteDB checkpoints on close).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            _file.Dispose();
        }
        finally
        {
            _lock.Dispose();
            _lease.Dispose();
        }

        LogClosed();
    }

    internal static LiteDatabase OpenDatabase(string path) =>
        new(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });

    private Task<bool> UpdateOutboxAsync(string id, Func<OutboxItem, OutboxItem> change, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(
            session =>
            {
                session.UpdateOutbox(id, change);
                return true;
            },
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened incident store {Path} (fsync on commit: {FlushToDisk})")]
    private partial void LogOpened(string path, bool flushToDisk);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed incident store")]
    private partial void LogClosed();
}
