using ScribeBot.Core.Channels;
using ScribeBot.Core.Followups;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Storage;

/// <summary>
/// Where incidents and their timelines live. Every write is durable when its task completes: a platform
/// request is acknowledged only after that. Operations that read-then-write (<see cref="OpenIncidentAsync"/>,
/// <see cref="AppendEntryAsync"/>, <see cref="UpdateEntryAsync"/>) are atomic with respect to each other.
/// </summary>
public interface IIncidentStore
{
    /// <summary>The incident that is not resolved in <paramref name="channel"/>, if any (at most one).</summary>
    Task<Incident?> FindOpenIncidentAsync(ChannelRef channel, CancellationToken cancellationToken);

    /// <summary>The most recently declared incident in <paramref name="channel"/>, open or resolved.</summary>
    Task<Incident?> FindLatestIncidentAsync(ChannelRef channel, CancellationToken cancellationToken);

    Task<Incident?> GetIncidentAsync(string incidentId, CancellationToken cancellationToken);

    /// <summary>
    /// Opens an incident unless one is open in the channel. <paramref name="create"/> receives the next number
    /// of the channel's workspace (1, 2, ...) and returns the incident, its first entries and its outbox items, all
    /// stored in one commit; it runs only when the channel has no open incident, and the numbers it gets are never
    /// reused.
    /// </summary>
    Task<OpenIncidentResult> OpenIncidentAsync(
        ChannelRef channel, Func<int, IncidentWithEntries> create, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the incident (matched by id), appends <paramref name="newEntries"/> and enqueues
    /// <paramref name="outbox"/> (ignoring items whose id is already stored), in one commit: a post is never
    /// announced for a change that was lost, nor a change stored whose post was lost.
    /// </summary>
    Task SaveIncidentAsync(
        Incident incident, IReadOnlyList<TimelineEntry> newEntries, IReadOnlyList<OutboxItem> outbox, CancellationToken cancellationToken);

    /// <summary>Appends an entry unless one with the same incident and message id exists.</summary>
    Task<AppendResult> AppendEntryAsync(TimelineEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the entry (incident id, message id) and stores the result.
    /// Returns the stored entry, or null when there is no such entry. When <paramref name="change"/> returns the
    /// same instance nothing is written.
    /// </summary>
    Task<TimelineEntry?> UpdateEntryAsync(
        string incidentId, string messageId, Func<TimelineEntry, TimelineEntry> change, CancellationToken cancellationToken);

    Task<TimelineEntry?> GetEntryAsync(string incidentId, string messageId, CancellationToken cancellationToken);

    /// <summary>All entries of an incident (deleted ones included), ordered by instant, then by arrival.</summary>
    Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string incidentId, CancellationToken cancellationToken);

    /// <summary>Incidents declared at or after <paramref name="declaredSince"/> in a workspace, newest first.</summary>
    Task<IReadOnlyList<Incident>> ListIncidentsAsync(
        string workspaceKey, DateTimeOffset declaredSince, CancellationToken cancellationToken);

    /// <summary>
    /// The <see cref="IncidentMeasure"/> of every incident declared at or after <paramref name="declaredSince"/>, in one
    /// workspace or, when <paramref name="workspaceKey"/> is null, in all; in no particular order. Statistics read
    /// these, never whole incidents, so a store can answer from a compact record of each incident.
    /// </summary>
    Task<IReadOnlyList<IncidentMeasure>> MeasureIncidentsAsync(
        string? workspaceKey, DateTimeOffset declaredSince, CancellationToken cancellationToken);

    /// <summary>
    /// The follow-up issues (links on tasks and removed tasks) created at or after <paramref name="createdSince"/>, in
    /// one workspace or, when <paramref name="workspaceKey"/> is null, in all; in no particular order. The cost follows
    /// the incidents that have such links, not the history: stores index each incident's latest link creation.
    /// </summary>
    Task<IReadOnlyList<FollowupMeasure>> MeasureFollowupsAsync(
        string? workspaceKey, DateTimeOffset createdSince, CancellationToken cancellationToken);

    /// <summary>Incidents of every workspace and platform that match <paramref name="query"/>, newest declared first (the dashboard).</summary>
    Task<IncidentPage> QueryIncidentsAsync(IncidentQuery query, CancellationToken cancellationToken);
}
