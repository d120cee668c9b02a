using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Chat;

/// <summary>
/// A reaction was added to or removed from a message. <see cref="Reaction"/> is the platform's name for it
/// (Slack emoji name without colons, Teams reaction type); the reaction table maps it to a tag.
/// </summary>
public sealed record ReactionChange(ChannelRef Channel, string MessageId, string Reaction, Person User, bool Added);
