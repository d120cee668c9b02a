using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Text;
using ScribeBot.Core.Time;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Commands;

/// <summary>
/// Executes <c>/incident</c> commands against the store, the same for every platform. Expected failures (unknown
/// verb, no open incident, resolving twice...) are answers to the caller that change nothing. Every channel post a
/// command produces is enqueued in the outbox in the same commit as the command's change, and the dispatcher is
/// woken; the posts are also returned in the outcome.
/// </summary>
public sealed partial class CommandHandler(
    IIncidentStore store,
    IOutboxStore outbox,
    OutboxSignal outboxSignal,
    ChannelLocks locks,
    TimeProvider timeProvider,
    IOptions<ScribeOptions> options,
    ILogger<CommandHandler> logger)
{

    public async Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var parsed = CommandParser.Parse(request.Text);
        if (!parsed.Succeeded)
        {
            LogRejected(request.Channel.Key, parsed.Error);
            return CommandOutcome.Rejected(parsed.Error);
        }

        using (await locks.AcquireAsync(request.Channel.Key, cancellationToken).ConfigureAwait(false))
        {
            var outcome = await ExecuteAsync(parsed.Command, request, cancellationToken).ConfigureAwait(false);
            if (outcome.Accepted)
            {
                LogExecuted(parsed.Command.GetType().Name, outcome.Incident?.Id, request.Channel.Key);
            }
            else if (logger.IsEnabled(LogLevel.Debug))
            {
                var reason = outcome.Reply.ToPlainString();
                LogRejected(request.Channel.Key, reason);
            }

            return outcome;
        }
    }

    private Task<CommandOutcome> ExecuteAsync(IncidentCommand command, CommandRequest request, CancellationToken ct) =>
        command switch
        {
            StartCommand start => StartAsync(start, request, ct),
            HelpCommand help => Task.FromResult(CommandHelp.Answer(help.Verb)),
            StatsCommand stats => StatsAsync(stats, request, ct),
            StatusCommand => ShowAsync(request, incident => StatusAsync(incident, ct), ct),
            TimelineCommand => ShowAsync(request, incident => PostAsync(incident, request, new TimelinePost(request.Channel, incident.Id), ct), ct),
            PostmortemCommand => ShowAsync(request, incident => PostAsync(incident, request, new PostmortemPost(request.Channel, incident.Id), ct), ct),
            ReopenCommand => ReopenAsync(request, ct),

            // Live events only make sense while the incident is open.
            AcknowledgeCommand => ChangeOpenAsync(request, i => Acknowledge(i, request), ct),
            UpdateCommand update => ChangeOpenAsync(request, i => Update(i, request, update), ct),
            EscalateCommand escalate => ChangeOpenAsync(request, i => Escalate(i, request, escalate), ct),
            EventCommand recorded => ChangeOpenAsync(request, i => RecordEvent(i, request, recorded), ct),
            ResolveCommand resolve => ChangeOpenAsync(request, i => Resolve(i, request, resolve), ct),

            // Facts for the postmortem may still be filled in after the incident is resolved.
            DetectedCommand detected => ChangeLatestAsync(request, i => Detected(i, request, detected), ct),
            BeganCommand began => ChangeLatestAsync(request, i => Began(i, request, began), ct),
            ImpactCommand impact => ChangeLatestAsync(request, i => SetImpact(i, impact), ct),
            UsersAffectedCommand users => ChangeLatestAsync(request, i => SetUsers(i, users), ct),
            RootCauseCommand rootCause => ChangeLatestAsync(request, i => SetRootCause(i, request, rootCause), ct),
            ResolutionCommand resolution => ChangeLatestAsync(request, i => SetResolution(i, request, resolution), ct),
            ImproveCommand improve => ChangeLatestAsync(request, i => Improve(i, improve), ct),
            TodoCommand todo => ChangeLatestAsync(request, i => AddTask(i, todo), ct),
            SeverityCommand severity => ChangeLatestAsync(request, i => SetSeverity(i, request, severity), ct),
            CommanderCommand commander => ChangeLatestAsync(request, i => SetCommander(i, request, commander), ct),
            TimeZoneCommand zone => ChangeLatestAsync(request, i => SetTimeZone(i, zone), ct),
            _ => throw new InvalidOperationException($"No handler for {command.GetType().Name}."),
        };

    private async Task<CommandOutcome> StartAsync(StartCommand start, CommandRequest request, CancellationToken ct)
    {
        // A start redelivered after its incident was resolved would otherwise open a second incident.
        var latest = await store.FindLatestIncidentAsync(request.Channel, ct).ConfigureAwait(false);
        if (latest is { IsOpen: false } && await IsRedeliveryAsync(latest, request, ct).ConfigureAwait(false))
        {
            return AlreadyHandled(latest);
        }

        var zoneId = options.Value.TimeZone;
        var now = timeProvider.GetUtcNow();
        var result = await store.OpenIncidentAsync(
            request.Channel,
            number =>
            {
                var incident = new Incident
                {
                    Id = Incident.MakeId(request.Channel, number),
                    Number = number,
                    Channel = request.Channel,
                    Title = start.Title,
                    Severity = start.Severity,
                    Commander = request.Caller,
                    TimeZoneId = zoneId,
                    Declared = new Milestone(request.At, request.Caller, request.RequestId),
                };
                var entry = NewEntry(incident, request, TimelineTag.KeyEvent, $"Incident declared: {start.Title} ({start.Severity.ToLabel()})");
                return new IncidentWithEntries(incident with { CommandSequence = 1 }, [entry])
                {
                    Outbox = OutboxItem.For(request.RequestId, [Announcement(incident, request)], incident.Id, now),
                };
            },
            ct).ConfigureAwait(false);

        var opened = result.Incident;
        if (!result.Opened)
        {
            var redelivered = await store.GetEntryAsync(opened.Id, request.RequestId, ct).ConfigureAwait(false) is not null;
            return redelivered
                ? CommandOutcome.Done(opened, ChatText.Of($"{opened.DisplayId} is open (this request was already handled)."))
                : CommandOutcome.Rejected(
                    $"{opened.DisplayId} is already open in this channel: \"{Quote(opened.Title)}\". Resolve it first (/incident resolve), or see /incident status.");
        }

        outboxSignal.Notify();
        return CommandOutcome.Done(opened, ChatText.Empty, Announcement(opened, request));
    }

    private static AnnouncementPost Announcement(Incident opened, CommandRequest request)
    {
        var announcement = new ChatTextBuilder()
            .Strong($"{opened.DisplayId} declared: ").Plain(opened.Title)
            .Plain($" ({opened.Severity.ToLabel()}, commander {request.Caller.DisplayName}). ")
            .Plain("I'm recording this channel. Tag key messages with a reaction or /incident action, misleading, escalate; /incident resolve closes it and posts the postmortem draft.")
            .Build();
        return new AnnouncementPost(request.Channel, announcement);
    }

    private static IncidentChange Acknowledge(Incident incident, CommandRequest request)
    {
        if (incident.Acknowledged is { } ack)
        {
            return IncidentChange.Refuse(incident, $"{incident.DisplayId} was already acknowledged by {ack.By.DisplayName} at {LocalTime(incident, ack.At)}.");
        }

        var updated = incident with
        {
            Status = IncidentStatus.Acknowledged,
            Acknowledged = new Milestone(request.At, request.Caller, request.RequestId),
        };
        var after = IncidentDurations.TimeToAcknowledge(updated)!.Value;
        return Announce(
            updated,
            NewEntry(updated, request, TimelineTag.KeyEvent, $"Acknowledged by {request.Caller.DisplayName}"),
            new ChatTextBuilder().Strong($"{incident.DisplayId} acknowledged").Plain($" by {request.Caller.DisplayName}, {DurationText.Humanize(after)} after it was declared.").Build());
    }

    private static IncidentChange Update(Incident incident, CommandRequest request, UpdateCommand update) =>
        Announce(
            incident,
            NewEntry(incident, request, TimelineTag.KeyEvent, $"Status update: {update.Text}"),
            new ChatTextBuilder().Strong($"Status update ({incident.DisplayId}): ").Plain(update.Text).Build());

    private static IncidentChange Escalate(Incident incident, CommandRequest request, EscalateCommand escalate)
    {
        var who = PersonMention.Parse(escalate.Who).DisplayName;
        var text = escalate.Reason is null ? $"Escalated to {who}" : $"Escalated to {who}: {escalate.Reason}";
        return Announce(
            incident,
            NewEntry(incident, request, TimelineTag.Escalation, text),
            new ChatTextBuilder().Strong($"{incident.DisplayId} escalated").Plain($" to {who} by {request.Caller.DisplayName}")
                .Plain(escalate.Reason is null ? "." : $": {escalate.Reason}").Build());
    }

    private static IncidentChange RecordEvent(Incident incident, CommandRequest request, EventCommand recorded)
    {
        var (tag, label) = recorded.Kind switch
        {
            EventKind.Misleading => (TimelineTag.Misleading, "misleading path"),
            EventKind.Action => (TimelineTag.Action, "action"),
            _ => (TimelineTag.Note, "note"),
        };
        return Recorded(incident, NewEntry(incident, request, tag, recorded.Text), $"Recorded {label} on {incident.DisplayId}.");
    }

    private static IncidentChange Resolve(Incident incident, CommandRequest request, ResolveCommand resolve)
    {
        var updated = incident with
        {
            Status = IncidentStatus.Resolved,
            Resolved = new Milestone(request.At, request.Caller, request.RequestId),
            Resolution = resolve.Resolution ?? incident.Resolution,
        };
        var text = resolve.Resolution is null ? $"Resolved by {request.Caller.DisplayName}" : $"Resolved by {request.Caller.DisplayName}: {resolve.Resolution}";
        var entry = NewEntry(updated, request, TimelineTag.Resolution, text);
        var announcement = new ChatTextBuilder()
            .Strong($"{incident.DisplayId} resolved").Plain($" by {request.Caller.DisplayName} after {DurationText.Humanize(IncidentDurations.TimeToResolve(updated)!.Value)}. ")
            .Plain("The postmortem draft follows; fill the gaps with /incident rootcause, impact, users, improve, todo, then /incident postmortem to post it again.")
            .Build();
        return new IncidentChange(Bump(updated), entry, ChatText.Empty,
        [
            new AnnouncementPost(incident.Channel, announcement),
            new PostmortemPost(incident.Channel, incident.Id),
        ]);
    }

    private static IncidentChange Detected(Incident incident, CommandRequest request, DetectedCommand detected)
    {
        var at = detected.At is { } time ? Typed(incident, time, request) : incident.Declared.At;
        var updated = incident with { Detected = new Milestone(at, request.Caller, request.RequestId), DetectionMethod = detected.Method };
        var entry = NewEntry(updated, request, TimelineTag.Detection, $"Detected: {detected.Method}") with { At = at };
        return Recorded(updated, entry, $"Recorded detection at {LocalTime(incident, at)} on {incident.DisplayId}.");
    }

    private static IncidentChange Began(Incident incident, CommandRequest request, BeganCommand began)
    {
        var at = Typed(incident, began.At, request);
        var updated = incident with { ImpactBegan = new Milestone(at, request.Caller, request.RequestId) };
        var entry = NewEntry(updated, request, TimelineTag.KeyEvent, "Impact began") with { At = at };
        return Recorded(updated, entry, $"Recorded that impact began at {LocalTime(incident, at)} on {incident.DisplayId}.");
    }

    // Impact and share of users are assessments that belong in the Issue Summary, not moments in the timeline, so
    // (like improve and todo) they add no entry; setting the same value twice is harmless.
    private static IncidentChange SetImpact(Incident incident, ImpactCommand impact) =>
        new(incident with { Impact = impact.Text }, null, ChatText.Of($"Recorded the impact of {incident.DisplayId}."), []);

    private static IncidentChange SetUsers(Incident incident, UsersAffectedCommand users)
    {
        var percent = users.Percent.ToString("0.####", CultureInfo.InvariantCulture);
        return new IncidentChange(incident with { UsersAffectedPercent = users.Percent }, null,
            ChatText.Of($"Recorded {percent}% of users affected on {incident.DisplayId}."), []);
    }

    private static IncidentChange SetRootCause(Incident incident, CommandRequest request, RootCauseCommand rootCause) =>
        Recorded(incident with { RootCause = rootCause.Text }, NewEntry(incident, request, TimelineTag.RootCause, $"Root cause: {rootCause.Text}"), $"Recorded the root cause of {incident.DisplayId}.");

    private static IncidentChange SetResolution(Incident incident, CommandRequest request, ResolutionCommand resolution) =>
        Recorded(incident with { Resolution = resolution.Text }, NewEntry(incident, request, TimelineTag.Resolution, $"Resolution: {resolution.Text}"), $"Recorded the resolution of {incident.DisplayId}.");

    private static IncidentChange Improve(Incident incident, ImproveCommand improve)
    {
        if (incident.Improvements.Contains(improve.Text, StringComparer.Ordinal))
        {
            return IncidentChange.Refuse(incident, $"That improvement is already on {incident.DisplayId}'s list.");
        }

        return new IncidentChange(incident with { Improvements = [.. incident.Improvements, improve.Text] }, null,
            ChatText.Of($"Added improvement {incident.Improvements.Count + 1} to {incident.DisplayId}."), []);
    }

    private static IncidentChange AddTask(Incident incident, TodoCommand todo)
    {
        var owner = todo.Owner is null ? null : PersonMention.Parse(todo.Owner).DisplayName;
        if (incident.Tasks.Any(t => t.Text == todo.Task && t.Owner == owner))
        {
            return IncidentChange.Refuse(incident, $"That task is already on {incident.DisplayId}'s list.");
        }

        var reply = owner is null ? $"Added task {incident.Tasks.Count + 1} to {incident.DisplayId}." : $"Added task {incident.Tasks.Count + 1} to {incident.DisplayId}, owned by {owner}.";
        return new IncidentChange(incident with { Tasks = [.. incident.Tasks, new IncidentTask(todo.Task, owner)] }, null, ChatText.Of(reply), []);
    }

    private static IncidentChange SetSeverity(Incident incident, CommandRequest request, SeverityCommand severity)
    {
        if (incident.Severity == severity.Severity)
        {
            return IncidentChange.Refuse(incident, $"{incident.DisplayId} is already {severity.Severity.ToLabel()}.");
        }

        var text = $"Severity changed from {incident.Severity.ToLabel()} to {severity.Severity.ToLabel()}";
        return Announce(
            incident with { Severity = severity.Severity },
            NewEntry(incident, request, TimelineTag.KeyEvent, text),
            new ChatTextBuilder().Strong($"{incident.DisplayId}: ").Plain($"{text} by {request.Caller.DisplayName}.").Build());
    }

    private static IncidentChange SetCommander(Incident incident, CommandRequest request, CommanderCommand commander)
    {
        var person = PersonMention.Parse(commander.Who);
        if (incident.Commander is { } current && current.Id == person.Id)
        {
            return IncidentChange.Refuse(incident, $"{person.DisplayName} is already the commander of {incident.DisplayId}.");
        }

        return Announce(
            incident with { Commander = person },
            NewEntry(incident, request, TimelineTag.KeyEvent, $"{person.DisplayName} took command"),
            new ChatTextBuilder().Strong($"{incident.DisplayId}: ").Plain($"{person.DisplayName} is now incident commander.").Build());
    }

    private static IncidentChange SetTimeZone(Incident incident, TimeZoneCommand zone)
    {
        if (incident.TimeZoneId == zone.TimeZoneId)
        {
            return IncidentChange.Refuse(incident, $"{incident.DisplayId} already uses {zone.TimeZoneId}.");
        }

        return new IncidentChange(incident with { TimeZoneId = zone.TimeZoneId }, null,
            ChatText.Of($"{incident.DisplayId} now shows times in {zone.TimeZoneId}; HH:MM in commands is read in that zone too."), []);
    }

    private async Task<CommandOutcome> ReopenAsync(CommandRequest request, CancellationToken ct)
    {
        var latest = await store.FindLatestIncidentAsync(request.Channel, ct).ConfigureAwait(false);
        if (latest is null)
        {
            return CommandOutcome.Rejected("There is no incident in this channel to reopen.");
        }

        if (latest.IsOpen)
        {
            return CommandOutcome.Rejected($"{latest.DisplayId} is still open; there is nothing to reopen.");
        }

        if (await IsRedeliveryAsync(latest, request, ct).ConfigureAwait(false))
        {
            return AlreadyHandled(latest);
        }

        var reopened = latest with
        {
            Status = latest.Acknowledged is null ? IncidentStatus.Triggered : IncidentStatus.Acknowledged,
            Resolved = null,
            ReopenCount = latest.ReopenCount + 1,
        };
        var change = Announce(
            reopened,
            NewEntry(reopened, request, TimelineTag.KeyEvent, $"Reopened by {request.Caller.DisplayName}"),
            new ChatTextBuilder().Strong($"{latest.DisplayId} reopened").Plain($" by {request.Caller.DisplayName}. I'm recording this channel again.").Build());
        return await CommitAsync(change, request, ct).ConfigureAwait(false);
    }

    private async Task<CommandOutcome> StatsAsync(StatsCommand stats, CommandRequest request, CancellationToken ct)
    {
        var since = timeProvider.GetUtcNow() - TimeSpan.FromDays(stats.Days);
        var incidents = await store.ListIncidentsAsync(request.Channel.WorkspaceKey, since, ct).ConfigureAwait(false);
        var report = IncidentStatistics.Compute(incidents, stats.Days);
        return CommandOutcome.Done(null, StatsText.Render(report));
    }

    private async Task<CommandOutcome> StatusAsync(Incident incident, CancellationToken ct)
    {
        var entries = await store.GetTimelineAsync(incident.Id, ct).ConfigureAwait(false);
        return CommandOutcome.Done(incident, IncidentSummary.Build(incident, entries, timeProvider.GetUtcNow()));
    }

    // These verbs change no incident, so their post is enqueued on its own. A redelivery enqueues the same id,
    // which the store ignores.
    private async Task<CommandOutcome> PostAsync(Incident incident, CommandRequest request, ChannelPost post, CancellationToken ct)
    {
        await outbox.EnqueueAsync(OutboxItem.For(request.RequestId, [post], incident.Id, timeProvider.GetUtcNow()), ct).ConfigureAwait(false);
        outboxSignal.Notify();
        return CommandOutcome.Done(incident, ChatText.Empty, post);
    }

    /// <summary>Runs a read-only verb on the open incident, else on the channel's latest one.</summary>
    private async Task<CommandOutcome> ShowAsync(CommandRequest request, Func<Incident, Task<CommandOutcome>> show, CancellationToken ct)
    {
        var incident = await store.FindLatestIncidentAsync(request.Channel, ct).ConfigureAwait(false);
        return incident is null ? NoIncident() : await show(incident).ConfigureAwait(false);
    }

    private async Task<CommandOutcome> ChangeOpenAsync(CommandRequest request, Func<Incident, IncidentChange> change, CancellationToken ct)
    {
        var incident = await store.FindOpenIncidentAsync(request.Channel, ct).ConfigureAwait(false);
        if (incident is null)
        {
            var latest = await store.FindLatestIncidentAsync(request.Channel, ct).ConfigureAwait(false);
            if (latest is null)
            {
                return NoIncident();
            }

            if (await IsRedeliveryAsync(latest, request, ct).ConfigureAwait(false))
            {
                return AlreadyHandled(latest);
            }

            return CommandOutcome.Rejected(
                $"{latest.DisplayId} is already resolved (at {LocalTime(latest, latest.Resolved!.At)} by {latest.Resolved.By.DisplayName}). Use /incident reopen if it is back, or /incident start for a new incident.");
        }

        return await ApplyAsync(incident, request, change, ct).ConfigureAwait(false);
    }

    private async Task<CommandOutcome> ChangeLatestAsync(CommandRequest request, Func<Incident, IncidentChange> change, CancellationToken ct)
    {
        var incident = await store.FindLatestIncidentAsync(request.Channel, ct).ConfigureAwait(false);
        return incident is null ? NoIncident() : await ApplyAsync(incident, request, change, ct).ConfigureAwait(false);
    }

    private async Task<CommandOutcome> ApplyAsync(Incident incident, CommandRequest request, Func<Incident, IncidentChange> change, CancellationToken ct)
    {
        if (await IsRedeliveryAsync(incident, request, ct).ConfigureAwait(false))
        {
            return AlreadyHandled(incident);
        }

        return await CommitAsync(change(incident), request, ct).ConfigureAwait(false);
    }

    private async Task<CommandOutcome> CommitAsync(IncidentChange change, CommandRequest request, CancellationToken ct)
    {
        if (change.Refusal is { } refusal)
        {
            return CommandOutcome.Rejected(refusal);
        }

        var incident = change.Entry is null ? change.Incident : Bump(change.Incident);
        var posts = OutboxItem.For(request.RequestId, change.Posts, incident.Id, timeProvider.GetUtcNow());
        await store.SaveIncidentAsync(incident, change.Entry is null ? [] : [change.Entry], posts, ct).ConfigureAwait(false);
        if (posts.Count > 0)
        {
            outboxSignal.Notify();
        }

        return new CommandOutcome(true, change.Reply, change.Posts, incident);
    }

    // A platform that redelivers a command (a Teams retry, a replayed transcript) must not apply it twice: the
    // entry a command creates is keyed by its request id.
    private async Task<bool> IsRedeliveryAsync(Incident incident, CommandRequest request, CancellationToken ct) =>
        await store.GetEntryAsync(incident.Id, request.RequestId, ct).ConfigureAwait(false) is not null;

    private static CommandOutcome AlreadyHandled(Incident incident) =>
        CommandOutcome.Done(incident, ChatText.Of($"Already recorded on {incident.DisplayId}."));

    private static CommandOutcome NoIncident() =>
        CommandOutcome.Rejected("There is no incident in this channel. Start one with /incident start <title> [sev1-4].");

    private static IncidentChange Recorded(Incident incident, TimelineEntry entry, string reply) =>
        new(incident, entry, ChatText.Of(reply), []);

    private static IncidentChange Announce(Incident incident, TimelineEntry entry, ChatText announcement) =>
        new(incident, entry, ChatText.Empty, [new AnnouncementPost(incident.Channel, announcement)]);

    private static Incident Bump(Incident incident) => incident with { CommandSequence = incident.CommandSequence + 1 };

    private static TimelineEntry NewEntry(Incident incident, CommandRequest request, TimelineTag tag, string text) => new()
    {
        IncidentId = incident.Id,
        MessageId = request.RequestId,
        At = request.At,
        Author = request.Caller,
        Text = text,
        Permalink = request.Permalink,
        Source = Timeline.EntrySource.Command,
        Marks = [new TagMark(tag, request.Caller.Id)],
    };

    // A time typed after the resolve (filling in the postmortem the next morning) is read around the resolve, so
    // "began 08:00" lands on the incident's day rather than on today.
    private static DateTimeOffset Typed(Incident incident, TimeOnly time, CommandRequest request)
    {
        var reference = incident.Resolved is { } resolved && resolved.At < request.At ? resolved.At : request.At;
        return IncidentTimeZone.ResolveTypedTime(time, reference, IncidentTimeZone.Find(incident.TimeZoneId));
    }

    private static string LocalTime(Incident incident, DateTimeOffset at) =>
        IncidentTimeZone.ToLocal(at, IncidentTimeZone.Find(incident.TimeZoneId)).ToString("HH:mm", CultureInfo.InvariantCulture) + " " + incident.TimeZoneId;



    private static string Quote(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");

    [LoggerMessage(Level = LogLevel.Information, Message = "Command {Command} executed on {IncidentId} in {Channel}")]
    private partial void LogExecuted(string command, string? incidentId, string channel);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Command refused in {Channel}: {Reason}")]
    private partial void LogRejected(string channel, string reason);
}
