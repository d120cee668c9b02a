namespace ScribeBot.Tests.Web;

public sealed class DashboardPagesAccessTests
{
    [Theory]
    [InlineData("/?status=resolved")]
    [InlineData("/incidents/slack%3AT1%3A1")]
    [InlineData("/incidents/nope")]
    [InlineData("/stats?days=7")]
    public async Task The_dashboard_pages_refuse_a_request_not_from_loopback(string path)
    {
        // The in-memory test server has no remote address, like a request the host cannot place as local.
        await using var factory = new ScribeBotApplication();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
