using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Chat;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Text;
using ScribeBot.Slack.Blocks;
using ScribeBot.Slack.Endpoint;
using ScribeBot.Slack.Events;
using ScribeBot.Slack.Interaction;
using ScribeBot.Slack.Names;
using ScribeBot.Slack.WebApi;

namespace ScribeBot.Slack.Dispatch;

/// <summary>
/// The work for one verified inbound, shared by the HTTP endpoint and Socket Mode so both run the same handlers: read
/// it with the bot's identity and people's names, then capture, run the command, open or submit the modal. Work that
/// must last is committed to the store before this returns, so the caller answers (HTTP 200, Socket Mode ack) only
/// after it; an exception means nothing should be answered and Slack delivers again. A slash command's exception is
/// the exception: the caller gets a correlation id rather than Slack's generic failure. An event never waits for
/// Slack's Web API: it is read with the names already cached, and the others are looked up after the commit.
/// </summary>
internal sealed class SlackInboundDispatcher(
    SlackBotIdentity identity,
    SlackEventDeduplicator deduplicator,
    ISlackUserDirectory directory,
    SlackNameResolver resolver,
    IOptions<SlackOptions> options,
    CommandHandler commands,
    TimelineCapture capture,
    JoinPointers pointers,
    SlackWebApiClient slack,
    SlackChannelMembership membership,
    TimeProvider time,
    ILogger<SlackInboundDispatcher> logger)
{
    /// <summary>
    /// How long a slash command or an interaction may spend asking Slack for the names it writes into its text (an
    /// escalation's "Escalated to Dana"): Slack wants its answer in 3 s, and the membership check (1 s) and the store
    /// commit share them. Past it, people are shown by the name the request carries or their id; a name that failed is
    /// not asked for again for a while (<see cref="SlackUserDirectory.FailureTtl"/>), so an outage costs this once.
    /// </summary>
    public static readonly TimeSpan LookupBudget = TimeSpan.FromSeconds(1);

    /// <summary>A slash command's answer while the store is out of reach (the database restarting).</summary>
    public const string StoreUnavailableReply =
        "ScribeBot cannot reach its database right now, so this command was not recorded and nothing changed. Send it again in a minute.";

    /// <summary>
    /// Reads an inbound with the reader that knows the bot's ids (if <c>auth.test</c> answered yet), then again with
    /// people's names: for an event only the cached ones, for a command or an interaction within
    /// <see cref="LookupBudget"/>. <paramref name="read"/> is the transport's reader call; it is given null names first.
    /// </summary>
    public async Task<SlackInbound> ReadAsync(
        Func<SlackInboundReader, IReadOnlyDictionary<string, string>?, SlackInbound> read, CancellationToken cancellationToken)
    {
        var reader = identity.Reader;
        var first = read(reader, null);
        if (first is SlackEventCallback callback)
        {
            return await deduplicator.WasHandledAsync(callback.EventId, cancellationToken).ConfigureAwait(false)
                ? first
                : SlackNames.FromCache(first, names => read(reader, names), directory);
        }

        return await WithNamesAsync(first, names => read(reader, names), cancellationToken).ConfigureAwait(false);
    }

    /// <param name="correlationId">Shown to the caller when a command fails, and logged with the failure.</param>
    public async Task<SlackAnswer> DispatchAsync(SlackInbound inbound, string correlationId, CancellationToken cancellationToken)
    {
        switch (inbound)
        {
            case SlackUrlVerification verificationRequest:
                return SlackAnswer.Json(new JsonObject { ["challenge"] = verificationRequest.Challenge });
            case SlackEventCallback eventCallback:
                await CaptureAsync(eventCallback, cancellationToken).ConfigureAwait(false);
                return SlackAnswer.Ok;
            case SlackSlashCommand command:
                return await RunCommandAsync(command, correlationId, cancellationToken).ConfigureAwait(false);
            case SlackMessageShortcut shortcut:
                await OpenModalAsync(shortcut, cancellationToken).ConfigureAwait(false);
                return SlackAnswer.Ok;
            case SlackViewSubmission submission:
                return await SubmitModalAsync(submission, cancellationToken).ConfigureAwait(false);
            case SlackMalformed malformed:
                SlackEndpointLog.Malformed(logger, malformed.Reason);
                return SlackAnswer.BadRequest;
            case SlackIgnored ignored:
                SlackEndpointLog.Ignored(logger, ignored.Reason);
                return SlackAnswer.Ok;
            default:
                SlackEndpointLog.Ignored(logger, inbound.GetType().Name);
                return SlackAnswer.Ok;
        }
    }

    private async Task CaptureAsync(SlackEventCallback callback, CancellationToken cancellationToken)
    {
        if (await deduplicator.WasHandledAsync(callback.EventId, cancellationToken).ConfigureAwait(false))
        {
            SlackEndpointLog.DuplicateEvent(logger, callback.EventId, callback.Retry?.Attempt ?? 0);
            return;
        }

        if (callback.Event is SlackMemberJoined joined)
        {
            // Only the joiner sees the pointer (chat.postEphemeral, through the outbox: the ack never waits on Slack).
            var pointed = await pointers.PointAsync(joined.Channel, joined.Member, callback.EventId, privately: true, cancellationToken)
                .ConfigureAwait(false);
            await deduplicator.MarkHandledAsync(callback.EventId, cancellationToken).ConfigureAwait(false);
            SlackEndpointLog.Joined(logger, callback.EventId, joined.Channel.Key, pointed);
            return;
        }

        var (channel, result) = callback.Event switch
        {
            SlackMessagePosted posted => (posted.Message.Channel,
                await capture.RecordAsync(posted.Message, cancellationToken).ConfigureAwait(false)),
            SlackMessageEdited edited => (edited.Edit.Channel,
                await capture.EditAsync(edited.Edit, cancellationToken).ConfigureAwait(false)),
            SlackMessageDeleted deleted => (deleted.Deletion.Channel,
                await capture.DeleteAsync(deleted.Deletion, cancellationToken).ConfigureAwait(false)),
            SlackReactionChanged reaction => (reaction.Change.Channel,
                await capture.ReactAsync(reaction.Change, cancellationToken).ConfigureAwait(false)),
            _ => throw new InvalidOperationException($"Unknown Slack chat event {callback.Event.GetType().Name}."),
        };

        // Marked only once the store committed: a delivery that failed must be done when Slack retries it.
        await deduplicator.MarkHandledAsync(callback.EventId, cancellationToken).ConfigureAwait(false);
        SlackEndpointLog.Captured(logger, callback.EventId, channel.Key, result);
        RequestNames(callback);
    }

    private async Task<SlackAnswer> RunCommandAsync(SlackSlashCommand command, string correlationId, CancellationToken cancellationToken)
    {
        var channel = command.Request.Channel.Key;

        // The bot must be in the channel to capture it: a public one is joined, a private one needs an /invite.
        var member = await membership.EnsureAsync(command, cancellationToken).ConfigureAwait(false);
        if (member.Blocks)
        {
            return Ephemeral(member.Notice ?? ChatText.Empty);
        }

        CommandOutcome outcome;
        try
        {
            outcome = await commands.HandleAsync(command.Request, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            // Slack never sends a slash command again, so a 503 would only show "dispatch_failed": the caller is told
            // plainly that nothing changed and to send it again. The store has logged its outage once.
            SlackEndpointLog.CommandStoreUnavailable(logger, channel);
            return Ephemeral(ChatText.Of(StoreUnavailableReply));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Slack would show its own "failed with the error dispatch_failed"; a correlation id lets the caller report it.
            SlackEndpointLog.CommandFailed(logger, channel, correlationId, exception);
            return Ephemeral(ChatText.Of($"Something went wrong (correlation id {correlationId})."));
        }

        SlackEndpointLog.CommandHandled(logger, channel, outcome.Accepted);
        RequestNames(command);
        // The handler has stored the channel posts in the outbox in the same commit as the command's change; the
        // outbox dispatcher delivers them. Only the caller's reply goes back in this answer.
        var reply = member.Notice is { } notice
            ? string.IsNullOrWhiteSpace(outcome.Reply.ToPlainString()) ? notice : outcome.Reply + ChatText.Of("\n\n") + notice
            : outcome.Reply;
        return string.IsNullOrWhiteSpace(reply.ToPlainString()) ? SlackAnswer.Ok : Ephemeral(reply);
    }

    private async Task OpenModalAsync(SlackMessageShortcut shortcut, CancellationToken cancellationToken)
    {
        if (shortcut.CallbackId != TimelineShortcutModal.ShortcutCallbackId)
        {
            SlackEndpointLog.UnknownCallback(logger, "shortcut", shortcut.CallbackId);
            return;
        }

        var opened = await slack.Views.OpenAsync(shortcut.TriggerId, TimelineShortcutModal.Build(shortcut), cancellationToken)
            .ConfigureAwait(false);
        if (!opened.IsOk)
        {
            // The trigger is valid for 3 s only; a retry could not succeed, and the person can use the shortcut again.
            SlackEndpointLog.ModalNotOpened(logger, shortcut.Channel.Key, opened.Error);
        }
    }

    private async Task<SlackAnswer> SubmitModalAsync(SlackViewSubmission submission, CancellationToken cancellationToken)
    {
        if (submission.CallbackId != TimelineShortcutModal.ViewCallbackId)
        {
            SlackEndpointLog.UnknownCallback(logger, "view", submission.CallbackId);
            return SlackAnswer.Ok;
        }

        if (TimelineShortcutModal.KindOf(submission.ValueOf(TimelineShortcutModal.KindBlockId, TimelineShortcutModal.KindActionId))
            is not { } tag)
        {
            return ViewError("Choose one of the listed kinds.");
        }

        var note = submission.ValueOf(TimelineShortcutModal.NoteBlockId, TimelineShortcutModal.NoteActionId);
        if (TimelineShortcutModal.ReadRequest(submission.PrivateMetadata, tag, submission.User, note) is not { } tagRequest)
        {
            SlackEndpointLog.Malformed(logger, "view_submission private_metadata is not the shortcut's");
            return SlackAnswer.BadRequest;
        }

        var result = await capture.TagAsync(tagRequest, cancellationToken).ConfigureAwait(false);
        SlackEndpointLog.Tagged(logger, tagRequest.MessageId, tagRequest.Channel.Key, tag, result);
        return result switch
        {
            CaptureResult.IgnoredNoOpenIncident => ViewError("This channel has no incident to add the message to."),
            CaptureResult.IgnoredUnknownMessage => ViewError("This message was posted after the incident was resolved."),
            _ => SlackAnswer.Ok,
        };
    }

    /// <summary>
    /// After the commit: the people the inbound names whose names are not cached are looked up in the background, so the
    /// renderers (<see cref="SlackPeopleDirectory"/>) know them.
    /// </summary>
    private void RequestNames(SlackInbound inbound)
    {
        var (teamId, userIds) = SlackNames.UsersIn(inbound);
        if (teamId is not null && userIds.Count > 0)
        {
            resolver.Request(teamId, userIds);
        }
    }

    /// <summary>
    /// Names from users.info, within the lookup budget. Without a bot token there is nobody to ask; when Slack is slow
    /// or down the people stay named by id. A name is a nicety, the record is not.
    /// </summary>
    private async Task<SlackInbound> WithNamesAsync(
        SlackInbound first, Func<IReadOnlyDictionary<string, string>, SlackInbound> readAgain, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.BotToken) || first is SlackMalformed or SlackIgnored or SlackUrlVerification)
        {
            return first;
        }

        using var budget = new CancellationTokenSource(LookupBudget, time);
        using var lookups = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, cancellationToken);
        try
        {
            var named = await SlackNames.ResolveAsync(first, readAgain, directory, lookups.Token).ConfigureAwait(false);
            return named.GetType() == first.GetType() ? named : first;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Remembered as failed, so the next command during an outage does not wait again; retried in the background.
            var (teamId, userIds) = SlackNames.UsersIn(first);
            foreach (var id in teamId is null ? [] : userIds)
            {
                directory.NoteUnanswered(teamId!, id);
            }

            // The membership check that follows would wait for the same silent Slack: together they would eat 2 of
            // the 3 seconds Slack gives a command.
            membership.NoteSlackUnreachable();
            SlackEndpointLog.NamesTimedOut(logger, LookupBudget.TotalMilliseconds);
            return first;
        }
    }

    private static SlackAnswer Ephemeral(ChatText reply)
    {
        var payload = AnnouncementBlocks.Render(reply);
        var blocks = new JsonArray();
        foreach (var block in payload.Blocks)
        {
            blocks.Add(block.DeepClone());
        }

        return SlackAnswer.Json(new JsonObject { ["response_type"] = "ephemeral", ["text"] = payload.Text, ["blocks"] = blocks });
    }

    private static SlackAnswer ViewError(string message) =>
        SlackAnswer.Json(new JsonObject
        {
            ["response_action"] = "errors",
            ["errors"] = new JsonObject { [TimelineShortcutModal.KindBlockId] = message },
        });
}
