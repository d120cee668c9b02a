using ScribeBot.Core.Channels;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Storage;

namespace ScribeBot.Core.Chat;

/// <summary>
/// Points a person who joins a channel with an open incident at it, in one line that names <c>/incident catchup</c>
/// (<see cref="IncidentCatchup.Pointer"/>). The line goes through the outbox like every post, so the platform's request
/// is answered without waiting for its Web API; its id derives from the join event's id, so a redelivered event points
/// once.
/// </summary>
public sealed class JoinPointers(IIncidentStore store, IOutboxStore outbox, OutboxSignal signal, TimeProvider time)
{
    /// <param name="channel">The channel joined.</param>
    /// <param name="joiner">Who joined.</param>
    /// <param name="eventId">The platform's id for the join (Slack's event id, Teams' activity id).</param>
    /// <param name="privately">Only the joiner sees the line (Slack); false posts it in the channel (Teams).</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    /// <returns>True when a pointer was enqueued; false when the channel has no open incident.</returns>
    public async Task<bool> PointAsync(ChannelRef channel, Person joiner, string eventId, bool privately, CancellationToken cancellationToken)
    {
        var incident = await store.FindOpenIncidentAsync(channel, cancellationToken).ConfigureAwait(false);
        if (incident is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var text = IncidentCatchup.Pointer(incident, now);
        ChannelPost post = privately ? new PrivatePost(channel, joiner, text) : new AnnouncementPost(channel, text);
        await outbox.EnqueueAsync(OutboxItem.For($"join/{eventId}", [post], incident.Id, now), cancellationToken).ConfigureAwait(false);
        signal.Notify();
        return true;
    }
}
