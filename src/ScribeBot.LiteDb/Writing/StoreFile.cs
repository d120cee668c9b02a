using System.Collections;
using System.Reflection;
using LiteDB;

namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// The open <see cref="LiteDatabase"/> and its collections, which the writer thread may replace. LiteDB 5.0.21 closes
/// its engine for good on any I/O error (every later call rethrows that error), so after a full disk the only way
/// back without a restart is to close the database and open the file again, which replays the committed log.
/// Only the writer thread uses or replaces it, so nothing else ever holds a closed instance.
/// </summary>
internal sealed class StoreFile : IDisposable
{
    /// <summary>LiteDB's page: both of its files are whole pages, except after a write cut short.</summary>
    private const int PageSize = 8192;

    private readonly Func<string, LiteDatabase> _open;
    private readonly int _autoCheckpointPages;

    /// <param name="open">Opens the file; tests pass one that puts a failing disk under LiteDB.</param>
    public StoreFile(string path, int autoCheckpointPages, Func<string, LiteDatabase> open)
    {
        Path = path;
        _open = open;
        _autoCheckpointPages = autoCheckpointPages;
        Schema = Open();
    }

    public string Path { get; }

    /// <summary>LiteDB's write-ahead log, <c>&lt;name&gt;-log&lt;ext&gt;</c> beside the data file.</summary>
    public string LogPath => System.IO.Path.Combine(
        System.IO.Path.GetDirectoryName(Path) ?? "",
        System.IO.Path.GetFileNameWithoutExtension(Path) + "-log" + System.IO.Path.GetExtension(Path));

    public StoreSchema Schema { get; private set; }

    public LiteDatabase Database => Schema.Database;

    /// <summary>
    /// Closes the database (errors ignored: it is usually closed already) and opens the file again. Returns the bytes
    /// cut from the files' tails; throws when the file cannot be opened, and may then be called again.
    /// </summary>
    public long Reopen()
    {
        ForgetFailedTransactions(Schema.Database);
        try
        {
            Schema.Database.Dispose();
        }
        catch (Exception exception) when (StorageFailures.IsStorageFailure(exception) || exception is LiteException)
        {
            // It failed already; closing is all that is left to do.
        }

        var cut = CutPartialPage(LogPath) + CutPartialPage(Path);
        Schema = Open();
        return cut;
    }

    public void Dispose() => Schema.Database.Dispose();

    private StoreSchema Open()
    {
        var database = _open(Path);
        try
        {
            database.Pragma("CHECKPOINT", _autoCheckpointPages);
            var schema = new StoreSchema(database);
            SchemaUpgrade.Apply(schema);
            schema.EnsureIndexes();
            return schema;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>
    /// LiteDB 5.0.21 closes its engine when a commit fails on an I/O error and disposes the open transaction, but that
    /// dispose itself fails ("discarded page must be writable": the pages were already handed to the log writer)
    /// before it suppresses the transaction's finalizer. The finalizer then runs the same dispose on the finalizer
    /// thread, throws again, and ends the process some time after the disk filled. The transaction is dead either way,
    /// so its finalizer is suppressed here. Reflection on a pinned version's private fields: if they are not there (a
    /// new LiteDB), nothing is done, and <c>StorageFailureTests</c>, which collects garbage after a full disk, fails.
    /// </summary>
    private static void ForgetFailedTransactions(LiteDatabase database)
    {
        const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;
        var engine = typeof(LiteDatabase).GetField("_engine", Private)?.GetValue(database);
        var monitor = engine?.GetType().GetField("_monitor", Private)?.GetValue(engine);
        if (monitor?.GetType().GetField("_transactions", Private)?.GetValue(monitor) is IDictionary transactions)
        {
            lock (transactions)
            {
                foreach (var transaction in transactions.Values)
                {
#pragma warning disable CA1816 // Another object's finalizer, on purpose: see above.
                    GC.SuppressFinalize(transaction);
#pragma warning restore CA1816
                }
            }
        }
    }

    /// <summary>
    /// A write cut short by a full disk leaves part of a page at the end of a file, and LiteDB refuses to open a file
    /// that is not whole pages (and marks it for a rebuild). The part is never committed data: a commit returns only
    /// after all its pages are written, the last of them carrying the commit mark, and a checkpoint clears the log
    /// only after every page reached the data file, so the log still holds any page a cut checkpoint was writing.
    /// </summary>
    private static long CutPartialPage(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        var partial = file.Length % PageSize;
        if (partial != 0)
        {
            file.SetLength(file.Length - partial);
        }

        return partial;
    }
}
