using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Slack.Blocks;

namespace ScribeBot.Slack.WebApi;

/// <summary>
/// The Slack Web API methods the bot calls, over a typed <see cref="HttpClient"/> whose base address is
/// <c>Slack:ApiBaseUrl</c>. Expected failures come back as <see cref="SlackApiResult{T}"/>; only cancellation throws.
/// Writes (posts, uploads, join, views.open) are sent once: the outbox retries posts, and a client retry could post
/// twice when a response is lost. Idempotent reads retry a few times, honouring <c>Retry-After</c>.
/// </summary>
internal sealed class SlackWebApiClient
{
    /// <summary>Attempts for an idempotent read, the first included.</summary>
    internal const int ReadAttempts = 3;

    /// <summary>A read waits at most this long for a rate limit; longer, the caller gets RateLimited and moves on.</summary>
    internal static readonly TimeSpan MaxReadRetryDelay = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan UnavailableRetryDelay = TimeSpan.FromSeconds(1);

    private readonly HttpClient _http;
    private readonly IOptions<SlackOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackWebApiClient> _logger;

    public SlackWebApiClient(HttpClient http, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackWebApiClient> logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary><c>chat.postMessage</c>; the new message's <c>ts</c>.</summary>
    public Task<SlackApiResult<string>> PostMessageAsync(
        string channel, SlackMessagePayload payload, string? threadTs, CancellationToken cancellationToken) =>
        PostMessageAsync(channel, payload, threadTs, marker: null, cancellationToken);

    /// <summary><c>chat.postMessage</c> carrying <paramref name="marker"/> as message metadata; the new message's <c>ts</c>.</summary>
    public Task<SlackApiResult<string>> PostMessageAsync(
        string channel, SlackMessagePayload payload, string? threadTs, SlackPostMarker? marker, CancellationToken cancellationToken)
    {
        var body = payload.ToJsonObject();
        body["channel"] = channel;
        if (!string.IsNullOrEmpty(threadTs))
        {
            body["thread_ts"] = threadTs;
        }

        if (marker is not null)
        {
            body["metadata"] = marker.ToMetadata();
        }

        return CallAsync("chat.postMessage", () => PostJson("chat.postMessage", body), Retry.Never,
            root => String(root, "ts"), cancellationToken);
    }

    /// <summary><c>chat.postEphemeral</c>: visible to <paramref name="user"/> only; the <c>message_ts</c>.</summary>
    public Task<SlackApiResult<string>> PostEphemeralAsync(
        string channel, string user, SlackMessagePayload payload, CancellationToken cancellationToken)
    {
        var body = payload.ToJsonObject();
        body["channel"] = channel;
        body["user"] = user;
        return CallAsync("chat.postEphemeral", () => PostJson("chat.postEphemeral", body), Retry.Never,
            root => String(root, "message_ts"), cancellationToken);
    }

    /// <summary><c>users.info</c>: the name Slack shows for the user (display name, else real name, else handle).</summary>
    public Task<SlackApiResult<string>> GetUserAsync(string userId, CancellationToken cancellationToken) =>
        CallAsync("users.info", () => Get("users.info", ("user", userId)), Retry.Reads, DisplayName, cancellationToken);

    /// <summary><c>conversations.info</c>.</summary>
    public Task<SlackApiResult<SlackConversationInfo>> GetConversationAsync(string channel, CancellationToken cancellationToken) =>
        CallAsync("conversations.info", () => Get("conversations.info", ("channel", channel)), Retry.Reads,
            root => root.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.Object
                ? new SlackConversationInfo(
                    String(c, "id") ?? channel,
                    String(c, "name") ?? "",
                    Bool(c, "is_private"),
                    Bool(c, "is_member"))
                : null,
            cancellationToken);

    /// <summary>
    /// The marked messages in <paramref name="channel"/> since <paramref name="oldest"/> (<c>conversations.history</c>),
    /// or, with <paramref name="threadTs"/>, in that thread (<c>conversations.replies</c>), with who posted each. Pages
    /// through the whole window (Slack stops at <c>oldest</c>), not only its newest page: a busy channel can hold more
    /// than a page between a post and its retry. At most <see cref="MaxMarkerPages"/> pages; more is answered as
    /// <c>too_many_messages</c>. A rate limit comes back at once rather than being waited out here: the caller is an
    /// outbox delivery, which stores the Retry-After with the item, so it holds across a restart too.
    /// </summary>
    public async Task<SlackApiResult<IReadOnlyList<SlackMarkedPost>>> FindMarkedPostsAsync(
        string channel, string? threadTs, DateTimeOffset oldest, CancellationToken cancellationToken)
    {
        var since = (oldest.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000000", CultureInfo.InvariantCulture);
        var method = threadTs is null ? "conversations.history" : "conversations.replies";
        var found = new List<SlackMarkedPost>();
        string? cursor = null;
        for (var page = 0; page < MaxMarkerPages; page++)
        {
            List<(string, string)> query = threadTs is null
                ? [("channel", channel), ("oldest", since), ("include_all_metadata", "true"), ("limit", "200")]
                : [("channel", channel), ("ts", threadTs), ("include_all_metadata", "true"), ("limit", "200")];
            if (cursor is not null)
            {
                query.Add(("cursor", cursor));
            }

            var result = await CallAsync(method, () => Get(method, [.. query]), Retry.ReadsButNotRateLimits, ReadMarkerPage, cancellationToken)
                .ConfigureAwait(false);
            if (!result.IsOk)
            {
                return result.Failure<IReadOnlyList<SlackMarkedPost>>();
            }

            found.AddRange(result.Value!.Found);
            if (result.Value.NextCursor is not { Length: > 0 } next)
            {
                return SlackApiResult.Ok<IReadOnlyList<SlackMarkedPost>>(found);
            }

            cursor = next;
        }

        return SlackApiResult.Error<IReadOnlyList<SlackMarkedPost>>("too_many_messages");
    }

    /// <summary>Pages of 200: 50 of them reach 10,000 messages back, far more than a channel sees during a retry.</summary>
    internal const int MaxMarkerPages = 50;

    private sealed record MarkerPage(IReadOnlyList<SlackMarkedPost> Found, string? NextCursor);

    private static MarkerPage ReadMarkerPage(JsonElement root)
    {
        var found = new List<SlackMarkedPost>();
        if (root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in messages.EnumerateArray())
            {
                if (SlackPostMarker.FromMessage(message) is { } marker && String(message, "ts") is { } ts)
                {
                    found.Add(new SlackMarkedPost(ts, marker, String(message, "bot_id"), String(message, "user")));
                }
            }
        }

        var next = root.TryGetProperty("response_metadata", out var meta) && meta.ValueKind == JsonValueKind.Object
            ? String(meta, "next_cursor")
            : null;
        return new MarkerPage(found, Bool(root, "has_more") || !string.IsNullOrEmpty(next) ? next : null);
    }

    /// <summary><c>conversations.join</c> (public channels only); the channel id.</summary>
    public Task<SlackApiResult<string>> JoinConversationAsync(string channel, CancellationToken cancellationToken) =>
        CallAsync("conversations.join", () => PostJson("conversations.join", new JsonObject { ["channel"] = channel }),
            Retry.Never,
            root => root.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.Object ? String(c, "id") ?? channel : channel,
            cancellationToken);

    /// <summary><c>views.open</c>: a modal for a trigger (valid 3 s, so never retried); the view's id.</summary>
    public Task<SlackApiResult<string>> OpenViewAsync(string triggerId, JsonObject view, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() };
        return CallAsync("views.open", () => PostJson("views.open", body), Retry.Never,
            root => root.TryGetProperty("view", out var v) && v.ValueKind == JsonValueKind.Object ? String(v, "id") ?? "" : "",
            cancellationToken);
    }

