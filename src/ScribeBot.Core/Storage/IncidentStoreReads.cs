using ScribeBot.Core.Incidents;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Storage;

/// <summary>Reads that every renderer of an incident makes the same way.</summary>
public static class IncidentStoreReads
{
    /// <summary>The incident and its timeline in stored order; null when there is no such incident.</summary>
    public static async Task<(Incident Incident, IReadOnlyList<TimelineEntry> Entries)?> GetWithTimelineAsync(
        this IIncidentStore store, string incidentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var incident = await store.GetIncidentAsync(incidentId, cancellationToken).ConfigureAwait(false);
        return incident is null
            ? null
            : (incident, await store.GetTimelineAsync(incidentId, cancellationToken).ConfigureAwait(false));
    }
}
