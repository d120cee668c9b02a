namespace ScribeBot.Tests.Web;

/// <summary>
/// The web pages cannot be reached through DNS rebinding or relay headers: without sign-in only loopback host names and
/// no client-address header; with sign-in only the host of <c>Scribe:PublicBaseUrl</c>. Machine endpoints stay open.
/// </summary>
public sealed class WebHostGuardTests : IAsyncDisposable
{
    private ScribeBotApplication? _host;

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("attacker.example:5080")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("localhost.attacker.example")]
    [InlineData("0.0.0.0")]
    public async Task Without_sign_in_a_page_requested_under_another_host_name_is_refused(string hostHeader)
    {
        var browser = await BrowserWithoutSignInAsync();

        using var response = await browser.GetWithHeadersAsync("/", hostHeader);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:5080")]
    [InlineData("127.0.0.1:1")]
    [InlineData("[::1]:5080")]
    public async Task Without_sign_in_a_loopback_host_name_with_any_port_is_served(string hostHeader)
    {
        var browser = await BrowserWithoutSignInAsync();

        using var response = await browser.GetWithHeadersAsync("/", hostHeader);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("X-Forwarded-Host", "scribebot.example.com")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("CF-Connecting-IP", "203.0.113.7")]
    [InlineData("True-Client-IP", "203.0.113.7")]
    [InlineData("X-Client-IP", "203.0.113.7")]
    [InlineData("Fastly-Client-IP", "203.0.113.7")]
    [InlineData("X-Original-Forwarded-For", "203.0.113.7")]
    public async Task Without_sign_in_a_request_carrying_any_client_address_header_is_refused(string header, string value)
    {
        var browser = await BrowserWithoutSignInAsync();

        foreach (var path in new[] { "/", "/sandbox", "/stats" })
        {
            using var response = await browser.GetWithHeadersAsync(path, headers: [(header, value)]);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task The_health_check_answers_under_any_host_name_and_through_a_relay()
    {
        var browser = await BrowserWithoutSignInAsync();

        using var response = await browser.GetWithHeadersAsync("/healthz", "10.0.0.7:5080", ("X-Forwarded-For", "203.0.113.7"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task With_sign_in_only_the_public_base_url_host_is_served()
    {
        await using var issuer = await FakeOidcIssuer.StartAsync();
        await using var host = await new ScribeBotApplication().WithSignIn(issuer, tenant: "tenant-1").StartKestrelAsync();
        var browser = new BrowserSession(host);

        using var other = await browser.GetWithHeadersAsync("/", "localhost");
        using var rebound = await browser.GetWithHeadersAsync("/", "attacker.example");
        using var own = await browser.GetWithHeadersAsync("/", "127.0.0.1");

        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rebound.StatusCode);
        Assert.NotEqual(HttpStatusCode.BadRequest, own.StatusCode);
    }

    [Fact]
    public async Task Forwarded_header_processing_without_sign_in_stops_the_host_at_start_saying_to_configure_sign_in()
    {
        var error = await StartupErrors.OfSettingAsync("FORWARDEDHEADERS_ENABLED", "true");

        Assert.Contains("ASPNETCORE_FORWARDEDHEADERS_ENABLED is on but the dashboard has no sign-in", error, StringComparison.Ordinal);
        Assert.Contains("Configure sign-in", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_without_a_public_base_url_stops_the_host_at_start_naming_the_key()
    {
        var error = await new ScribeBotApplication()
            .WithSetting("Dashboard:Oidc:Authority", "https://login.microsoftonline.com/organizations/v2.0")
            .WithSetting("Dashboard:Oidc:ClientId", "client")
            .WithSetting("Dashboard:Oidc:ClientSecret", "Zq8~pL3.a_Vx9-K2mN7rT4wY1bC6dF0gH5jQ8sU3")
            .WithSetting("Dashboard:Oidc:AllowedTenants:0", "tenant-1")
            .WithSetting("Scribe:PublicBaseUrl", "")
            .StartupErrorAsync();

        Assert.Contains("Scribe:PublicBaseUrl is required when sign-in is on", error, StringComparison.Ordinal);
    }

    /// <summary>A browser on a host without sign-in on Kestrel, started for this test and stopped after it.</summary>
    private async Task<BrowserSession> BrowserWithoutSignInAsync()
    {
        _host = await new ScribeBotApplication().StartKestrelAsync();
        return new BrowserSession(_host);
    }
}
