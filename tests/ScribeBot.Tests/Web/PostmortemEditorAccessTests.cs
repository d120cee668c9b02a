namespace ScribeBot.Tests.Web;

/// <summary>The editor and the downloads sit behind the Dashboard policy like every other web page.</summary>
public sealed class PostmortemEditorAccessTests
{
    [Theory]
    [InlineData("GET", "/incidents/slack%3AT1%3A1/postmortem")]
    [InlineData("POST", "/incidents/slack%3AT1%3A1/postmortem?handler=Save")]
    [InlineData("POST", "/incidents/slack%3AT1%3A1/postmortem?handler=Post")]
    [InlineData("GET", "/incidents/slack%3AT1%3A1/postmortem.html")]
    public async Task A_request_not_from_loopback_gets_a_bare_403(string method, string path)
    {
        // The in-memory test server gives no remote address, like a request the host cannot place as local.
        await using var factory = new ScribeBotApplication();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([new("Impact", "x")]);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
