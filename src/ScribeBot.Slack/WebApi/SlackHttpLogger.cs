using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace ScribeBot.Slack.WebApi;

/// <summary>
/// Replaces IHttpClientFactory's default request logging for the Slack client. That logging prints each request's
/// URL at Information ("Start processing HTTP request POST ..."), and it redacts only the query: the upload URL from
/// <c>files.getUploadURLExternal</c> is pre-signed in its path, so anyone reading the logs could have used it. Here a
/// request is named by its Web API method, or only by its host when it leaves the API (the upload), at Debug.
/// </summary>
internal sealed partial class SlackHttpLogger(ILogger<SlackHttpLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var target = TargetOf(request);
            LogAnswered(request.Method.Method, target, (int)response.StatusCode, elapsed.TotalMilliseconds);
        }
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var target = TargetOf(request);
            LogFailed(exception, request.Method.Method, target, elapsed.TotalMilliseconds);
        }
    }

    /// <summary><c>chat.postMessage</c> for an API call; for any other URL (a pre-signed upload URL) its host only.</summary>
    internal static string TargetOf(HttpRequestMessage request)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            return "(no URL)";
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2 && segments[^2] == "api"
            ? segments[^1]
            : $"{uri.Host} (pre-signed path withheld)";
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack HTTP {HttpMethod} {Target} answered {StatusCode} in {ElapsedMilliseconds} ms")]
    private partial void LogAnswered(string httpMethod, string target, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack HTTP {HttpMethod} {Target} failed after {ElapsedMilliseconds} ms")]
    private partial void LogFailed(Exception exception, string httpMethod, string target, double elapsedMilliseconds);
}
