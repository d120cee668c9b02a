using Microsoft.Extensions.Logging;
using ScribeBot.Alerts.Authentication;

namespace ScribeBot.Alerts.Endpoint;

/// <summary>
/// The endpoints' log lines: what was decided and why, never a body, a signature or a token. Refusals are warnings:
/// a pager that is set up wrong keeps getting them, and an operator looks for exactly that line.
/// </summary>
internal static partial class AlertsLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Source} webhook is off (no secret configured); answered 404")]
    public static partial void Off(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} webhook refused: body over {MaxBytes} bytes")]
    public static partial void TooLarge(ILogger logger, string source, int maxBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} webhook refused: {Outcome}")]
    public static partial void Unauthenticated(ILogger logger, string source, AlertAuthentication outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} webhook refused: {Reason}")]
    public static partial void Refused(ILogger logger, string source, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} webhook malformed: {Reason}")]
    public static partial void Malformed(ILogger logger, string source, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Source} webhook ignored: {Reason}")]
    public static partial void Ignored(ILogger logger, string source, string reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Source} webhook: {Pages} page events, {Recorded} recorded, {Duplicates} duplicates, {Unrouted} unrouted")]
    public static partial void Received(ILogger logger, string source, int pages, int recorded, int duplicates, int unrouted);
}
