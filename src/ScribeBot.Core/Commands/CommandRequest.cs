using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Commands;

/// <summary>
/// An <c>/incident</c> command as an adapter received it. <see cref="Text"/> is what follows the command name
/// (<c>start Checkout returns 502 sev2</c>). <see cref="RequestId"/> is unique per request (the platform's
/// message id, or a trigger id) and keys the timeline entry the command creates, so a redelivery is harmless.
/// </summary>
public sealed record CommandRequest
{
    public required ChannelRef Channel { get; init; }
    public required Person Caller { get; init; }
    public required string Text { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string RequestId { get; init; }
    public string? Permalink { get; init; }
}
