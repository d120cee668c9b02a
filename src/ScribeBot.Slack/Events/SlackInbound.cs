using ScribeBot.Core.Channels;
using ScribeBot.Core.Chat;
using ScribeBot.Core.Commands;

namespace ScribeBot.Slack.Events;

/// <summary>
/// What one request (or Socket Mode envelope) from Slack asks of us, already translated into the core's records.
/// Readers return one of the derived records and never throw on bad input.
/// </summary>
internal abstract record SlackInbound;

/// <summary>Slack checks the request URL: answer with <paramref name="Challenge"/>.</summary>
internal sealed record SlackUrlVerification(string Challenge) : SlackInbound;

/// <summary>Slack's redelivery of an event: the attempt number and reason (<c>http_timeout</c>, <c>timeout</c>...).</summary>
internal sealed record SlackRetry(int Attempt, string? Reason);

/// <summary>
/// An Events API callback carrying one event the core understands. <paramref name="EventId"/> dedupes retries.
/// <paramref name="SlackText"/> is the message's text exactly as Slack sent it (for a message or an edit), so
/// <c>SlackNames</c> can decode its mentions again once the names are known.
/// </summary>
internal sealed record SlackEventCallback(
    string EventId, string TeamId, SlackRetry? Retry, SlackChatEvent Event, string? SlackText = null) : SlackInbound;

/// <summary>The normalised event inside a callback: exactly one of the core's chat records.</summary>
internal abstract record SlackChatEvent;

internal sealed record SlackMessagePosted(ChatMessage Message) : SlackChatEvent;

internal sealed record SlackMessageEdited(MessageEdit Edit) : SlackChatEvent;

internal sealed record SlackMessageDeleted(MessageDeletion Deletion) : SlackChatEvent;

internal sealed record SlackReactionChanged(ReactionChange Change) : SlackChatEvent;

/// <summary><c>member_joined_channel</c>: <paramref name="Member"/> (never the bot itself) joined <paramref name="Channel"/>.</summary>
internal sealed record SlackMemberJoined(ChannelRef Channel, Person Member) : SlackChatEvent;

/// <summary>
/// <c>/incident ...</c>. <paramref name="ResponseUrl"/> takes ephemeral answers for 30 minutes;
/// <paramref name="TriggerId"/> opens a modal within 3 seconds (it is also the command's request id).
/// </summary>
internal sealed record SlackSlashCommand(string Command, CommandRequest Request, string? ResponseUrl, string TriggerId) : SlackInbound;

/// <summary>
/// A message shortcut ("Add to incident timeline") on <paramref name="MessageTs"/> in <paramref name="Channel"/>.
/// <paramref name="Original"/> is the message itself, so a message from before the incident started can be tagged.
/// </summary>
internal sealed record SlackMessageShortcut(
    string CallbackId,
    string TriggerId,
    ChannelRef Channel,
    string MessageTs,
    Person User,
    ChatMessage Original,
    string? ResponseUrl) : SlackInbound;

/// <summary>
/// A modal was submitted. <paramref name="Values"/> are the inputs' values by block and action id;
/// <paramref name="TriggerId"/> is the submission's request id (null when Slack left it out).
/// </summary>
internal sealed record SlackViewSubmission(
    string CallbackId,
    string ViewId,
    string TeamId,
    string PrivateMetadata,
    IReadOnlyList<SlackStateValue> Values,
    Person User,
    string? TriggerId = null) : SlackInbound
{
    /// <summary>The first value of an input, or null when the block or action is not there or nothing was chosen.</summary>
    public string? ValueOf(string blockId, string actionId) =>
        Values.FirstOrDefault(v => v.BlockId == blockId && v.ActionId == actionId)?.Values is [var first, ..] ? first : null;
}

/// <summary>One input of a submitted modal: a text value, a selected option's value, a date, a user...; several for multi-selects.</summary>
internal sealed record SlackStateValue(string BlockId, string ActionId, string Type, IReadOnlyList<string> Values);

/// <summary>A well-formed request we have nothing to do with (another event type, a housekeeping subtype...).</summary>
internal sealed record SlackIgnored(string Reason) : SlackInbound;

/// <summary>A request we cannot read; <paramref name="Reason"/> says which part, for the log.</summary>
internal sealed record SlackMalformed(string Reason) : SlackInbound;
