using ScribeBot.Core.Facts;
using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Storage;

/// <summary>
/// One page of a query's incidents, how many match in all, and each listed incident's <see cref="OutageWindow"/> by
/// id: the store keeps it, so a list states the same outage as the incident's own page without loading timelines.
/// </summary>
public sealed record IncidentPage(IReadOnlyList<Incident> Items, int Total, IReadOnlyDictionary<string, OutageWindow> Outages)
{
    /// <summary>The outage of <paramref name="incident"/>, one of <see cref="Items"/>.</summary>
    public OutageWindow OutageOf(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return Outages.TryGetValue(incident.Id, out var outage)
            ? outage
            : throw new ArgumentException($"Incident {incident.Id} is not on this page.", nameof(incident));
    }
}
