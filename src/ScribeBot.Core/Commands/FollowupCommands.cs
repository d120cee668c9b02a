using ScribeBot.Core.Followups;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;

namespace ScribeBot.Core.Commands;

/// <summary>
/// <c>followups</c>: queues the creation of tracker issues for the tasks that have none, through the outbox
/// (<see cref="FollowupDelivery"/> does the work), and answers the caller with what it queued. With
/// <c>Followups:OnResolve</c>, a resolve queues the same. The decision is <see cref="FollowupRequest"/>'s, shared with
/// the editor's button (<see cref="FollowupRequests"/>).
/// </summary>
internal sealed class FollowupCommands(CommandRunner runner, IOutboxStore outbox, IFollowupTrackers? trackers)
{
    public Task<CommandOutcome> QueueAsync(CommandRequest request, CancellationToken ct) =>
        runner.ShowAsync(request, async incident =>
        {
            var asked = FollowupRequest.For(incident, trackers);
            if (asked.Tracker is null)
            {
                return CommandOutcome.Rejected(asked.Answer);
            }

            if (!asked.Queues)
            {
                return CommandOutcome.Done(incident, asked.Answer);
            }

            var post = await EnqueueAsync(incident, request, ct).ConfigureAwait(false);
            return CommandOutcome.Done(incident, asked.Answer, post);
        }, ct);

    /// <summary>After a resolve: with <c>Followups:OnResolve</c>, queue the follow-ups of the resolved incident.</summary>
    public async Task<CommandOutcome> OnResolveAsync(CommandRequest request, Task<CommandOutcome> resolving, CancellationToken ct)
    {
        var outcome = await resolving.ConfigureAwait(false);
        if (!outcome.Accepted || trackers is not { OnResolve: true } || outcome.Incident is not { } incident
            || incident.IsOpen || !FollowupRequest.For(incident, trackers).Queues)
        {
            return outcome;
        }

        var post = await EnqueueAsync(incident, request, ct).ConfigureAwait(false);
        return outcome with { Posts = [.. outcome.Posts, post] };
    }

    // The id comes from the request (OutboxItem.For), so a redelivered command queues nothing new.
    private async Task<FollowupsPost> EnqueueAsync(Incident incident, CommandRequest request, CancellationToken ct)
    {
        var post = FollowupRequest.Post(incident, request.Caller);
        await outbox.EnqueueAsync(OutboxItem.For(request.RequestId, [post], incident.Id, runner.Now), ct).ConfigureAwait(false);
        runner.Enqueued();
        return post;
    }
}
