namespace ScribeBot.Testing.Slack;

/// <summary>Posts to the host's <c>/slack/events</c> the way Slack does: signed, with its retry headers.</summary>
public static class SlackRequests
{
    public static Task<HttpResponseMessage> PostSlackJsonAsync(this ScribeBotApplication host, JsonNode body, int? retry = null) =>
        host.PostSlackAsync(Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", retry: retry);

    public static Task<HttpResponseMessage> PostSlackFormAsync(this ScribeBotApplication host, IReadOnlyDictionary<string, string> fields) =>
        host.PostSlackAsync(Encoding.UTF8.GetBytes(SlackPayloads.EncodeForm(fields)), "application/x-www-form-urlencoded");

    /// <summary>
    /// Signs with <paramref name="secret"/> at <paramref name="age"/> ago, or at <paramref name="signedAt"/> when given (a
    /// slash command's instant is its request timestamp); a null secret sends no signature headers.
    /// </summary>
    public static async Task<HttpResponseMessage> PostSlackAsync(
        this ScribeBotApplication host, byte[] body, string contentType, string? secret = SlackPayloads.Secret, TimeSpan age = default,
        int? retry = null, string? signature = null, DateTimeOffset? signedAt = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "slack/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (secret is not null)
        {
            var timestamp = (signedAt ?? TimeProvider.System.GetUtcNow() - age).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
            request.Headers.Add("X-Slack-Signature", signature ?? SlackPayloads.Sign(timestamp, body, secret));
        }

        if (retry is { } attempt)
        {
            request.Headers.Add("X-Slack-Retry-Num", attempt.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return await host.Client.SendAsync(request);
    }
}
