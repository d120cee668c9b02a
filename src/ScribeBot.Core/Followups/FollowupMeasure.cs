using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Followups;

/// <summary>
/// What the stats need of one follow-up issue: its incident and channel (whose tracker reads its state) and its link,
/// whose <see cref="FollowupLink.CreatedAt"/> places it in a period. A store answers these from the incidents whose
/// links were created in the period, never from timelines.
/// </summary>
public readonly record struct FollowupMeasure(string IncidentId, ChannelRef Channel, FollowupLink Link)
{
    /// <summary>
    /// The links of <paramref name="incident"/> (its tasks and its removed tasks: an issue made for a task removed later
    /// still exists) created at or after <paramref name="createdSince"/>.
    /// </summary>
    public static IEnumerable<FollowupMeasure> Of(Incident incident, DateTimeOffset createdSince) => incident.Tasks
        .Concat(incident.RemovedTasks)
        .Where(task => task.Followup is { } link && link.CreatedAt >= createdSince)
        .Select(task => new FollowupMeasure(incident.Id, incident.Channel, task.Followup!));

    /// <summary>The latest creation instant among the incident's links, or null when it has none (the stores index it).</summary>
    public static DateTimeOffset? LatestCreated(Incident incident) => incident.Tasks
        .Concat(incident.RemovedTasks)
        .Select(task => task.Followup?.CreatedAt)
        .Max();
}
