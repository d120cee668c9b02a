using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Slack.Events;

namespace ScribeBot.Slack.WebApi;

/// <summary>
/// Sends one Web API call and classifies its answer: Slack's <c>ok:false</c> is an Error, a 429 is RateLimited with its
/// <c>Retry-After</c>, a 5xx, a network failure, a timeout or a body that is not Slack's JSON is Unavailable; only the
/// caller's cancellation throws. Idempotent reads retry a few times, honouring <c>Retry-After</c>; writes are sent once
/// (see <see cref="SlackApiRetry"/>). Every answer is read through <see cref="JsonFields"/>.
/// </summary>
internal sealed class SlackApiTransport(HttpClient http, IOptions<SlackOptions> options, TimeProvider time, ILogger logger)
{
    /// <summary>Attempts for an idempotent read, the first included.</summary>
    internal const int ReadAttempts = 3;

    /// <summary>A read waits at most this long for a rate limit; longer, the caller gets RateLimited and moves on.</summary>
    internal static readonly TimeSpan MaxReadRetryDelay = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan UnavailableRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Calls <paramref name="method"/> with the bot token. <paramref name="read"/> picks the value out of an <c>ok:true</c>
    /// answer; null means the answer lacks it (Unavailable, <c>invalid_response</c>).
    /// </summary>
    public Task<SlackApiResult<T>> CallAsync<T>(
        string method,
        Func<HttpRequestMessage> buildRequest,
        SlackApiRetry retry,
        Func<JsonElement, T?> read,
        CancellationToken cancellationToken) =>
        CallAsync(method, buildRequest, retry, read, SlackApiToken.Bot, cancellationToken);

    public async Task<SlackApiResult<T>> CallAsync<T>(
        string method,
        Func<HttpRequestMessage> buildRequest,
        SlackApiRetry retry,
        Func<JsonElement, T?> read,
        SlackApiToken credential,
        CancellationToken cancellationToken)
    {
        var attempts = retry == SlackApiRetry.Never ? 1 : ReadAttempts;
        for (var attempt = 1; ; attempt++)
        {
            var result = await SendOnceAsync(method, buildRequest, read, credential, cancellationToken).ConfigureAwait(false);
            if (attempt >= attempts
                || (retry == SlackApiRetry.ReadsButNotRateLimits && result.Status == SlackApiStatus.RateLimited)
                || RetryDelay(result) is not { } delay)
            {
                return result;
            }

            SlackWebApiLog.Retrying(logger, method, attempt, result.Error ?? "", delay.TotalSeconds);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends bytes to a pre-signed upload URL on another host (files.slack.com), so the bot token is not sent there.
    /// Slack answers 200 with plain text, not JSON. Sent once.
    /// </summary>
    public async Task<SlackApiResult<bool>> UploadAsync(Uri url, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        const string Method = "file upload";
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ReadOnlyMemoryContent(content),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return SlackApiResult.Ok(true);
            }

            return StatusFailure<bool>(Method, response);
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken, out var reason))
        {
            SlackWebApiLog.Unavailable(logger, Method, reason, exception);
            return SlackApiResult.Unavailable<bool>(reason);
        }
    }

    /// <summary>How long to wait before the next attempt of a read, or null when trying again would not help.</summary>
    private static TimeSpan? RetryDelay<T>(SlackApiResult<T> result) => result.Status switch
    {
        // Slack documents Retry-After on every 429; without it, wait as for an outage rather than hammer.
        SlackApiStatus.RateLimited => result.RetryAfter is not { } after ? UnavailableRetryDelay
            : after <= MaxReadRetryDelay ? after
            : null,
        SlackApiStatus.Unavailable => UnavailableRetryDelay,
        _ => null,
    };

    private async Task<SlackApiResult<T>> SendOnceAsync<T>(
        string method,
        Func<HttpRequestMessage> buildRequest,
        Func<JsonElement, T?> read,
        SlackApiToken credential,
        CancellationToken cancellationToken)
    {
        using var request = buildRequest();
        var token = credential == SlackApiToken.App ? options.Value.AppToken : options.Value.BotToken;
        if (string.IsNullOrWhiteSpace(token))
        {
            SlackWebApiLog.NoToken(logger, method);
        }
        else
        {
            // Per request, not on DefaultRequestHeaders: the upload URL on another host must not receive it.
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken)
                .ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            {
                return StatusFailure<T>(method, response);
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return Read(method, response.StatusCode, bytes, read);
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken, out var reason))
        {
            SlackWebApiLog.Unavailable(logger, method, reason, exception);
            return SlackApiResult.Unavailable<T>(reason);
        }
    }

    private SlackApiResult<T> Read<T>(string method, HttpStatusCode status, byte[] bytes, Func<JsonElement, T?> read)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return Interpret(method, status, document.RootElement, read);
        }
        catch (JsonException exception)
        {
            // A proxy's HTML error page, a truncated body, a string that is not valid UTF-8 or UTF-16 (JsonFields
            // reports it as a JsonException when it is read): not Slack's answer.
            var reason = status == HttpStatusCode.OK ? "invalid_response" : HttpReason(status);
            SlackWebApiLog.Unavailable(logger, method, reason, exception);
            return SlackApiResult.Unavailable<T>(reason);
        }
    }

    private SlackApiResult<T> Interpret<T>(string method, HttpStatusCode status, JsonElement root, Func<JsonElement, T?> read)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            SlackWebApiLog.Unavailable(logger, method, "invalid_response", null);
            return SlackApiResult.Unavailable<T>("invalid_response");
        }

        if (!root.IsTrue("ok"))
        {
            var error = root.String("error") ?? HttpReason(status);
            var needed = root.String("needed");
            SlackWebApiLog.ApiError(logger, method, error, needed, root.String("provided"));
            return SlackApiResult.Error<T>(error, needed);
        }

        if (read(root) is not { } value)
        {
            SlackWebApiLog.Unavailable(logger, method, "invalid_response", null);
            return SlackApiResult.Unavailable<T>("invalid_response");
        }

        return SlackApiResult.Ok(value);
    }

    private SlackApiResult<T> StatusFailure<T>(string method, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retryAfter = RetryAfter(response.Headers.RetryAfter);
            SlackWebApiLog.RateLimited(logger, method, retryAfter?.TotalSeconds);
            return SlackApiResult.RateLimited<T>(retryAfter);
        }

        var reason = HttpReason(response.StatusCode);
        if ((int)response.StatusCode >= 500)
        {
            SlackWebApiLog.Unavailable(logger, method, reason, null);
            return SlackApiResult.Unavailable<T>(reason);
        }

        SlackWebApiLog.ApiError(logger, method, reason, null, null);
        return SlackApiResult.Error<T>(reason);
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>A failure of the connection or a timeout, as opposed to the caller cancelling (which propagates).</summary>
    private static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken, out string reason)
    {
        switch (exception)
        {
            case HttpRequestException:
                reason = "network_error";
                return true;
            case OperationCanceledException when !cancellationToken.IsCancellationRequested:
                reason = "timeout";
                return true;
            default:
                reason = "";
                return false;
        }
    }

    private static string HttpReason(HttpStatusCode status) => "http_" + ((int)status).ToString(CultureInfo.InvariantCulture);
}
