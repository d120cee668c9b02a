using System.Net.Http.Headers;

namespace ScribeBot.Tests.Web;

/// <summary>
/// An address nothing answers: a browser gets a page in the dashboard's look with a way back (still 404); machines,
/// other methods and the machine paths keep the bare 404 they always had.
/// </summary>
public sealed class NotFoundPageTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(string method, string path, string? accept)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path.TrimStart('/'), UriKind.Relative));
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        if (method == "POST")
        {
            request.Content = new StringContent("x=1", new MediaTypeHeaderValue("application/x-www-form-urlencoded"));
        }

        using var response = await fixture.Host.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/no/such/page")]
    [InlineData("/incidents")]
    [InlineData("/favicon.ico")]
    public async Task A_browser_asking_for_an_unknown_address_gets_a_styled_404_with_a_way_back(string path)
    {
        var (status, html) = await SendAsync("GET", path, BrowserAccept);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("<title>Page not found - ScribeBot</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Page not found</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"There is no page at <code>{path}</code>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Back to the incidents</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"brand\" href=\"/\">ScribeBot</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_encodes_the_address_it_quotes()
    {
        var (_, html) = await SendAsync("GET", "/%3Cscript%3Ealert(1)%3C%2Fscript%3E", BrowserAccept);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/no/such/page", null)]
    [InlineData("GET", "/no/such/page", "*/*")]
    [InlineData("GET", "/no/such/page", "application/json")]
    [InlineData("POST", "/no/such/page", BrowserAccept)]
    [InlineData("PUT", "/no/such/page", BrowserAccept)]
    [InlineData("DELETE", "/no/such/page", BrowserAccept)]
    [InlineData("GET", "/api/nope", BrowserAccept)]
    [InlineData("GET", "/slack/nope", BrowserAccept)]
    [InlineData("GET", "/alerts/pagerduty", BrowserAccept)]
    [InlineData("GET", "/healthz/extra", BrowserAccept)]
    [InlineData("POST", "/api/messages", null)]
    public async Task Machines_other_methods_and_machine_paths_keep_a_bare_404(string method, string path, string? accept)
    {
        var (status, body) = await SendAsync(method, path, accept);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Empty(body);
    }

    [Fact]
    public async Task Someone_the_dashboard_would_not_serve_gets_the_bare_404_not_the_page()
    {
        // The in-memory server gives no remote address, as another machine's request would be placed.
        await using var factory = new ScribeBotApplication();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("no/such/page", UriKind.Relative));
        request.Headers.Accept.ParseAdd(BrowserAccept);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
