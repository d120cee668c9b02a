using Microsoft.Extensions.Logging;
using ScribeBot.Core.Chat;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Teams;

/// <summary>The Teams adapter's log events; user text is never logged, ids are.</summary>
internal static partial class TeamsLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "Teams: Teams:AllowUnauthenticated is on and MicrosoftAppId is empty, so POST /api/messages accepts requests WITHOUT authentication from this machine (loopback peers without relay headers) and posts only to loopback service URLs. For the Bot Framework Emulator only: set MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId to connect Teams.")]
    public static partial void Unauthenticated(ILogger logger);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Debug, Message = "Teams: request answered 404 (mode {Mode})")]
    public static partial void Closed(ILogger logger, Access.TeamsMode mode);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning,
        Message = "Teams: unauthenticated activity accepted from this machine (Emulator mode)")]
    public static partial void EmulatorActivity(ILogger logger);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Teams: {Activity} in {Channel}: {Result}")]
    public static partial void Captured(ILogger logger, string activity, string channel, CaptureResult result);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Teams: command in {Channel} accepted={Accepted}")]
    public static partial void CommandHandled(ILogger logger, string channel, bool accepted);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Teams: ignored {Reason}")]
    public static partial void Ignored(ILogger logger, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Teams: message {MessageId} in {Channel} tagged {Tag}: {Result}")]
    public static partial void Tagged(ILogger logger, string messageId, string channel, TimelineTag tag, CaptureResult result);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Teams: message action refused: {Reason}")]
    public static partial void TagRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Error, Message = "Teams: turn failed on {Path} (correlation id {CorrelationId}); Teams will redeliver")]
    public static partial void TurnFailed(ILogger logger, string path, string correlationId, Exception exception);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "Teams: request refused with {Status}: {Reason}")]
    public static partial void Refused(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning,
        Message = "Teams: request answered 503: the Bot Framework's signing keys could not be fetched to verify its token (is login.botframework.com reachable?)")]
    public static partial void SigningKeysUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Debug, Message = "Teams: request answered 503: the store is unavailable; Teams will redeliver")]
    public static partial void StoreUnavailable(ILogger logger);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Debug, Message = "Teams: {Count} added to {Channel}; pointed at an open incident: {Pointed}")]
    public static partial void Joined(ILogger logger, string channel, int count, bool pointed);
}
