using ScribeBot.Core.Channels;
using ScribeBot.Core.Chat;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Storage;
using ScribeBot.Web.Sandbox;

namespace ScribeBot.Replay;

/// <summary>
/// Feeds a transcript through the same handler and capture as a live channel (platform <c>web</c>): lines
/// starting with <c>/incident</c> are commands, the rest are messages, then edits, deletes and reactions. A replayed
/// message has no chat permalink, so its timeline line links to its own line in the draft's transcript appendix.
/// </summary>
internal sealed class TranscriptReplayer(CommandHandler commands, TimelineCapture capture, IIncidentStore store, ReplayClock clock)
{
    public const string Workspace = "replay";

    public async Task<ReplayOutcome> ReplayAsync(Transcript transcript, CancellationToken cancellationToken)
    {
        var channel = new ChannelRef(ChatPlatform.Web, Workspace, transcript.Channel);
        var incidentIds = new List<string>();
        var refusals = new List<string>();

        foreach (var message in transcript.Messages)
        {
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

                if (outcome.Incident is { } incident && !incidentIds.Contains(incident.Id))
                {
                    incidentIds.Add(incident.Id);
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

        var incidents = new List<(Core.Incidents.Incident, IReadOnlyList<Core.Timeline.TimelineEntry>)>();
        foreach (var id in incidentIds)
        {
            var incident = await store.GetIncidentAsync(id, cancellationToken).ConfigureAwait(false);
            var entries = await store.GetTimelineAsync(id, cancellationToken).ConfigureAwait(false);
            incidents.Add((incident!, entries));
        }

        return new ReplayOutcome(incidents, refusals);
    }

    // Transcripts name people by display name only; the name doubles as the id, as in the sandbox.
    private static Person PersonNamed(string name) => new(name, name);
}
