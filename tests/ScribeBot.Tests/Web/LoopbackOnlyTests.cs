namespace ScribeBot.Tests.Web;

public sealed class LoopbackOnlyTests
{
    [Theory]
    [InlineData("/incidents/teams%3At%3A1/postmortem.md")]
    [InlineData("/")]
    public async Task A_request_not_from_loopback_gets_a_bare_403_from_every_web_page(string path)
    {
        await NotFromLoopback.AssertBare403Async(path);
    }

    [Fact]
    public async Task A_request_from_loopback_gets_the_page()
    {
        await using var host = await new ScribeBotApplication().StartKestrelAsync();
        var browser = new BrowserSession(host);

        using var response = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7;proto=https")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    public async Task A_request_relayed_by_a_proxy_or_tunnel_on_this_machine_is_not_local(string header, string value)
    {
        // ngrok, cloudflared or nginx on the same machine connect from loopback for anyone on the internet.
        await using var host = await new ScribeBotApplication().StartKestrelAsync();
        var browser = new BrowserSession(host);

        using var response = await browser.GetWithHeadersAsync("/", headers: [(header, value)]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_health_check_stays_open_to_every_caller()
    {
        var answer = await NotFromLoopback.SendAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }
}
