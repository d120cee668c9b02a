namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// The message ids stored per incident, for the most recently appended-to incidents, so the writer can tell a new
/// message from a redelivery without a primary-key lookup per append (that lookup was a fifth of the writer's time).
/// Only the writer thread touches it. It holds exactly what the file holds, ordinal: a hit is certainly a duplicate;
/// a miss that LiteDB still considers equal (its key collation ignores case) makes the insert fail, and the batch's
/// retry checks the file itself. Any rollback throws everything away, since a set may hold rolled-back ids.
/// </summary>
internal sealed class KnownEntryKeys(int maxIncidents)
{
    private readonly Dictionary<string, Entry> _byIncident = new(StringComparer.Ordinal);
    private long _clock;

    /// <summary>The ids of <paramref name="incidentId"/>, read from the file (inside the current transaction) when not held.</summary>
    public HashSet<string> For(string incidentId, Func<string, IEnumerable<string>> load)
    {
        if (!_byIncident.TryGetValue(incidentId, out var entry))
        {
            if (_byIncident.Count >= maxIncidents)
            {
                // Forget the least recently used incident; usually one that was resolved long ago.
                _byIncident.Remove(_byIncident.MinBy(pair => pair.Value.LastUsed).Key);
            }

            entry = new Entry(new HashSet<string>(load(incidentId), StringComparer.Ordinal));
            _byIncident.Add(incidentId, entry);
        }

        entry.LastUsed = ++_clock;
        return entry.MessageIds;
    }

    /// <summary>Records an id stored by the current transaction, when its incident is held at all.</summary>
    public void Added(string incidentId, string messageId)
    {
        if (_byIncident.TryGetValue(incidentId, out var entry))
        {
            entry.MessageIds.Add(messageId);
        }
    }

    public void Clear() => _byIncident.Clear();

    private sealed class Entry(HashSet<string> messageIds)
    {
        public HashSet<string> MessageIds { get; } = messageIds;

        public long LastUsed { get; set; }
    }
}
