using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Chat;

/// <summary>A message was deleted (or, with <see cref="Undeleted"/>, restored).</summary>
public sealed record MessageDeletion(ChannelRef Channel, string MessageId, DateTimeOffset At, bool Undeleted = false);
