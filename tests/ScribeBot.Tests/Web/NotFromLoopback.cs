namespace ScribeBot.Tests.Web;

/// <summary>
/// A request the host cannot place as local: the in-memory test server gives no remote address, as a request from
/// another machine (or relayed so that its address is lost) would have.
/// </summary>
internal static class NotFromLoopback
{
    /// <summary>What came back: the status, where it redirects (if it does) and the body.</summary>
    public sealed record Answer(HttpStatusCode Status, Uri? Location, byte[] Body);

    /// <summary>Sends one request to a fresh host over the in-memory test server.</summary>
    public static async Task<Answer> SendAsync(string path, string method = "GET", HttpContent? content = null)
    {
        await using var factory = new ScribeBotApplication();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = content };

        using var response = await client.SendAsync(request);

        return new Answer(response.StatusCode, response.Headers.Location, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>
    /// Asserts the refusal every web page gives such a request: a bare 403, with no redirect to follow and no body
    /// that could say what is behind it.
    /// </summary>
    public static async Task AssertBare403Async(string path, string method = "GET", HttpContent? content = null)
    {
        var answer = await SendAsync(path, method, content);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Null(answer.Location);
        Assert.Empty(answer.Body);
    }
}