    /// <summary>
    /// <c>auth.test</c>: who the bot token belongs to (its user id, bot id and workspace), so the bot can recognise
    /// its own messages. Sent once (no retry): it runs inside a request that Slack wants answered in 3 seconds.
    /// </summary>
    public Task<SlackApiResult<SlackAuthInfo>> AuthTestAsync(CancellationToken cancellationToken) =>
        CallAsync("auth.test", () => PostForm("auth.test"), Retry.Never,
            root => String(root, "user_id") is { } userId
                ? new SlackAuthInfo(userId, String(root, "bot_id"), String(root, "team_id"))
                : null,
            cancellationToken);

    /// <summary>
    /// <c>apps.connections.open</c>: a Socket Mode WebSocket URL. The one method called with the app-level token
    /// (<c>xapp-...</c>), not the bot token. Sent once: the Socket Mode loop backs off and asks again.
    /// </summary>
    public Task<SlackApiResult<Uri>> OpenConnectionAsync(CancellationToken cancellationToken) =>
        CallAsync("apps.connections.open", () => PostForm("apps.connections.open"), Retry.Never,
            root => String(root, "url") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
                    && (uri.Scheme == Uri.UriSchemeWss || uri.Scheme == Uri.UriSchemeWs)
                ? uri
                : null,
            Token.App,
            cancellationToken);

