using ScribeBot.Core.Channels;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Commands;

/// <summary>Something the bot must post in a channel (for everyone), as opposed to a reply to the caller.</summary>
public abstract record ChannelPost(ChannelRef Channel);

/// <summary>A short announcement: incident started, acknowledged, escalated, resolved...</summary>
public sealed record AnnouncementPost(ChannelRef Channel, ChatText Text) : ChannelPost(Channel);

/// <summary>
/// A short notice in a channel that only <paramref name="Recipient"/> sees (Slack's ephemeral message), where the
/// platform has one; elsewhere it is an announcement. Used for the pointer a person gets on joining a channel with an
/// open incident, which nobody else needs to see.
/// </summary>
public sealed record PrivatePost(ChannelRef Channel, Person Recipient, ChatText Text) : ChannelPost(Channel);

/// <summary>The timeline of an incident so far, rendered when delivered.</summary>
public sealed record TimelinePost(ChannelRef Channel, string IncidentId) : ChannelPost(Channel);

/// <summary>The postmortem draft of an incident, rendered when delivered.</summary>
public sealed record PostmortemPost(ChannelRef Channel, string IncidentId) : ChannelPost(Channel);

/// <summary>
/// Create the tracker issues of an incident's tasks that have none yet (<c>/incident followups</c>, or on resolve).
/// Delivered by the follow-up delivery, not a chat poster. Its <see cref="ChannelPost.Channel"/> is the incident
/// channel's follow-up lane (<see cref="Followups.FollowupLane"/>): the outbox keeps one queue a channel, and a
/// tracker outage must not hold that channel's chat posts. <paramref name="Requester"/> hears of a refusal.
/// </summary>
public sealed record FollowupsPost(ChannelRef Channel, string IncidentId, Person Requester) : ChannelPost(Channel);
