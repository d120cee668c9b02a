using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Followups;

/// <summary>Which tracker a channel's follow-ups go to (configuration: the default, or the channel's override).</summary>
public interface IFollowupTrackers
{
    /// <summary>The channel's tracker; null when none is configured for it.</summary>
    IFollowupTracker? For(ChannelRef channel);

    /// <summary>Whether resolving an incident queues its follow-ups (<c>Followups:OnResolve</c>).</summary>
    bool OnResolve { get; }
}
