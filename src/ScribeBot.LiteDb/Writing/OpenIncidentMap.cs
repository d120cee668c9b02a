using System.Collections.Concurrent;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;

namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// Open incidents by channel key, read for every chat message without touching the file. The process owns the
/// file, so the map is loaded at start and then changed only by the writer loop: after each commit, and reloaded
/// when the writer opened the file again after a storage failure.
/// </summary>
internal sealed class OpenIncidentMap
{
    private readonly ConcurrentDictionary<string, Incident> _byChannel = new(StringComparer.Ordinal);

    public OpenIncidentMap(IEnumerable<Incident> openIncidents)
    {
        foreach (var incident in openIncidents)
        {
            _byChannel[incident.Channel.Key] = incident;
        }
    }

    public Incident? Find(ChannelRef channel) => _byChannel.GetValueOrDefault(channel.Key);

    /// <summary>Replaces the content with what the file holds, after the database was opened again.</summary>
    public void Reload(IEnumerable<Incident> openIncidents)
    {
        var loaded = new Dictionary<string, Incident>(StringComparer.Ordinal);
        foreach (var incident in openIncidents)
        {
            loaded[incident.Channel.Key] = incident;
        }

        foreach (var key in _byChannel.Keys.Where(k => !loaded.ContainsKey(k)))
        {
            _byChannel.TryRemove(key, out _);
        }

        foreach (var (key, incident) in loaded)
        {
            _byChannel[key] = incident;
        }
    }

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
                _byChannel[channelKey] = incident;
            }
        }
    }
}
