using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Chat;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Text;
using ScribeBot.Slack.Blocks;
using ScribeBot.Slack.Events;
using ScribeBot.Slack.Interaction;
using ScribeBot.Slack.Verification;
using ScribeBot.Slack.WebApi;

namespace ScribeBot.Slack.Endpoint;

/// <summary>
/// <c>POST /slack/events</c>: everything Slack delivers over HTTP. Verifies first and does nothing for a request that
/// fails; then reads, does the work and answers. Work that must last (a captured message, a command's change) is
/// committed to the store before the 200, so a failure answers 500 and Slack delivers again; the dedupe set and the
/// core's idempotency make that redelivery harmless. Exceptions propagate to the host's one exception handler, except
/// a slash command's, which the caller is told about with a correlation id instead of Slack's generic failure.
/// </summary>
internal sealed class SlackEventsEndpoint(
    SlackRequestVerifier verifier,
    SlackBotIdentity identity,
    SlackEventDeduplicator deduplicator,
    ISlackUserDirectory directory,
    IOptions<SlackOptions> options,
    CommandHandler commands,
    TimelineCapture capture,
    SlackWebApiClient slack,
    SlackChannelMembership membership,
    TimeProvider time,
    ILogger<SlackEventsEndpoint> logger)
{
    /// <summary>Slack's payloads are a few KiB; a megabyte leaves room for a long message and bounds what we buffer.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// How long one request may spend asking Slack about names and the bot's identity: Slack wants its answer in 3 s,
    /// and the store commit comes after. Past it, people are shown by id, never is the request failed.
    /// </summary>
    public static readonly TimeSpan LookupBudget = TimeSpan.FromMilliseconds(1500);

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var request = context.Request;
        var body = request.ContentLength > MaxBodyBytes ? null : await ReadBoundedAsync(request.Body, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            SlackEndpointLog.TooLarge(logger, MaxBodyBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var verification = verifier.Verify(
            request.Headers["X-Slack-Request-Timestamp"].ToString(), request.Headers["X-Slack-Signature"].ToString(), body);
        if (!verification.IsValid)
        {
            SlackEndpointLog.Unverified(logger, verification.Outcome);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        SlackEndpointLog.Verified(logger);
        using var budget = new CancellationTokenSource(LookupBudget, time);
        using var lookups = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, cancellationToken);

        var contentType = request.ContentType;
        var requestAt = verification.Timestamp!.Value;
        var retry = SlackInboundReader.RetryFromHeaders(
            request.Headers["X-Slack-Retry-Num"].ToString(), request.Headers["X-Slack-Retry-Reason"].ToString());
        var reader = await identity.ReaderAsync(lookups.Token).ConfigureAwait(false);
        var first = reader.ReadHttp(contentType, body, requestAt, retry);
        var inbound = first is SlackEventCallback callback && deduplicator.WasHandled(callback.EventId)
            ? first
            : await WithNamesAsync(first, names => reader.ReadHttp(contentType, body, requestAt, retry, names), lookups.Token, cancellationToken)
                .ConfigureAwait(false);

        switch (inbound)
        {
            case SlackUrlVerification verificationRequest:
                return Json(new JsonObject { ["challenge"] = verificationRequest.Challenge });
            case SlackEventCallback eventCallback:
                await CaptureAsync(eventCallback, cancellationToken).ConfigureAwait(false);
                return Results.Ok();
            case SlackSlashCommand command:
                return await RunCommandAsync(command, context.TraceIdentifier, cancellationToken).ConfigureAwait(false);
            case SlackMessageShortcut shortcut:
                await OpenModalAsync(shortcut, cancellationToken).ConfigureAwait(false);
                return Results.Ok();
            case SlackViewSubmission submission:
                return await SubmitModalAsync(submission, cancellationToken).ConfigureAwait(false);
            case SlackMalformed malformed:
                SlackEndpointLog.Malformed(logger, malformed.Reason);
                return Results.StatusCode(StatusCodes.Status400BadRequest);
            case SlackIgnored ignored:
                SlackEndpointLog.Ignored(logger, ignored.Reason);
                return Results.Ok();
            default:
                SlackEndpointLog.Ignored(logger, inbound.GetType().Name);
                return Results.Ok();
        }
    }

    private async Task CaptureAsync(SlackEventCallback callback, CancellationToken cancellationToken)
    {
        if (deduplicator.WasHandled(callback.EventId))
        {
            SlackEndpointLog.DuplicateEvent(logger, callback.EventId, callback.Retry?.Attempt ?? 0);
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
        deduplicator.MarkHandled(callback.EventId);
        SlackEndpointLog.Captured(logger, callback.EventId, channel.Key, result);
    }

    private async Task<IResult> RunCommandAsync(SlackSlashCommand command, string correlationId, CancellationToken cancellationToken)
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
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Slack would show its own "failed with the error dispatch_failed"; a correlation id lets the caller report it.
            SlackEndpointLog.CommandFailed(logger, channel, correlationId, exception);
            return Ephemeral(ChatText.Of($"Something went wrong (correlation id {correlationId})."));
        }

        SlackEndpointLog.CommandHandled(logger, channel, outcome.Accepted);
        // The handler has stored the channel posts in the outbox in the same commit as the command's change; the
        // outbox dispatcher delivers them. Only the caller's reply goes back in this response.
        var reply = member.Notice is { } notice
            ? string.IsNullOrWhiteSpace(outcome.Reply.ToPlainString()) ? notice : outcome.Reply + ChatText.Of("\n\n") + notice
            : outcome.Reply;
        return string.IsNullOrWhiteSpace(reply.ToPlainString()) ? Results.Ok() : Ephemeral(reply);
    }

    private async Task OpenModalAsync(SlackMessageShortcut shortcut, CancellationToken cancellationToken)
    {
        if (shortcut.CallbackId != TimelineShortcutModal.ShortcutCallbackId)
        {
            SlackEndpointLog.UnknownCallback(logger, "shortcut", shortcut.CallbackId);
            return;
        }

        var opened = await slack.OpenViewAsync(shortcut.TriggerId, TimelineShortcutModal.Build(shortcut), cancellationToken)
            .ConfigureAwait(false);
        if (!opened.IsOk)
        {
            // The trigger is valid for 3 s only; a retry could not succeed, and the person can use the shortcut again.
            SlackEndpointLog.ModalNotOpened(logger, shortcut.Channel.Key, opened.Error);
        }
    }

    private async Task<IResult> SubmitModalAsync(SlackViewSubmission submission, CancellationToken cancellationToken)
    {
        if (submission.CallbackId != TimelineShortcutModal.ViewCallbackId)
        {
            SlackEndpointLog.UnknownCallback(logger, "view", submission.CallbackId);
            return Results.Ok();
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
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }

        var result = await capture.TagAsync(tagRequest, cancellationToken).ConfigureAwait(false);
        SlackEndpointLog.Tagged(logger, tagRequest.MessageId, tagRequest.Channel.Key, tag, result);
        return result switch
        {
            CaptureResult.IgnoredNoOpenIncident => ViewError("This channel has no incident to add the message to."),
            CaptureResult.IgnoredUnknownMessage => ViewError("This message was posted after the incident was resolved."),
            _ => Results.Ok(),
        };
    }

    /// <summary>
    /// Names from users.info, within the request's lookup budget. Without a bot token there is nobody to ask; when
    /// Slack is slow or down the people stay named by id. A name is a nicety, the record is not.
    /// </summary>
    private async Task<SlackInbound> WithNamesAsync(
        SlackInbound first,
        Func<IReadOnlyDictionary<string, string>, SlackInbound> readAgain,
        CancellationToken lookups,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.BotToken) || first is SlackMalformed or SlackIgnored or SlackUrlVerification)
        {
            return first;
        }

        try
        {
            var named = await SlackNames.ResolveAsync(first, readAgain, directory, lookups).ConfigureAwait(false);
            return named.GetType() == first.GetType() ? named : first;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            SlackEndpointLog.NamesTimedOut(logger, LookupBudget.TotalMilliseconds);
            return first;
        }
    }

    /// <summary>Reads at most <see cref="MaxBodyBytes"/>; null when the body is longer (the rest is never read).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult Ephemeral(ChatText reply)
    {
        var payload = AnnouncementBlocks.Render(reply);
        var blocks = new JsonArray();
        foreach (var block in payload.Blocks)
        {
            blocks.Add(block.DeepClone());
        }

        return Json(new JsonObject { ["response_type"] = "ephemeral", ["text"] = payload.Text, ["blocks"] = blocks });
    }

    private static IResult ViewError(string message) =>
        Json(new JsonObject
        {
            ["response_action"] = "errors",
            ["errors"] = new JsonObject { [TimelineShortcutModal.KindBlockId] = message },
        });

    private static IResult Json(JsonObject body) =>
        Results.Text(body.ToJsonString(), "application/json; charset=utf-8");
}
