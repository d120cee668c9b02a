using System.Collections.Concurrent;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;

namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// Open incidents by channel key, read for every chat message without touching the file. The process owns the
/// file, so the map is loaded at start and then changed only by the writer thread: after each commit, with what a
/// read between transactions found, and reloaded when the writer opened the file again after a storage failure.
/// <para>
/// It holds at most <c>capacity</c> incidents, since anyone who may type <c>start</c> can open one per channel. While
/// every open incident fits, it is <see cref="IsComplete"/> and a miss means "none open"; once one had to be left
/// out, a miss means "ask the file" (<see cref="TryFind"/> says which), until a reload finds them all fitting again.
/// </para>
/// </summary>
internal sealed class OpenIncidentMap
{
    private readonly ConcurrentDictionary<string, Incident> _byChannel = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private volatile bool _complete = true;

    public OpenIncidentMap(IEnumerable<Incident> openIncidents, int capacity = LiteDbIncidentStore.OpenIncidentsHeld)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        Reload(openIncidents);
    }

    public int Count => _byChannel.Count;

    /// <summary>Whether every open incident of the file is held, so that a miss is an answer.</summary>
    public bool IsComplete => _complete;

    /// <summary>
    /// True with the channel's open incident, or with null when it certainly has none; false when only the file knows.
    /// </summary>
    public bool TryFind(ChannelRef channel, out Incident? incident)
    {
        // The map first, then the flag: an incident is left out only after the flag went down, so a miss read after
        // the removal also reads the flag down.
        if (_byChannel.TryGetValue(channel.Key, out var held))
        {
            incident = held;
            return true;
        }

        incident = null;
        return _complete;
    }

    /// <summary>Replaces the content with what the file holds (all of it, or as much as fits).</summary>
    public void Reload(IEnumerable<Incident> openIncidents)
    {
        var loaded = new Dictionary<string, Incident>(StringComparer.Ordinal);
        var complete = true;
        foreach (var incident in openIncidents)
        {
            if (loaded.Count < _capacity)
            {
                loaded[incident.Channel.Key] = incident;
            }
            else
            {
                complete = false;
                break;
            }
        }

        _complete = false;
        foreach (var key in _byChannel.Keys.Where(k => !loaded.ContainsKey(k)))
        {
            _byChannel.TryRemove(key, out _);
        }

        foreach (var (key, incident) in loaded)
        {
            _byChannel[key] = incident;
        }

        _complete = complete;
    }

    /// <summary>Called after the commit that made <paramref name="changes"/> (null: the channel's incident closed).</summary>
    public void Apply(IReadOnlyDictionary<string, Incident?> changes)
    {
        foreach (var (channelKey, incident) in changes)
        {
            if (incident is null)
            {
                _byChannel.TryRemove(channelKey, out _);
            }
            else
            {
                Hold(channelKey, incident);
            }
        }
    }

    /// <summary>Holds an open incident just read from the file, between transactions (so no commit can have changed it since).</summary>
    public void Remember(Incident incident) => Hold(incident.Channel.Key, incident);

    private void Hold(string channelKey, Incident incident)
    {
        if (!_byChannel.ContainsKey(channelKey) && _byChannel.Count >= _capacity)
        {
            // The new one is the one in use now: another makes room, and its channel's next lookup reads the file.
            _complete = false;
            foreach (var key in _byChannel.Keys.Take(_byChannel.Count - _capacity + 1))
            {
                _byChannel.TryRemove(key, out _);
            }
        }

        _byChannel[channelKey] = incident;
    }
}