    /// <summary><c>chat.getPermalink</c>.</summary>
    public Task<SlackApiResult<string>> GetPermalinkAsync(string channel, string messageTs, CancellationToken cancellationToken) =>
        CallAsync("chat.getPermalink", () => Get("chat.getPermalink", ("channel", channel), ("message_ts", messageTs)),
            Retry.Reads, root => String(root, "permalink"), cancellationToken);

    /// <summary>
    /// Uploads a file into a channel (or a thread) the way Slack now requires: <c>files.getUploadURLExternal</c>,
    /// the bytes to the returned URL, then <c>files.completeUploadExternal</c> to share it. The file's id.
    /// </summary>
    public async Task<SlackApiResult<string>> UploadFileAsync(
        string channel,
        string? threadTs,
        string filename,
        string title,
        ReadOnlyMemory<byte> content,
        string? initialComment,
        CancellationToken cancellationToken)
    {
        var length = content.Length.ToString(CultureInfo.InvariantCulture);
        var target = await CallAsync(
            "files.getUploadURLExternal",
            () => PostForm("files.getUploadURLExternal", ("filename", filename), ("length", length)),
            Retry.Never,
            root => String(root, "upload_url") is { } url && String(root, "file_id") is { } id
                    && Uri.TryCreate(url, UriKind.Absolute, out var uri)
                ? new UploadTarget(uri, id)
                : null,
            cancellationToken).ConfigureAwait(false);
        if (!target.IsOk)
        {
            return target.Failure<string>();
        }

        var uploaded = await SendUploadAsync(target.Value.Url, content, cancellationToken).ConfigureAwait(false);
        if (!uploaded.IsOk)
        {
            return uploaded.Failure<string>();
        }

        var complete = new JsonObject
        {
            ["files"] = new JsonArray(new JsonObject { ["id"] = target.Value.FileId, ["title"] = title }),
            ["channel_id"] = channel,
        };
        if (!string.IsNullOrEmpty(threadTs))
        {
            complete["thread_ts"] = threadTs;
        }

        if (!string.IsNullOrEmpty(initialComment))
        {
            complete["initial_comment"] = initialComment;
        }

        var fileId = target.Value.FileId;
        return await CallAsync("files.completeUploadExternal", () => PostJson("files.completeUploadExternal", complete),
            Retry.Never, _ => fileId, cancellationToken).ConfigureAwait(false);
    }

    private enum Retry
    {
        Never,
        Reads,

        /// <summary>A read that retries an unavailable Slack but hands a rate limit straight back to its caller.</summary>
        ReadsButNotRateLimits,
    }

    private enum Token
    {
        Bot,
        App,
    }

    private sealed record UploadTarget(Uri Url, string FileId);

    /// <summary>
    /// The upload URL is a pre-signed URL on another host (files.slack.com), so the bot token is not sent there.
    /// Slack answers 200 with plain text, not JSON.
    /// </summary>
    private async Task<SlackApiResult<bool>> SendUploadAsync(Uri url, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        const string Method = "file upload";
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ReadOnlyMemoryContent(content),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return SlackApiResult.Ok(true);
            }

