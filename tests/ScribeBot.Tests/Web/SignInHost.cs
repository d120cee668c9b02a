using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ScribeBot.Tests.Web;

/// <summary>
/// The real host on Kestrel (127.0.0.1, port 0) with a temp data file and the given settings, and a browser-like
/// client: it keeps cookies but does not follow redirects, so a test walks the sign-in chain hop by hop.
/// </summary>
internal sealed class SignInHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _directory;

    private SignInHost(WebApplicationFactory<Program> factory, Uri baseAddress, string directory)
    {
        _factory = factory;
        _directory = directory;
        BaseAddress = baseAddress;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = Cookies })
        {
            BaseAddress = baseAddress,
        };
    }

    public Uri BaseAddress { get; }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    /// <summary>Settings that turn sign-in on against <paramref name="issuer"/>.</summary>
    public static Dictionary<string, string?> SignInSettings(FakeOidcIssuer issuer, string? tenant = null, string? workspace = null) => new()
    {
        ["Dashboard:Oidc:Authority"] = issuer.Authority,
        ["Dashboard:Oidc:ClientId"] = FakeOidcIssuer.ClientId,
        ["Dashboard:Oidc:ClientSecret"] = FakeOidcIssuer.ClientSecret,
        ["Dashboard:Oidc:AllowedTenants:0"] = tenant,
        ["Dashboard:Oidc:AllowedWorkspaces:0"] = workspace,
        // With sign-in on, the pages are served under this host name only; the tests reach the host as 127.0.0.1.
        ["Scribe:PublicBaseUrl"] = "http://127.0.0.1/",
    };

    public static WebApplicationFactory<Program> Factory(string directory, IReadOnlyDictionary<string, string?> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Storage:LiteDb:Path", Path.Combine(directory, "scribebot.db"))
                .UseSetting("Slack:SigningSecret", "")
                .UseSetting("Slack:BotToken", "")
                .UseSetting("MicrosoftAppType", "")
                .UseSetting("MicrosoftAppId", "")
                .UseSetting("MicrosoftAppPassword", "")
                .UseSetting("MicrosoftAppTenantId", "");
            foreach (var (key, value) in settings)
            {
                if (value is not null)
                {
                    host.UseSetting(key, value);
                }
            }
        });

    public static SignInHost Start(IReadOnlyDictionary<string, string?> settings)
    {
        var directory = Path.Combine(Path.GetTempPath(), "scribebot-web-" + Guid.NewGuid().ToString("N"));
        var factory = Factory(directory, settings);
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SignInHost(factory, new Uri(address.TrimEnd('/') + "/"), directory);
    }

    /// <summary>The session cookie, if the host has set one.</summary>
    public Cookie? SessionCookie =>
        Cookies.GetCookies(BaseAddress).FirstOrDefault(cookie => cookie.Name.StartsWith(".ScribeBot.Dashboard", StringComparison.Ordinal));

    public Task<HttpResponseMessage> GetAsync(string pathOrUrl) => Client.GetAsync(new Uri(pathOrUrl, UriKind.RelativeOrAbsolute));

    /// <summary>
    /// GETs <paramref name="path"/> and follows redirects by hand, as a browser would, until an answer that is not one.
    /// Returns that answer and every URL visited (the first included).
    /// </summary>
    public async Task<(HttpResponseMessage Response, IReadOnlyList<Uri> Visited)> FollowAsync(string path, int maxHops = 8)
    {
        var visited = new List<Uri>();
        var url = new Uri(BaseAddress, path);
        for (var hop = 0; hop <= maxHops; hop++)
        {
            visited.Add(url);
            var response = await Client.GetAsync(url);
            if ((int)response.StatusCode is < 300 or >= 400)
            {
                return (response, visited);
            }

            var location = response.Headers.Location ?? throw new InvalidOperationException($"{url} redirected without a Location");
            response.Dispose();
            url = location.IsAbsoluteUri ? location : new Uri(url, location);
        }

        throw new InvalidOperationException("Too many redirects: " + string.Join(" -> ", visited));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
