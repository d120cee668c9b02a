namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// The most recently stored message ids per incident, for the most recently appended-to incidents, so the writer can
/// tell a new message from a redelivery without a primary-key lookup per append (that lookup was a fifth of the
/// writer's time). Only the writer thread touches it. Everything it holds is in the file, ordinal: a hit is certainly
/// a duplicate. A miss is not proof of a new message: the set forgets older ids (see <see cref="IdsPerIncident"/>)
/// and LiteDB's key collation ignores case. Such a duplicate makes the insert fail, and the batch's retry checks the
/// file itself, so a miss costs time, never correctness. Any rollback throws everything away, since a set may hold
/// rolled-back ids.
/// </summary>
internal sealed class KnownEntryKeys(int maxIncidents)
{
    /// <summary>
    /// About how many ids are kept per incident. Redeliveries (Slack's retries, a restart's replays) repeat recent
    /// messages, so remembering the latest ones catches nearly all of them, and memory stays flat however long an
    /// incident runs: one incident took in 1.5 million messages in the 5-minute ingest benchmark.
    /// </summary>
    public const int IdsPerIncident = 20_000;

    private readonly Dictionary<string, Entry> _byIncident = new(StringComparer.Ordinal);
    private long _clock;

    /// <summary>Whether <paramref name="messageId"/> is known stored; the incident's ids are read from the file (inside the current transaction) when not held.</summary>
    public bool Contains(string incidentId, string messageId, Func<string, IEnumerable<string>> load)
    {
        if (!_byIncident.TryGetValue(incidentId, out var entry))
        {
            if (_byIncident.Count >= maxIncidents)
            {
                // Forget the least recently used incident; usually one that was resolved long ago.
                _byIncident.Remove(_byIncident.MinBy(pair => pair.Value.LastUsed).Key);
            }

            entry = new Entry();
            foreach (var id in load(incidentId))
            {
                entry.Add(id);
            }

            _byIncident.Add(incidentId, entry);
        }

        entry.LastUsed = ++_clock;
        return entry.Contains(messageId);
    }

    /// <summary>Records an id stored by the current transaction, when its incident is held at all.</summary>
    public void Added(string incidentId, string messageId)
    {
        if (_byIncident.TryGetValue(incidentId, out var entry))
        {
            entry.Add(messageId);
        }
    }

    public void Clear() => _byIncident.Clear();

    /// <summary>Drops an incident whose entries were removed (a purge).</summary>
    public void Forget(string incidentId) => _byIncident.Remove(incidentId);

    /// <summary>Two generations of half the capacity each: when the newer fills, the older is dropped.</summary>
    private sealed class Entry
    {
        private HashSet<string> _older = new(StringComparer.Ordinal);
        private HashSet<string> _newer = new(StringComparer.Ordinal);

        public long LastUsed { get; set; }

        public bool Contains(string messageId) => _newer.Contains(messageId) || _older.Contains(messageId);

        public void Add(string messageId)
        {
            if (_newer.Count >= IdsPerIncident / 2)
            {
                _older = _newer;
                _newer = new HashSet<string>(StringComparer.Ordinal);
            }

            _newer.Add(messageId);
        }
    }
}
