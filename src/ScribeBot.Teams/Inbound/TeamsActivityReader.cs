using System.Globalization;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Chat;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Tagging;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Teams.Inbound;

/// <summary>
/// Translates Teams activities into the core's chat events. Pure: the Bot Framework types stop here, and every
/// method answers null (or an ignored read) for an activity it cannot place rather than guess.
/// </summary>
internal static class TeamsActivityReader
{
    private const string CommandWord = "incident";
    private const string SlashCommand = "/incident";

    /// <summary>
    /// A message is a command when it mentions the bot (<c>@ScribeBot incident ack</c>, <c>@ScribeBot ack</c>), when
    /// it begins with <c>/incident</c> (the hints the bot prints use that form on every platform, and with
    /// resource-specific consent the bot sees such a message without a mention), or when it comes in a 1:1 chat.
    /// Everything else in a channel is a chat line.
    /// </summary>
    public static TeamsMessageRead ReadMessage(IMessageActivity activity, DateTimeOffset now)
    {
        var conversation = TeamsConversation.Of(activity);
        if (conversation is null || string.IsNullOrWhiteSpace(activity.Id) || activity.From is null)
        {
            return new TeamsIgnoredRead("message without tenant, conversation, id or sender");
        }

        var botMentions = activity.GetMentions()
            .Where(m => m.Mentioned?.Id is { } id && id == activity.Recipient?.Id)
            .Select(m => m.Text ?? string.Empty)
            .ToArray();
        var at = activity.Timestamp ?? now;
        var author = PersonOf(activity.From);
        if (botMentions.Length > 0 || conversation.IsPersonal || StartsWithWord(TeamsText.ToPlain(activity.Text), SlashCommand))
        {
            var text = CommandText(TeamsText.WithoutMentionsOf(activity.Text, botMentions));
            return new TeamsCommandRead(conversation, new CommandRequest
            {
                Channel = conversation.Channel,
                Caller = author,
                Text = text,
                At = at,
                RequestId = activity.Id,
                Permalink = conversation.DeepLink(activity.Id),
            });
        }

        var plain = TeamsText.ToPlain(activity.Text);
        if (plain.Length == 0 && (activity.Attachments?.Count ?? 0) == 0)
        {
            return new TeamsIgnoredRead("message without text");
        }

        return new TeamsChatRead(conversation, new ChatMessage
        {
            Channel = conversation.Channel,
            MessageId = activity.Id,
            ThreadId = conversation.ThreadOf(activity.Id, activity.ReplyToId),
            At = at,
            Author = author,
            Text = plain.Length > 0 ? plain : "(attachment)",
            Permalink = conversation.DeepLink(activity.Id, activity.ReplyToId),
            IsFromSelf = activity.From.Id == activity.Recipient?.Id,
        });
    }

    /// <summary>
    /// An edited message (<c>messageUpdate</c>, <c>channelData.eventType</c> <c>editMessage</c>). An edit that carries no text says nothing about the new text and is not applied.
    /// </summary>
    public static MessageEdit? ReadEdit(IMessageUpdateActivity activity, DateTimeOffset now) =>
        TeamsConversation.Of(activity) is { } conversation && !string.IsNullOrWhiteSpace(activity.Id) && activity.Text is not null
            ? new MessageEdit(conversation.Channel, activity.Id, TeamsText.ToPlain(activity.Text), activity.Timestamp ?? now)
            : null;

    /// <summary>A soft delete (<c>messageDelete</c>) or, with <paramref name="undeleted"/>, its undo (<c>messageUpdate</c>).</summary>
    public static MessageDeletion? ReadDeletion(IActivity activity, bool undeleted, DateTimeOffset now) =>
        TeamsConversation.Of(activity) is { } conversation && !string.IsNullOrWhiteSpace(activity.Id)
            ? new MessageDeletion(conversation.Channel, activity.Id, activity.Timestamp ?? now, undeleted)
            : null;

    /// <summary>
    /// One change per reaction in a <c>messageReaction</c> activity; the message is <c>replyToId</c>. Teams sends no
    /// name with reactions, so the person is known by id.
    /// </summary>
    public static IReadOnlyList<ReactionChange> ReadReactions(IMessageReactionActivity activity, IEnumerable<MessageReaction> reactions, bool added)
    {
        if (TeamsConversation.Of(activity) is not { } conversation || string.IsNullOrWhiteSpace(activity.ReplyToId) || activity.From is null)
        {
            return [];
        }

        var user = PersonOf(activity.From);
        return reactions
            .Where(r => !string.IsNullOrWhiteSpace(r.Type))
            .Select(r => new ReactionChange(conversation.Channel, activity.ReplyToId, r.Type, user, added))
            .ToArray();
    }

