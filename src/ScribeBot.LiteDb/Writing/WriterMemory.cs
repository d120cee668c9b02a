using ScribeBot.LiteDb.Ledger;

namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// What the writer keeps in memory about the committed file: the open incidents, the adapter state cache, the ledger,
/// the known message ids and the last arrival number. Sessions change it only through <see cref="Publish"/>, after a commit.
/// </summary>
internal sealed class WriterMemory(OpenIncidentMap openIncidents, AdapterStateCache adapterState, LedgerMemory ledger, long lastSequence)
{
    /// <summary>Incidents whose message ids are kept in memory: far more than are ever open at once.</summary>
    private const int KnownIncidents = 256;

    private readonly KnownEntryKeys _knownKeys = new(KnownIncidents);
    private long _lastSequence = lastSequence;

    public WriteSession NewSession(StoreSchema schema, bool verifyInFile) =>
        new(schema, openIncidents, adapterState, ledger, _lastSequence, _knownKeys, verifyInFile);

    /// <summary>A session's transaction committed: its changes become what every later one starts from.</summary>
    public void Publish(WriteSession session)
    {
        _lastSequence = Math.Max(_lastSequence, session.LastSequence);
        session.Publish();
    }

    /// <summary>
    /// Drops the caches that may now disagree with the file (after a rollback the known ids may include some of the
    /// rolled-back transaction's, and after a failed commit the cached state may not be what the file holds); both
    /// are read from the file again when next needed.
    /// </summary>
    public void Forget()
    {
        _knownKeys.Clear();
        adapterState.Clear();
        ledger.Forget();
    }

    /// <summary>Takes the open incidents and the arrival counter from the file again (after it was reopened).</summary>
    public void Reload(StoreFile file)
    {
        openIncidents.Reload(file.Schema.LoadOpenIncidents());
        ledger.Forget();
        _lastSequence = WriteSession.LoadLastSequence(file.Database);
    }
}
