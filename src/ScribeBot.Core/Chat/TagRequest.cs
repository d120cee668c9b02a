using ScribeBot.Core.Channels;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Chat;

/// <summary>
/// "Add to incident timeline" from a message action: tag a message with a kind and optionally a note.
/// <see cref="Original"/> carries the message itself, so a message posted before the incident started (the
/// alert that started it all) can still be put on the timeline.
/// </summary>
public sealed record TagRequest(ChannelRef Channel, string MessageId, TimelineTag Tag, Person User, string? Note, ChatMessage? Original);
