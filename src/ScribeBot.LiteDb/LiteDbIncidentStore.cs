using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Storage;
using ScribeBot.LiteDb.Ledger;
using ScribeBot.LiteDb.Writing;

namespace ScribeBot.LiteDb;

/// <summary>
/// <see cref="IIncidentStore"/>, <see cref="IOutboxStore"/> and <see cref="IAdapterStateStore"/> on one LiteDB file
/// owned by this process (so a command's change and its posts share one commit). Writes go through the
/// <see cref="WriterLoop"/>, and so do reads, between transactions, against committed data; except
/// <see cref="FindOpenIncidentAsync"/> and cached <see cref="GetStateAsync"/> answers, which come from memory because
/// they run for every chat message.
/// <para>
/// One type in five files, one per port (<c>.Incidents</c>, <c>.Outbox</c>, <c>.AdapterState</c>, <c>.Retention</c>) and this one for
/// owning the file: the ports are one instance by design (one <c>LiteDatabase</c> per file, one writer, caches that
/// only that writer changes, and an incident write that carries its outbox items in the same transaction).
/// </para>
/// </summary>
internal sealed partial class LiteDbIncidentStore : IAsyncDisposable
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
    private readonly LedgerMemory _ledger = new();
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
                _ledger,
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened incident store {Path} (fsync on commit: {FlushToDisk})")]
    private partial void LogOpened(string path, bool flushToDisk);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed incident store")]
    private partial void LogClosed();
}
