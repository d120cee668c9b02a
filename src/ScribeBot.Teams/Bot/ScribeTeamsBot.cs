using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Logging;
using ScribeBot.Core.Chat;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Text;
using ScribeBot.Teams.Access;
using ScribeBot.Teams.Conversations;
using ScribeBot.Teams.Inbound;

namespace ScribeBot.Teams.Bot;

/// <summary>
/// ScribeBot's turn logic for Teams: reads each activity into a core event, lets the core decide, and answers within
/// the turn. Every store write happens before the turn returns, so Teams gets its 200 only once the work is durable;
/// a failure answers 500 and Teams' redelivery is harmless (entries are keyed by message id, commands by activity id).
/// Channel posts (announcements, drafts) are not sent here but through the outbox.
/// </summary>
internal sealed class ScribeTeamsBot(
    TeamsAccess access,
    CommandHandler commands,
    TimelineCapture capture,
    JoinPointers pointers,
    ConversationAddresses addresses,
    IOutboxStore outbox,
    OutboxSignal outboxSignal,
    TimeProvider time,
    ILogger<ScribeTeamsBot> logger) : TeamsActivityHandler
{
    /// <summary>Commands that make sense outside a team channel, where ScribeBot cannot record an incident.</summary>
    private static readonly HashSet<string> ChatVerbs = new(StringComparer.Ordinal) { "help", "stats", "" };

    /// <summary>
    /// Refuses, before anything is read or stored, what the SDK's authentication does not rule out: a Web Chat or Direct
    /// Line activity dressed as Teams, a tenant that was not allowed, a service URL the bot must not call.
    /// </summary>
    public override Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (access.RefusalOf(turnContext.Activity) is { } refusal)
        {
            throw new TeamsActivityRefusedException(refusal);
        }

        if (access.Mode == TeamsMode.Emulator)
        {
            TeamsLog.EmulatorActivity(logger);
        }

        return base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        switch (TeamsActivityReader.ReadMessage(turnContext.Activity, time.GetUtcNow()))
        {
            case TeamsChatRead chat:
                var result = await capture.RecordAsync(chat.Message, cancellationToken).ConfigureAwait(false);
                TeamsLog.Captured(logger, "message", chat.Conversation.Channel.Key, result);
                break;
            case TeamsCommandRead command:
                await RunCommandAsync(turnContext, command, cancellationToken).ConfigureAwait(false);
                break;
            case TeamsIgnoredRead ignored:
                TeamsLog.Ignored(logger, ignored.Reason);
                break;
        }
    }

    protected override async Task OnTeamsMessageEditAsync(ITurnContext<IMessageUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (TeamsActivityReader.ReadEdit(turnContext.Activity, time.GetUtcNow()) is { } edit)
        {
            var result = await capture.EditAsync(edit, cancellationToken).ConfigureAwait(false);
            TeamsLog.Captured(logger, "edit", edit.Channel.Key, result);
        }
    }

    protected override Task OnTeamsMessageSoftDeleteAsync(ITurnContext<IMessageDeleteActivity> turnContext, CancellationToken cancellationToken) =>
        DeleteAsync(turnContext.Activity, undeleted: false, cancellationToken);

    protected override Task OnTeamsMessageUndeleteAsync(ITurnContext<IMessageUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        DeleteAsync(turnContext.Activity, undeleted: true, cancellationToken);

    protected override Task OnReactionsAddedAsync(
        IList<MessageReaction> messageReactions, ITurnContext<IMessageReactionActivity> turnContext, CancellationToken cancellationToken) =>
        ReactAsync(turnContext.Activity, messageReactions, added: true, cancellationToken);

    protected override Task OnReactionsRemovedAsync(
        IList<MessageReaction> messageReactions, ITurnContext<IMessageReactionActivity> turnContext, CancellationToken cancellationToken) =>
        ReactAsync(turnContext.Activity, messageReactions, added: false, cancellationToken);

    /// <summary>
    /// People added to a team or channel with an open incident get a one-line pointer to it, posted in the channel (Teams
    /// has no message only one person sees there): one post per activity, however many were added. Overridden at the
    /// dispatch so the SDK does not ask the connector for each member's profile inside the turn; only their ids matter,
    /// and the bot's own arrival needs no pointer.
    /// </summary>
    protected override async Task OnTeamsMembersAddedDispatchAsync(
        IList<ChannelAccount> membersAdded, TeamInfo teamInfo, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var people = membersAdded.Where(m => !string.IsNullOrEmpty(m.Id) && m.Id != activity.Recipient?.Id).ToList();
        if (people.Count == 0 || string.IsNullOrWhiteSpace(activity.Id) || TeamsConversation.Of(activity) is not { IsPersonal: false } conversation)
        {
            TeamsLog.Ignored(logger, "a members-added update with nobody to point at an incident");
            return;
        }

        var pointed = await pointers.PointAsync(conversation.Channel, TeamsActivityReader.PersonOf(people[0]), activity.Id, privately: false, cancellationToken)
            .ConfigureAwait(false);
        TeamsLog.Joined(logger, conversation.Channel.Key, people.Count, pointed);
    }

    /// <summary>
    /// The SDK answers an invoke it has no handler for (an unknown name, an Adaptive Card action) with 501, which is
    /// a server error; it is the sender's request that is wrong.
    /// </summary>
    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        // The SDK casts a value-less invoke's value with JObject.FromObject(null), an ArgumentNullException (a 500).
        if (turnContext.Activity.Value is null && turnContext.Activity.Name != "healthCheck")
        {
            TeamsLog.Ignored(logger, "an invoke without a value");
            return new InvokeResponse { Status = (int)System.Net.HttpStatusCode.BadRequest };
        }

        var response = await base.OnInvokeActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (response.Status == (int)System.Net.HttpStatusCode.NotImplemented)
        {
            TeamsLog.Ignored(logger, "an invoke ScribeBot has no handler for");
            return new InvokeResponse { Status = (int)System.Net.HttpStatusCode.BadRequest };
        }

        return response;
    }

    // A fetchTask or submitAction without a value reaches here with a null action.
    protected override Task<MessagingExtensionActionResponse> OnTeamsMessagingExtensionFetchTaskAsync(
        ITurnContext<IInvokeActivity> turnContext, MessagingExtensionAction action, CancellationToken cancellationToken) =>
        Task.FromResult(action?.CommandId == TimelineActionCard.CommandId
            ? TimelineActionCard.Dialog()
            : TimelineActionCard.Message($"ScribeBot has no action '{TextShortener.Shorten(action?.CommandId)}'."));

    protected override async Task<MessagingExtensionActionResponse> OnTeamsMessagingExtensionSubmitActionAsync(
        ITurnContext<IInvokeActivity> turnContext, MessagingExtensionAction action, CancellationToken cancellationToken)
    {
        if (action?.CommandId != TimelineActionCard.CommandId)
        {
            return TimelineActionCard.Message($"ScribeBot has no action '{TextShortener.Shorten(action?.CommandId)}'.");
        }

        var (request, error) = TeamsActivityReader.ReadTagSubmission(turnContext.Activity, action, time.GetUtcNow());
        if (request is null)
        {
            TeamsLog.TagRefused(logger, error!);
            return TimelineActionCard.Message(error!);
        }

        if (request.Note is { Length: > TimelineActionCard.MaxNoteLength })
        {
            return TimelineActionCard.Message($"Keep the note to {TimelineActionCard.MaxNoteLength} characters.");
        }

        var result = await capture.TagAsync(request, cancellationToken).ConfigureAwait(false);
        TeamsLog.Tagged(logger, request.MessageId, request.Channel.Key, request.Tag, result);
        return result switch
        {
            CaptureResult.IgnoredNoOpenIncident => TimelineActionCard.Message("This channel has no incident to add the message to."),
            CaptureResult.IgnoredUnknownMessage => TimelineActionCard.Message("This message was posted after the incident was resolved."),
            _ => TimelineActionCard.Done(),
        };
    }

    private async Task RunCommandAsync(ITurnContext<IMessageActivity> turnContext, TeamsCommandRead command, CancellationToken cancellationToken)
    {
        var channel = command.Conversation.Channel;

        // Stored before anything is answered: the command's posts and the reply wait in the outbox for this address,
        // and a restart must find it.
        await addresses.RememberAsync(channel, turnContext.Activity.GetConversationReference(), cancellationToken).ConfigureAwait(false);
        if (!command.Conversation.IsChannel && !ChatVerbs.Contains(command.Verb))
        {
            await ReplyAsync(command, ChatText.Of(
                "Incidents are recorded in team channels: mention me there, like @ScribeBot incident start <title> [sev1-4]. Here I can show help and stats."),
                cancellationToken).ConfigureAwait(false);
            return;
        }

        var outcome = await commands.HandleAsync(command.Request, cancellationToken).ConfigureAwait(false);
        TeamsLog.CommandHandled(logger, channel.Key, outcome.Accepted);

        // Teams has no message only the caller sees in a channel, so the reply goes to the thread, like the posts.
        // When the command posts to the channel, that post says what happened; a second message would be noise.
        if (!string.IsNullOrWhiteSpace(outcome.Reply.ToPlainString()) && (!outcome.Accepted || outcome.Posts.Count == 0))
        {
            await ReplyAsync(command, outcome.Reply, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The answer to a command, through the outbox like every post: the connector may be throttling or down when the
    /// command is stored, and an answer is not something to lose. Its id derives from the command's activity id, so a
    /// redelivered command does not answer twice.
    /// </summary>
    private async Task ReplyAsync(TeamsCommandRead command, ChatText reply, CancellationToken cancellationToken)
    {
        var post = new AnnouncementPost(command.Conversation.Channel, reply);
        await outbox.EnqueueAsync(OutboxItem.For($"{command.Request.RequestId}/reply", [post], incidentId: null, time.GetUtcNow()), cancellationToken)
            .ConfigureAwait(false);
        outboxSignal.Notify();
    }

    private async Task DeleteAsync(IActivity activity, bool undeleted, CancellationToken cancellationToken)
    {
        if (TeamsActivityReader.ReadDeletion(activity, undeleted, time.GetUtcNow()) is { } deletion)
        {
            var result = await capture.DeleteAsync(deletion, cancellationToken).ConfigureAwait(false);
            TeamsLog.Captured(logger, undeleted ? "undelete" : "delete", deletion.Channel.Key, result);
        }
    }

    private async Task ReactAsync(IMessageReactionActivity activity, IEnumerable<MessageReaction> reactions, bool added, CancellationToken cancellationToken)
    {
        foreach (var change in TeamsActivityReader.ReadReactions(activity, reactions, added))
        {
            var result = await capture.ReactAsync(change, cancellationToken).ConfigureAwait(false);
            TeamsLog.Captured(logger, added ? "reaction added" : "reaction removed", change.Channel.Key, result);
        }
    }
}
