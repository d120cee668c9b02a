using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ScribeBot.Core.Channels;

namespace ScribeBot.Teams.Inbound;

/// <summary>
/// Where an activity happened, in the core's terms. A Teams channel is <c>19:...@thread.tacv2</c>; a conversation in
/// it is that id plus <c>;messageid=</c> and the thread's root message, so a channel message's thread is read from
/// there. A chat (1:1 or group) is its conversation id. The tenant is the workspace (incident numbers count per tenant).
/// </summary>
internal sealed record TeamsConversation(ChannelRef Channel, string? ThreadRootId, bool IsChannel, bool IsPersonal)
{
    private const string MessageIdMarker = ";messageid=";

    /// <summary>Teams ids are around a hundred characters; a far longer one is not from Teams and must not be stored.</summary>
    private const int MaxIdLength = 1000;

    /// <summary>The tenant the activity says it comes from: Teams puts it in <c>channelData.tenant.id</c> and <c>conversation.tenantId</c>.</summary>
    public static string? TenantOf(IActivity activity) =>
        TenantOf(activity.ChannelData is null ? null : JObject.FromObject(activity.ChannelData), activity);

    public static TeamsConversation? Of(IActivity activity)
    {
        var channelData = activity.ChannelData is null ? null : JObject.FromObject(activity.ChannelData);
        var tenant = TenantOf(channelData, activity);
        var conversationId = activity.Conversation?.Id ?? string.Empty;
        var channelId = (string?)channelData?.SelectToken("channel.id") ?? (string?)channelData?.SelectToken("teamsChannelId");
        if (!IsId(tenant) || !IsId(conversationId) || (channelId is not null && channelId.Length > MaxIdLength))
        {
            return null;
        }

        var (baseId, root) = Split(conversationId);
        var isChannel = !string.IsNullOrWhiteSpace(channelId) || activity.Conversation!.ConversationType == "channel";
        return new TeamsConversation(
            new ChannelRef(ChatPlatform.Teams, tenant, string.IsNullOrWhiteSpace(channelId) ? baseId : channelId),
            root,
            isChannel,
            activity.Conversation!.ConversationType == "personal" || conversationId.StartsWith("a:", StringComparison.Ordinal));
    }

    // Both places must agree when both are given: otherwise the tenant the bot records would not be the one checked.
    private static string? TenantOf(JObject? channelData, IActivity activity)
    {
        var fromChannelData = channelData?.SelectToken("tenant.id")?.Type == JTokenType.String ? (string?)channelData.SelectToken("tenant.id") : null;
        var fromConversation = activity.Conversation?.TenantId;
        return fromChannelData is null ? fromConversation
            : fromConversation is null || string.Equals(fromChannelData, fromConversation, StringComparison.OrdinalIgnoreCase) ? fromChannelData
            : null;
    }

    private static bool IsId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= MaxIdLength;

    /// <summary>The conversation id without its thread, and the thread's root message id if it names one.</summary>
    public static (string Conversation, string? Root) Split(string conversationId)
    {
        var marker = conversationId.IndexOf(MessageIdMarker, StringComparison.OrdinalIgnoreCase);
        return marker < 0
            ? (conversationId, null)
            : (conversationId[..marker], conversationId[(marker + MessageIdMarker.Length)..]);
    }

    /// <summary>
    /// The thread a message belongs to: the conversation's <c>;messageid=</c> root, else the activity's
    /// <c>replyToId</c>; none for the root post itself (like Slack's <c>thread_ts</c>).
    /// </summary>
    public string? ThreadOf(string messageId, string? replyToId = null) =>
        (ThreadRootId is { Length: > 0 } root ? root : replyToId) is { Length: > 0 } thread && thread != messageId ? thread : null;

    /// <summary>
    /// Teams' deep link to a channel message (learn.microsoft.com, "Deep link to a chat or channel message"). The
    /// team's group id is not in every activity, and the link opens without it.
    /// </summary>
    public string? DeepLink(string messageId, string? replyToId = null)
    {
        if (!IsChannel)
        {
            return null;
        }

        var parent = ThreadOf(messageId, replyToId) ?? messageId;
        return $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(Channel.Channel)}/{Uri.EscapeDataString(messageId)}"
            + $"?tenantId={Uri.EscapeDataString(Channel.Workspace)}&parentMessageId={Uri.EscapeDataString(parent)}&createdTime={Uri.EscapeDataString(messageId)}";
    }
}
