using Microsoft.Extensions.Options;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Text;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Commands;

/// <summary><c>start</c>, <c>ack</c>, <c>resolve</c>, <c>reopen</c>: the incident's lifecycle, announced in the channel.</summary>
internal sealed class LifecycleCommands(CommandRunner runner, IOptions<ScribeOptions> options, PendingPages? pendingPages = null)
{
    public async Task<CommandOutcome> StartAsync(StartCommand start, CommandRequest request, CancellationToken ct)
    {
        // A start redelivered after its incident was resolved would otherwise open a second incident.
        var latest = await runner.Store.FindLatestIncidentAsync(request.Channel, ct).ConfigureAwait(false);
        if (latest is { IsOpen: false } && await runner.IsRedeliveryAsync(latest, request, ct).ConfigureAwait(false))
        {
            return CommandRunner.AlreadyHandled(latest);
        }

        var zoneId = options.Value.TimeZone;
        var now = runner.Now;

        // A page announced here in the last hour (a Declare: false route) is what this start answers: it gives the
        // detection and starts the clocks.
        var page = pendingPages is null ? null : await pendingPages.FindAsync(request.Channel, ct).ConfigureAwait(false);
        if (page is not null && page.TriggeredAt > request.At)
        {
            page = null;
        }

        var result = await runner.Store.OpenIncidentAsync(
            request.Channel,
            number =>
            {
                var incident = Incident.Declare(request.Channel, number, start.Title, start.Severity, zoneId, CommandEntry.Milestone(request));
                var entry = CommandEntry.For(incident, request, TimelineTag.KeyEvent, $"Incident declared: {start.Title} ({start.Severity.ToLabel()})");
                if (page is not null)
                {
                    var attached = PageEvents.Attach(incident, page);
                    return new IncidentWithEntries(attached.Incident with { CommandSequence = 2 }, [.. attached.Entries, entry])
                    {
                        Outbox = OutboxItem.For(request.RequestId, [Announcement(attached.Incident, request)], incident.Id, now),
                    };
                }

                return new IncidentWithEntries(incident with { CommandSequence = 1 }, [entry])
                {
                    Outbox = OutboxItem.For(request.RequestId, [Announcement(incident, request)], incident.Id, now),
                };
            },
            ct).ConfigureAwait(false);

        var opened = result.Incident;
        if (!result.Opened)
        {
            var redelivered = await runner.IsRedeliveryAsync(opened, request, ct).ConfigureAwait(false);
            return redelivered
                ? CommandOutcome.Done(opened, ChatText.Of($"{opened.DisplayId} is open (this request was already handled)."))
                : CommandOutcome.Rejected(
                    $"{opened.DisplayId} is already open in this channel: \"{Quote(opened.Title)}\". Resolve it first (/incident resolve), or see /incident status.");
        }

        runner.Enqueued();
        if (page is not null && opened.Records(page))
        {
            await pendingPages!.ClearAsync(request.Channel, ct).ConfigureAwait(false);
        }

        return CommandOutcome.Done(opened, ChatText.Empty, Announcement(opened, request));
    }

    public static IncidentChange Acknowledge(Incident incident, CommandRequest request) =>
        IncidentChange.Of(incident.Acknowledge(CommandEntry.Milestone(request)), acknowledged => IncidentChange.Announce(
            acknowledged,
            CommandEntry.For(acknowledged, request, TimelineTag.KeyEvent, $"Acknowledged by {request.Caller.DisplayName}"),
            new ChatTextBuilder().Strong($"{incident.DisplayId} acknowledged")
                .Plain($" by {request.Caller.DisplayName}, {DurationText.Humanize(acknowledged.TimeToAcknowledge!.Value)} after {acknowledged.ClockStartText}.").Build()));

    public static IncidentChange Resolve(Incident incident, CommandRequest request, ResolveCommand resolve) =>
        IncidentChange.Of(incident.Resolve(CommandEntry.Milestone(request), resolve.Resolution), resolved =>
        {
            var by = request.Caller.DisplayName;
            var entry = CommandEntry.For(resolved, request, TimelineTag.Resolution, resolve.Resolution is null ? $"Resolved by {by}" : $"Resolved by {by}: {resolve.Resolution}");
            var announcement = new ChatTextBuilder()
                .Strong($"{incident.DisplayId} resolved").Plain($" by {by} after {DurationText.Humanize(resolved.TimeToResolve!.Value)}. ")
                .Plain("The postmortem draft follows; fill the gaps with /incident rootcause, impact, users, improve, todo, then /incident postmortem to post it again.")
                .Build();

            // Bumped here and again on commit, so a resolve advances the sequence by two; kept, so that what is stored
            // does not change.
            return new IncidentChange(CommandEntry.Bump(resolved), entry, ChatText.Empty,
            [
                new AnnouncementPost(incident.Channel, announcement),
                new PostmortemPost(incident.Channel, incident.Id),
            ]);
        });

    public async Task<CommandOutcome> ReopenAsync(CommandRequest request, CancellationToken ct)
    {
        var latest = await runner.Store.FindLatestIncidentAsync(request.Channel, ct).ConfigureAwait(false);
        if (latest is null)
        {
            return CommandOutcome.Rejected("There is no incident in this channel to reopen.");
        }

        // The incident's refusal comes before the redelivery check: a reopen redelivered after it took effect is told
        // the incident is open.
        var decision = latest.Reopen();
        if (decision.Refused)
        {
            return CommandOutcome.Rejected(decision.Refusal);
        }

        if (await runner.IsRedeliveryAsync(latest, request, ct).ConfigureAwait(false))
        {
            return CommandRunner.AlreadyHandled(latest);
        }

        var reopened = decision.Incident;
        var change = IncidentChange.Announce(
            reopened,
            CommandEntry.For(reopened, request, TimelineTag.KeyEvent, $"Reopened by {request.Caller.DisplayName}"),
            new ChatTextBuilder().Strong($"{latest.DisplayId} reopened").Plain($" by {request.Caller.DisplayName}. I'm recording this channel again.").Build());
        return await runner.CommitAsync(change, request, ct).ConfigureAwait(false);
    }

    private static AnnouncementPost Announcement(Incident opened, CommandRequest request)
    {
        var announcement = new ChatTextBuilder()
            .Strong($"{opened.DisplayId} declared: ").Plain(opened.Title)
            .Plain($" ({opened.Severity.ToLabel()}, commander {request.Caller.DisplayName}). ")
            .Plain(opened.Page is { } page ? $"Linked to the {page.Source.ToLabel()} page \"{page.Title}\" (fired {opened.LocalTimeText(page.TriggeredAt)}): MTTA and MTTR run from it. " : "")
            .Plain($"I'm recording this channel. Tag key messages with {TagHint.Means(request.Channel.Platform)} or /incident action, misleading, escalate; /incident resolve closes it and posts the postmortem draft.")
            .Build();
        return new AnnouncementPost(request.Channel, announcement);
    }

    // A title is quoted longer than typed input (TextShortener.QuoteLength): it names an incident people know.
    private static string Quote(string title) => TextShortener.Shorten(title, 80);
}
