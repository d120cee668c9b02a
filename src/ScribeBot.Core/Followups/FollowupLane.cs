using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Followups;

/// <summary>
/// The outbox queue of a channel's follow-up work: the channel with a suffix, so tracker calls queue apart from (and
/// never delay) the channel's chat posts, while two requests for the same channel still run one after the other.
/// </summary>
public static class FollowupLane
{
    private const string Suffix = "/followups";

    public static ChannelRef Of(ChannelRef channel) => channel with { Channel = channel.Channel + Suffix };

    public static bool IsLane(ChannelRef channel) => channel.Channel.EndsWith(Suffix, StringComparison.Ordinal);
}
