using System.Collections.Concurrent;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;

namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// Open incidents by channel key, read for every chat message without touching the file. The process owns the
/// file, so the map is loaded once at start and then changed only by the writer loop, after each commit.
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
