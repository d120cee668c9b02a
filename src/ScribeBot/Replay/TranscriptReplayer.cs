using ScribeBot.Core.Channels;
using ScribeBot.Core.Chat;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Paging.Routing;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Storage;
using ScribeBot.Web.Sandbox;

namespace ScribeBot.Replay;

/// <summary>
/// Feeds a transcript through the same handler and capture as a live channel (platform <c>web</c>): lines
/// starting with <c>/incident</c> are commands, the rest are messages, then edits, deletes and reactions. A replayed
/// message has no chat permalink, so its timeline line links to its own line in the draft's transcript appendix.
/// The <c>alerts</c> go through the page intake on a route to the transcript's channel that declares, each at its own
/// time among the messages (before a message of the same instant: the page rings, then people answer).
/// </summary>
internal sealed class TranscriptReplayer(CommandHandler commands, TimelineCapture capture, PageIntake pages, IIncidentStore store, ReplayClock clock)
{
    public const string Workspace = "replay";

    public async Task<ReplayOutcome> ReplayAsync(Transcript transcript, CancellationToken cancellationToken)
    {
        var channel = new ChannelRef(ChatPlatform.Web, Workspace, transcript.Channel);
        var incidentIds = new List<string>();
        var refusals = new List<string>();
        var route = PageRoute.To(channel);
        var alerts = new Queue<TranscriptAlert>(transcript.Alerts.OrderBy(a => a.At).ThenBy(a => a.Index));

        foreach (var message in transcript.Messages)
        {
            while (alerts.TryPeek(out var alert) && alert.At <= message.At)
            {
                await PageAsync(alerts.Dequeue(), route, incidentIds, cancellationToken).ConfigureAwait(false);
            }

            clock.MoveTo(message.At);
            if (message.Delete)
            {
                await capture.DeleteAsync(new MessageDeletion(channel, message.Id, message.At), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (message.Edit)
            {
                await capture.EditAsync(new MessageEdit(channel, message.Id, message.Text!, message.At), cancellationToken).ConfigureAwait(false);
            }
            else if (WebCommandText.Parse(message.Text!) is { } command)
            {
                var outcome = await commands.HandleAsync(new CommandRequest
                {
                    Channel = channel,
                    Caller = PersonNamed(message.User!),
                    Text = command,
                    At = message.At,
                    RequestId = message.Id,
                    Permalink = MessageAnchor.Href(message.Id),
                }, cancellationToken).ConfigureAwait(false);

                if (outcome.Incident is { } incident)
                {
                    Remember(incidentIds, incident.Id);
                }

                if (!outcome.Accepted)
                {
                    refusals.Add($"message {message.Number} ({message.Text}): {outcome.Reply.ToPlainString()}");
                }
            }
            else
            {
                await capture.RecordAsync(new ChatMessage
                {
                    Channel = channel,
                    MessageId = message.Id,
                    ThreadId = message.Thread,
                    At = message.At,
                    Author = PersonNamed(message.User!),
                    Text = message.Text!,
                    Permalink = MessageAnchor.Href(message.Id),
                }, cancellationToken).ConfigureAwait(false);
            }

            foreach (var reaction in message.Reactions)
            {
                await capture.ReactAsync(
                    new ReactionChange(channel, message.Id, reaction.Emoji, PersonNamed(reaction.User), Added: true),
                    cancellationToken).ConfigureAwait(false);
            }
        }

        while (alerts.TryDequeue(out var late))
        {
            await PageAsync(late, route, incidentIds, cancellationToken).ConfigureAwait(false);
        }

        var incidents = new List<(Core.Incidents.Incident, IReadOnlyList<Core.Timeline.TimelineEntry>)>();
        foreach (var id in incidentIds)
        {
            var incident = await store.GetIncidentAsync(id, cancellationToken).ConfigureAwait(false);
            var entries = await store.GetTimelineAsync(id, cancellationToken).ConfigureAwait(false);
            incidents.Add((incident!, entries));
        }

        return new ReplayOutcome(incidents, refusals);
    }

    // A page may declare an incident, or land on one: either way its draft is printed.
    private async Task PageAsync(TranscriptAlert alert, PageRoute route, List<string> incidentIds, CancellationToken cancellationToken)
    {
        clock.MoveTo(alert.At);
        await pages.ReceiveAsync([alert.ToPage()], route, cancellationToken).ConfigureAwait(false);
        var incident = await store.FindOpenIncidentAsync(route.Channel, cancellationToken).ConfigureAwait(false)
            ?? await store.FindLatestIncidentAsync(route.Channel, cancellationToken).ConfigureAwait(false);
        if (incident is not null)
        {
            Remember(incidentIds, incident.Id);
        }
    }

    private static void Remember(List<string> incidentIds, string id)
    {
        if (!incidentIds.Contains(id))
        {
            incidentIds.Add(id);
        }
    }

    // Transcripts name people by display name only; the name doubles as the id, as in the sandbox.
    private static Person PersonNamed(string name) => new(name, name);
}