            return StatusFailure<bool>(Method, response);
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken, out var reason))
        {
            SlackWebApiLog.Unavailable(_logger, Method, reason, exception);
            return SlackApiResult.Unavailable<bool>(reason);
        }
    }

    private Task<SlackApiResult<T>> CallAsync<T>(
        string method,
        Func<HttpRequestMessage> buildRequest,
        Retry retry,
        Func<JsonElement, T?> read,
        CancellationToken cancellationToken) =>
        CallAsync(method, buildRequest, retry, read, Token.Bot, cancellationToken);

    private async Task<SlackApiResult<T>> CallAsync<T>(
        string method,
        Func<HttpRequestMessage> buildRequest,
        Retry retry,
        Func<JsonElement, T?> read,
        Token credential,
        CancellationToken cancellationToken)
    {
        var attempts = retry == Retry.Never ? 1 : ReadAttempts;
        for (var attempt = 1; ; attempt++)
        {
            var result = await SendOnceAsync(method, buildRequest, read, credential, cancellationToken).ConfigureAwait(false);
            if (attempt >= attempts
                || (retry == Retry.ReadsButNotRateLimits && result.Status == SlackApiStatus.RateLimited)
                || RetryDelay(result) is not { } delay)
            {
                return result;
            }

            SlackWebApiLog.Retrying(_logger, method, attempt, result.Error ?? "", delay.TotalSeconds);
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
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
        Token credential,
        CancellationToken cancellationToken)
    {
        using var request = buildRequest();
        var token = credential == Token.App ? _options.Value.AppToken : _options.Value.BotToken;
        if (string.IsNullOrWhiteSpace(token))
        {
            SlackWebApiLog.NoToken(_logger, method);
        }
        else
        {
            // Per request, not on DefaultRequestHeaders: the upload URL on another host must not receive it.
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken)
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
            SlackWebApiLog.Unavailable(_logger, method, reason, exception);
            return SlackApiResult.Unavailable<T>(reason);
        }
    }

    private SlackApiResult<T> Read<T>(string method, HttpStatusCode status, byte[] bytes, Func<JsonElement, T?> read)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException exception)
        {
            // A proxy's HTML error page, a truncated body: not Slack's answer.
            var reason = status == HttpStatusCode.OK ? "invalid_response" : HttpReason(status);
            SlackWebApiLog.Unavailable(_logger, method, reason, exception);
            return SlackApiResult.Unavailable<T>(reason);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                SlackWebApiLog.Unavailable(_logger, method, "invalid_response", null);
                return SlackApiResult.Unavailable<T>("invalid_response");
            }

            if (!Bool(root, "ok"))
            {
                var error = String(root, "error") ?? HttpReason(status);
                var needed = String(root, "needed");
                SlackWebApiLog.ApiError(_logger, method, error, needed, String(root, "provided"));
                return SlackApiResult.Error<T>(error, needed);
            }

            if (read(root) is not { } value)
            {
                SlackWebApiLog.Unavailable(_logger, method, "invalid_response", null);
                return SlackApiResult.Unavailable<T>("invalid_response");
            }

            return SlackApiResult.Ok(value);
        }
    }

    private SlackApiResult<T> StatusFailure<T>(string method, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retryAfter = RetryAfter(response.Headers.RetryAfter);
            SlackWebApiLog.RateLimited(_logger, method, retryAfter?.TotalSeconds);
            return SlackApiResult.RateLimited<T>(retryAfter);
        }

        var reason = HttpReason(response.StatusCode);
        if ((int)response.StatusCode >= 500)
        {
            SlackWebApiLog.Unavailable(_logger, method, reason, null);
            return SlackApiResult.Unavailable<T>(reason);
        }

        SlackWebApiLog.ApiError(_logger, method, reason, null, null);
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
            var wait = date - _time.GetUtcNow();
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

    private static HttpRequestMessage PostJson(string method, JsonObject body) =>
        new(HttpMethod.Post, method)
        {
            // Slack reads the charset from the content type and warns (missing_charset) without it.
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };

    private static HttpRequestMessage PostForm(string method, params (string Name, string Value)[] fields) =>
        new(HttpMethod.Post, method)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };

    private static HttpRequestMessage Get(string method, params (string Name, string Value)[] query) =>
        new(HttpMethod.Get, method + "?" + string.Join('&',
            query.Select(q => Uri.EscapeDataString(q.Name) + "=" + Uri.EscapeDataString(q.Value))));

    private static string? DisplayName(JsonElement root)
    {
        if (!root.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var profile = user.TryGetProperty("profile", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        string?[] candidates =
        [
            profile.ValueKind == JsonValueKind.Object ? String(profile, "display_name") : null,
            String(user, "real_name"),
            profile.ValueKind == JsonValueKind.Object ? String(profile, "real_name") : null,
            String(user, "name"),
        ];

        // A user who never set a display name has "" there, not a missing field.
        return candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c)) ?? String(user, "id");
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
