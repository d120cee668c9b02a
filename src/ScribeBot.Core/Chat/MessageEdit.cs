using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Chat;

/// <summary>A message's text was changed at <see cref="At"/>.</summary>
public sealed record MessageEdit(ChannelRef Channel, string MessageId, string NewText, DateTimeOffset At);
