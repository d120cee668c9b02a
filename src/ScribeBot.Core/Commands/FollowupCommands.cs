using ScribeBot.Core.Followups;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;

namespace ScribeBot.Core.Commands;

/// <summary>
/// <c>followups</c>: queues the creation of tracker issues for the tasks that have none, through the outbox
/// (<see cref="FollowupDelivery"/> does the work), and answers the caller with what it queued. With
/// <c>Followups:OnResolve</c>, a resolve queues the same.
/// </summary>
internal sealed class FollowupCommands(CommandRunner runner, IOutboxStore outbox, IFollowupTrackers? trackers)
{
    public const string NotConfigured =
        "Follow-ups are not configured for this channel. An admin sets Followups:GitHub:Token and Followups:GitHub:Repository, or Followups:Jira (README, \"Follow-ups\").";

    public Task<CommandOutcome> QueueAsync(CommandRequest request, CancellationToken ct) =>
        runner.ShowAsync(request, async incident =>
        {
            if (trackers?.For(incident.Channel) is not { } tracker)
            {
                return CommandOutcome.Rejected(NotConfigured);
            }

            // The same numbers the delivery will give tasks stored before numbers existed.
            var numbered = incident.NumberTasks();
            var pending = numbered.UnlinkedTasks;
            if (pending.Count == 0)
            {
                return CommandOutcome.Done(incident, FollowupReport.NothingToDo(numbered));
            }

            var post = await EnqueueAsync(incident, request, ct).ConfigureAwait(false);
            return CommandOutcome.Done(incident, FollowupReport.Queued(numbered, tracker, pending), post);
        }, ct);

    /// <summary>After a resolve: with <c>Followups:OnResolve</c>, queue the follow-ups of the resolved incident.</summary>
    public async Task<CommandOutcome> OnResolveAsync(CommandRequest request, Task<CommandOutcome> resolving, CancellationToken ct)
    {
        var outcome = await resolving.ConfigureAwait(false);
        if (!outcome.Accepted || trackers is not { OnResolve: true } || outcome.Incident is not { } incident
            || incident.IsOpen || trackers.For(incident.Channel) is null || incident.UnlinkedTasks.Count == 0)
        {
            return outcome;
        }

        var post = await EnqueueAsync(incident, request, ct).ConfigureAwait(false);
        return outcome with { Posts = [.. outcome.Posts, post] };
    }

    // The id comes from the request (OutboxItem.For), so a redelivered command queues nothing new.
    private async Task<FollowupsPost> EnqueueAsync(Incident incident, CommandRequest request, CancellationToken ct)
    {
        var post = new FollowupsPost(FollowupLane.Of(incident.Channel), incident.Id, request.Caller);
        await outbox.EnqueueAsync(OutboxItem.For(request.RequestId, [post], incident.Id, runner.Now), ct).ConfigureAwait(false);
        runner.Enqueued();
        return post;
    }
}
