namespace ScribeBot.Tests.Storage;

/// <summary>
/// Slack's side of the endpoint over real HTTP: signed event callbacks and slash commands to whichever instance a test
/// names, a redelivery marked as Slack marks it (<c>X-Slack-Retry-Num</c>). A connection the instance refused or
/// dropped is an answer too (null status), as Slack sees a dead instance. A <c>handler</c> sends through something
/// else first (a load balancer); it is disposed with the sender.
/// </summary>
internal sealed class SignedSlackSender(HttpMessageHandler? handler = null) : IDisposable
{
    private readonly HttpClient _client = new(handler ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5), MaxConnectionsPerServer = 16 })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>The status, or null with why there was none.</summary>
    public async Task<(HttpStatusCode? Status, string? Failure)> SendEventAsync(Uri events, byte[] body, int retry = 0)
    {
        using var request = Signed(events, body, "application/json");
        if (retry > 0)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_error");
        }

        try
        {
            using var response = await _client.SendAsync(request);
            return (response.StatusCode, null);
        }
        catch (HttpRequestException exception)
        {
            return (null, exception.Message);
        }
        catch (TaskCanceledException exception)
        {
            return (null, "timed out: " + exception.Message);
        }
    }

    /// <summary>A slash command (<c>/incident {text}</c>) in the test channel; its answer must be 200.</summary>
    public async Task CommandAsync(Uri events, string text, string triggerId)
    {
        var body = Encoding.UTF8.GetBytes(SlackPayloads.EncodeForm(SlackPayloads.Command(text, triggerId)));
        using var request = Signed(events, body, "application/x-www-form-urlencoded");
        using var response = await _client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/incident {text}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose() => _client.Dispose();

    private static HttpRequestMessage Signed(Uri events, byte[] body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, events) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackPayloads.Sign(timestamp, body));
        return request;
    }
}
