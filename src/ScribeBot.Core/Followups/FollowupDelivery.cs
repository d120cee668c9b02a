using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Followups;

/// <summary>
/// Delivers a <see cref="FollowupsPost"/>: each task of the incident without an issue gets one, exactly once. Before
/// creating, it asks the tracker for issues that already carry the tasks' markers, so an issue created by an attempt
/// whose answer was lost is linked, not created again. Each link is stored as soon as the tracker answers. A transient
/// failure is retried by the outbox (the links stored so far stay); a refusal stops the run, tells the requester which
/// setting or field to fix, and leaves the remaining tasks unlinked for the next <c>/incident followups</c>.
/// </summary>
public sealed partial class FollowupDelivery(
    IIncidentStore store,
    IOutboxStore outbox,
    OutboxSignal signal,
    ChannelLocks locks,
    IFollowupTrackers trackers,
    IOptions<ScribeOptions> options,
    TimeProvider timeProvider,
    ILogger<FollowupDelivery> logger)
{
    public async Task<DeliveryResult> DeliverAsync(OutboxItem item, FollowupsPost post, CancellationToken cancellationToken)
    {
        var incident = await NumberedAsync(post.IncidentId, cancellationToken).ConfigureAwait(false);
        if (incident is null)
        {
            // Purged meanwhile: there is nothing left to link to.
            return DeliveryResult.Delivered;
        }

        if (trackers.For(incident.Channel) is not { } tracker)
        {
            return await RefuseAsync(item, post, incident,
                ChatText.Of($"Follow-ups of {incident.DisplayId} were not created: no tracker is configured for this channel (Followups:GitHub, Followups:Jira or Followups:Linear)."),
                "No tracker is configured for the channel.", cancellationToken).ConfigureAwait(false);
        }

        var pending = incident.UnlinkedTasks;
        if (pending.Count == 0)
        {
            return DeliveryResult.Delivered;
        }

        var markers = pending.ToDictionary(t => FollowupMarker.For(incident.Id, t.Number), t => t);
        var found = await tracker.FindAsync(incident.DisplayId, markers.Keys, cancellationToken).ConfigureAwait(false);
        if (found.Failure is { } lookupFailure)
        {
            return await FailedAsync(item, post, incident, tracker, null, lookupFailure, [], cancellationToken).ConfigureAwait(false);
        }

        var entries = await store.GetTimelineAsync(incident.Id, cancellationToken).ConfigureAwait(false);
        var done = new List<LinkedTask>();
        foreach (var (marker, task) in markers)
        {
            if (found.Value!.TryGetValue(marker, out var existing))
            {
                await LinkAsync(incident, task, existing, cancellationToken).ConfigureAwait(false);
                LogFoundExisting(incident.Id, task.Number, existing.IssueKey);
                done.Add(new LinkedTask(task, existing, Recovered: true));
                continue;
            }

            var issue = FollowupIssueWriter.Write(incident, task, entries, tracker, options.Value.PublicBaseUrl);
            var created = await tracker.CreateAsync(issue, cancellationToken).ConfigureAwait(false);
            if (created.Failure is { } failure)
            {
                return await FailedAsync(item, post, incident, tracker, task, failure, done, cancellationToken).ConfigureAwait(false);
            }

            await LinkAsync(incident, task, created.Value!, cancellationToken).ConfigureAwait(false);
            LogCreated(incident.Id, task.Number, created.Value!.IssueKey);
            done.Add(new LinkedTask(task, created.Value!, Recovered: false));
        }

        await ReportAsync(item, new AnnouncementPost(incident.Channel, FollowupReport.Linked(incident, tracker, done)), cancellationToken).ConfigureAwait(false);
        return DeliveryResult.Delivered;
    }

    private async Task<DeliveryResult> FailedAsync(
        OutboxItem item, FollowupsPost post, Incident incident, IFollowupTracker tracker, IncidentTask? task, TrackerFailure failure,
        List<LinkedTask> done, CancellationToken cancellationToken)
    {
        if (!failure.Refused)
        {
            LogTransient(incident.Id, tracker.Name, failure.Message);
            return DeliveryResult.Retry(failure.RetryAfter, $"{tracker.Name}: {failure.Message}");
        }

        LogRefused(incident.Id, tracker.Name, failure.Field, failure.Message);
        if (done.Count > 0)
        {
            await ReportAsync(item, new AnnouncementPost(incident.Channel, FollowupReport.Linked(incident, tracker, done)), cancellationToken).ConfigureAwait(false);
        }

        return await RefuseAsync(item, post, incident, FollowupReport.Refused(incident, tracker, task, failure),
            $"{tracker.Name} refused: {failure.Message}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Tells the requester why the run stopped. A chat user gets a private message; a press of the editor's button has
    /// no chat account to send one to (Slack cannot show a dashboard identity an ephemeral message), so there the
    /// answer is the item's abandon reason, which the editor shows after its redirect.
    /// </summary>
    private async Task<DeliveryResult> RefuseAsync(
        OutboxItem item, FollowupsPost post, Incident incident, ChatText answer, string reason, CancellationToken cancellationToken)
    {
        if (FollowupRequests.IsFromEditor(item.Id))
        {
            return DeliveryResult.Permanent(answer.ToPlainString());
        }

        await ReportAsync(item, new PrivatePost(incident.Channel, post.Requester, answer), cancellationToken).ConfigureAwait(false);
        return DeliveryResult.Permanent(reason);
    }

    /// <summary>The incident, its tasks numbered (a task stored before numbers existed gets one now, and keeps it).</summary>
    private async Task<Incident?> NumberedAsync(string incidentId, CancellationToken cancellationToken)
    {
        var incident = await store.GetIncidentAsync(incidentId, cancellationToken).ConfigureAwait(false);
        if (incident is null || incident.NumberTasks() == incident)
        {
            return incident;
        }

        await using (await locks.AcquireAsync(incident.Channel.Key, cancellationToken).ConfigureAwait(false))
        {
            incident = await store.GetIncidentAsync(incidentId, cancellationToken).ConfigureAwait(false);
            if (incident is not null && incident.NumberTasks() is var numbered && numbered != incident)
            {
                await store.SaveIncidentAsync(numbered, [], [], cancellationToken).ConfigureAwait(false);
                return numbered;
            }

            return incident;
        }
    }

    // Under the channel's lock, read again: a command or the editor may have changed the incident since it was read.
    private async Task LinkAsync(Incident incident, IncidentTask task, FollowupLink link, CancellationToken cancellationToken)
    {
        await using (await locks.AcquireAsync(incident.Channel.Key, cancellationToken).ConfigureAwait(false))
        {
            var current = await store.GetIncidentAsync(incident.Id, cancellationToken).ConfigureAwait(false) ?? incident;
            var linked = current.LinkTask(task.Number, link, task);
            if (linked != current)
            {
                // The tracker has answered: its issue is recorded even when the host is stopping meanwhile.
                await store.SaveIncidentAsync(linked, [], [], CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task ReportAsync(OutboxItem item, ChannelPost report, CancellationToken cancellationToken)
    {
        // Deterministic ids: a run repeated after a crash enqueues the same report ids, which the store ignores.
        var index = report is PrivatePost ? 1 : 0;
        await outbox.EnqueueAsync(
        [
            new OutboxItem
            {
                Id = $"{item.Id}/report/{index}",
                Post = report,
                IncidentId = item.IncidentId,
                EnqueuedAt = timeProvider.GetUtcNow(),
                NextAttemptAt = timeProvider.GetUtcNow(),
            },
        ], cancellationToken).ConfigureAwait(false);
        signal.Notify();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created follow-up {IssueKey} for task {TaskNumber} of {IncidentId}")]
    private partial void LogCreated(string incidentId, int taskNumber, string issueKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Found follow-up {IssueKey} for task {TaskNumber} of {IncidentId} by its marker (an earlier answer was lost); linked, not created again")]
    private partial void LogFoundExisting(string incidentId, int taskNumber, string issueKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Tracker} failed for the follow-ups of {IncidentId}; the outbox retries: {Error}")]
    private partial void LogTransient(string incidentId, string tracker, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Tracker} refused the follow-ups of {IncidentId} (field {Field}): {Error}")]
    private partial void LogRefused(string incidentId, string tracker, string? field, string error);
}

/// <summary>A task and the issue it was linked to in one run; <paramref name="Recovered"/>: found by its marker, not created.</summary>
public sealed record LinkedTask(IncidentTask Task, FollowupLink Link, bool Recovered);
