using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ScribeBot.Tests.Web;

/// <summary>
/// The web pages cannot be reached through DNS rebinding or relay headers: without sign-in only loopback host names and
/// no client-address header; with sign-in only the host of <c>Scribe:PublicBaseUrl</c>. Machine endpoints stay open.
/// </summary>
public sealed class WebHostGuardTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "scribebot-guard-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
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
        await using var host = SignInHost.Start(new Dictionary<string, string?>());

        using var response = await GetAsync(host, "/", hostHeader);

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
        await using var host = SignInHost.Start(new Dictionary<string, string?>());

        using var response = await GetAsync(host, "/", hostHeader);

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
        await using var host = SignInHost.Start(new Dictionary<string, string?>());

        foreach (var path in new[] { "/", "/sandbox", "/stats" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.TryAddWithoutValidation(header, value);
            using var response = await host.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task The_health_check_answers_under_any_host_name_and_through_a_relay()
    {
        await using var host = SignInHost.Start(new Dictionary<string, string?>());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/healthz", UriKind.Relative));
        request.Headers.Host = "10.0.0.7:5080";
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.7");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task With_sign_in_only_the_public_base_url_host_is_served()
    {
        await using var issuer = await FakeOidcIssuer.StartAsync();
        await using var host = SignInHost.Start(SignInHost.SignInSettings(issuer, tenant: "tenant-1"));

        using var other = await GetAsync(host, "/", "localhost");
        using var rebound = await GetAsync(host, "/", "attacker.example");
        using var own = await GetAsync(host, "/", "127.0.0.1");

        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rebound.StatusCode);
        Assert.NotEqual(HttpStatusCode.BadRequest, own.StatusCode);
    }

    [Fact]
    public void Forwarded_header_processing_without_sign_in_stops_the_host_at_start_saying_to_configure_sign_in()
    {
        using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(host => host
                .UseSetting("Storage:LiteDb:Path", Path.Combine(_directory, "scribebot.db"))
                .UseSetting("FORWARDEDHEADERS_ENABLED", "true"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("ASPNETCORE_FORWARDEDHEADERS_ENABLED is on but the dashboard has no sign-in", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Configure sign-in", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_in_without_a_public_base_url_stops_the_host_at_start_naming_the_key()
    {
        using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(host => host
                .UseSetting("Storage:LiteDb:Path", Path.Combine(_directory, "scribebot.db"))
                .UseSetting("Dashboard:Oidc:Authority", "https://login.microsoftonline.com/organizations/v2.0")
                .UseSetting("Dashboard:Oidc:ClientId", "client")
                .UseSetting("Dashboard:Oidc:ClientSecret", "Zq8~pL3.a_Vx9-K2mN7rT4wY1bC6dF0gH5jQ8sU3")
                .UseSetting("Dashboard:Oidc:AllowedTenants:0", "tenant-1")
                .UseSetting("Scribe:PublicBaseUrl", ""));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Scribe:PublicBaseUrl is required when sign-in is on", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> GetAsync(SignInHost host, string path, string hostHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = hostHeader;
        return await host.Client.SendAsync(request);
    }
}
