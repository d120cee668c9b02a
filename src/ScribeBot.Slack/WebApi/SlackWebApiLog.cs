using Microsoft.Extensions.Logging;

namespace ScribeBot.Slack.WebApi;

/// <summary>
/// The Web API client's log lines. They carry the method and Slack's code, never the token, a request or a
/// response body (bodies hold people's messages).
/// </summary>
internal static partial class SlackWebApiLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} failed: {Error} (needed {Needed}, provided {Provided})")]
    public static partial void ApiError(ILogger logger, string method, string error, string? needed, string? provided);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} rate limited; retry after {RetryAfterSeconds} s")]
    public static partial void RateLimited(ILogger logger, string method, double? retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} unavailable: {Reason}")]
    public static partial void Unavailable(ILogger logger, string method, string reason, Exception? exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Method} attempt {Attempt} failed ({Reason}); retrying in {DelaySeconds} s")]
    public static partial void Retrying(ILogger logger, string method, int attempt, string reason, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack bot token is not configured; {Method} is sent without one")]
    public static partial void NoToken(ILogger logger, string method);
}
