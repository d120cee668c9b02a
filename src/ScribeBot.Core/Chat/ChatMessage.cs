using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Chat;

/// <summary>
/// A message seen in a channel, normalised by an adapter. <see cref="MessageId"/> is the platform's id
/// (Slack <c>ts</c>, Teams activity id) and makes redelivery harmless.
/// </summary>
public sealed record ChatMessage
{
    public required ChannelRef Channel { get; init; }
    public required string MessageId { get; init; }
    public string? ThreadId { get; init; }
    public required DateTimeOffset At { get; init; }
    public required Person Author { get; init; }
    public required string Text { get; init; }
    public string? Permalink { get; init; }

    /// <summary>True when ScribeBot itself wrote the message: it is never recorded.</summary>
    public bool IsFromSelf { get; init; }
}
