using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace ScribeBot.Slack.SocketMode;

/// <summary>Socket Mode's log lines: the connection's life and each envelope's fate, never a token, URL ticket or body.</summary>
internal static partial class SlackSocketModeLog
{
    // Debug: the start-up summary's Slack line already says whether Socket Mode or HTTP takes Slack's events.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack Socket Mode is off: Slack:AppToken is not set")]
    public static partial void Off(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack apps.connections.open failed ({Error}); retrying in {DelaySeconds} s")]
    public static partial void OpenFailed(ILogger logger, string error, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connected to {Host}")]
    public static partial void Connected(ILogger logger, string host);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack Socket Mode hello ({Connections} connections)")]
    public static partial void Hello(ILogger logger, int connections);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode disconnect requested ({Reason}); opening a new connection")]
    public static partial void DisconnectRequested(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection lost ({Reason}); reconnecting in {DelaySeconds} s")]
    public static partial void ConnectionLost(ILogger logger, string reason, double delaySeconds, Exception? exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode closed by Slack ({Status}); reconnecting in {DelaySeconds} s")]
    public static partial void ClosedBySlack(ILogger logger, WebSocketCloseStatus? status, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode message over {MaxBytes} bytes dropped")]
    public static partial void TooLarge(ILogger logger, int maxBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode frame unreadable: {Reason}")]
    public static partial void Unreadable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack Socket Mode {Type} message ignored")]
    public static partial void ControlIgnored(ILogger logger, string type);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack Socket Mode envelope {EnvelopeId} ({Type}) acknowledged")]
    public static partial void Acked(ILogger logger, string envelopeId, string type);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Slack Socket Mode envelope {EnvelopeId} ({Type}) failed; not acknowledged, so Slack delivers it again")]
    public static partial void EnvelopeFailed(ILogger logger, string envelopeId, string type, Exception exception);
}
