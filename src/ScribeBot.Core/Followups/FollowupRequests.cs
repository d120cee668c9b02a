using Microsoft.Extensions.Logging;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Storage;

namespace ScribeBot.Core.Followups;

/// <summary>
/// The postmortem editor's "Create issues": the same <see cref="FollowupRequest"/> as <c>/incident followups</c>, its
/// post queued in the same outbox lane under the channel's lock (as a command runs), so <see cref="FollowupDelivery"/>
/// creates each issue exactly once whichever way it was asked for.
/// </summary>
public sealed partial class FollowupRequests(
    IIncidentStore store,
    IOutboxStore outbox,
    OutboxSignal signal,
    ChannelLocks locks,
    TimeProvider timeProvider,
    ILogger<FollowupRequests> logger,
    IFollowupTrackers? trackers = null)
{
    private const string KeyPrefix = "dashboard/followups/";

    /// <summary>What a request would do now, for showing the button (no tracker call, nothing stored).</summary>
    public FollowupRequest Preview(Incidents.Incident incident) => FollowupRequest.For(incident, trackers);

    /// <summary>
    /// Queues the follow-ups of the incident for <paramref name="requester"/> when there is work and a tracker.
    /// <paramref name="requestId"/> (generated when the form was shown) keys the outbox item, so a double submit queues
    /// once. Null when there is no such incident.
    /// </summary>
    public async Task<FollowupRequest?> QueueAsync(string incidentId, Person requester, string requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        var found = await store.GetIncidentAsync(incidentId, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        await using (await locks.AcquireAsync(found.Channel.Key, cancellationToken).ConfigureAwait(false))
        {
            var incident = await store.GetIncidentAsync(incidentId, cancellationToken).ConfigureAwait(false) ?? found;
            var asked = FollowupRequest.For(incident, trackers);
            if (asked.Queues)
            {
                var post = FollowupRequest.Post(incident, requester);
                await outbox.EnqueueAsync(OutboxItem.For(KeyPrefix + requestId, [post], incident.Id, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                signal.Notify();
                LogQueued(incident.Id, asked.Pending.Count, requester.Id);
            }

            return asked;
        }
    }

    /// <summary>The outbox item a <see cref="QueueAsync"/> with <paramref name="requestId"/> queued for a channel's incident.</summary>
    public static string ItemId(ChannelRef channel, string requestId) => OutboxItem.MakeId(FollowupLane.Of(channel), KeyPrefix + requestId, 0);

    /// <summary>Whether an outbox item was queued by the editor's button (its answer goes to the page, not to chat).</summary>
    public static bool IsFromEditor(string itemId)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        return itemId.Contains("/" + KeyPrefix, StringComparison.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-ups of {IncidentId} ({Count} tasks) queued from the dashboard by {EditorId}")]
    private partial void LogQueued(string incidentId, int count, string editorId);
}