    /// <summary>
    /// The "Add to incident timeline" submit: the kind and note the person chose, the message from
    /// <c>messagePayload</c> (so a message from before the incident can be added), the person who submitted.
    /// Returns an error to show in the dialog when the submit cannot be placed.
    /// </summary>
    public static (TagRequest? Request, string? Error) ReadTagSubmission(IInvokeActivity activity, MessagingExtensionAction action, DateTimeOffset now)
    {
        var conversation = TeamsConversation.Of(activity);
        var payload = action.MessagePayload;
        if (conversation is null || payload is null || string.IsNullOrWhiteSpace(payload.Id) || activity.From is null)
        {
            return (null, "Use \"Add to incident timeline\" from the menu of a channel message.");
        }

        if (!conversation.IsChannel)
        {
            return (null, "Incidents are recorded in team channels; this message is not in one.");
        }

        var data = action.Data is null ? null : JObject.FromObject(action.Data);
        if (KindOf((string?)data?["kind"]) is not { } tag)
        {
            return (null, "Choose one of the listed kinds.");
        }

        var note = ((string?)data?["note"])?.Trim();
        var original = OriginalOf(conversation, payload, now);
        return (new TagRequest(conversation.Channel, payload.Id, tag, PersonOf(activity.From), string.IsNullOrEmpty(note) ? null : note, original), null);
    }

    /// <summary>
    /// A person by their Entra object id when Teams sends it: a message action's payload names people only by that
    /// id, so the same person tags and talks under one id. The Teams user id (<c>29:...</c>) is the fallback.
    /// </summary>
    public static Person PersonOf(ChannelAccount account)
    {
        var id = string.IsNullOrWhiteSpace(account.AadObjectId) ? account.Id : account.AadObjectId;
        return new Person(id, string.IsNullOrWhiteSpace(account.Name) ? id : account.Name);
    }

    private static ChatMessage OriginalOf(TeamsConversation conversation, MessageActionsPayload payload, DateTimeOffset now)
    {
        var user = payload.From?.User;
        var author = user is null
            ? new Person("unknown", "someone")
            : new Person(user.Id ?? "unknown", string.IsNullOrWhiteSpace(user.DisplayName) ? user.Id ?? "someone" : user.DisplayName);
        var at = CreatedAt(payload) ?? now;
        var thread = string.IsNullOrWhiteSpace(payload.ReplyToId) ? conversation.ThreadOf(payload.Id) : payload.ReplyToId;
        return new ChatMessage
        {
            Channel = conversation.Channel,
            MessageId = payload.Id,
            ThreadId = thread == payload.Id ? null : thread,
            At = at,
            Author = author,
            Text = TeamsText.ToPlain(payload.Body?.Content),
            Permalink = payload.LinkToMessage?.AbsoluteUri ?? conversation.DeepLink(payload.Id),
        };
    }

    /// <summary>
    /// When the message was posted. A Teams message id is its creation time in milliseconds since the epoch, and
    /// unlike <c>createdDateTime</c> it survives Newtonsoft's date parsing of the invoke's value (which drops the
    /// milliseconds when the SDK turns the value back into a string).
    /// </summary>
    private static DateTimeOffset? CreatedAt(MessageActionsPayload payload)
    {
        if (long.TryParse(payload.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds is > 946_684_800_000 and < 32_503_680_000_000)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        return DateTimeOffset.TryParse(payload.CreatedDateTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
            ? created.ToUniversalTime()
            : null;
    }

    /// <summary>
    /// The kind from the dialog: our card sends the tag's name (<c>root-cause</c>); a client that sends the label
    /// (<c>Root cause</c>) or another spelling (<c>root_cause</c>, <c>rootcause</c>) means the same kind.
    /// </summary>
    internal static TimelineTag? KindOf(string? value)
    {
        var wanted = Letters(value ?? string.Empty);
        foreach (var (tag, label) in TagChoices.MessageActionKinds)
        {
            if (wanted.Length > 0 && (wanted == Letters(tag.ToName()) || wanted == Letters(label)))
            {
                return tag;
            }
        }

        return null;
    }

    private static string Letters(string text) => new(text.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());

    /// <summary><c>incident start X</c> and <c>/incident start X</c> become <c>start X</c>; <c>start X</c> stays.</summary>
    private static string CommandText(string text)
    {
        foreach (var prefix in new[] { SlashCommand, CommandWord })
        {
            if (StartsWithWord(text, prefix))
            {
                return text[prefix.Length..].Trim();
            }
        }

        return text.Trim();
    }

    private static bool StartsWithWord(string text, string word) =>
        text.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (text.Length == word.Length || char.IsWhiteSpace(text[word.Length]));
}
