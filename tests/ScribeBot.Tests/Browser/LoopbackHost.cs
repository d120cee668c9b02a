using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ScribeBot.Tests.Browser;

/// <summary>
/// The real host on a real socket (Kestrel on 127.0.0.1, port 0) with a temp LiteDB file and no chat platform
/// configured: what a browser, or an <see cref="HttpClient"/> with cookies, talks to. Requests come from loopback, so
/// the web pages' access rule lets them in as it lets in a person on the machine running <c>dotnet run</c>.
/// </summary>
internal sealed class LoopbackHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _directory;

    private LoopbackHost(WebApplicationFactory<Program> factory, Uri baseAddress, string directory)
    {
        _factory = factory;
        BaseAddress = baseAddress;
        _directory = directory;
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress { get; }

    public T Services<T>()
        where T : notnull => _factory.Services.GetRequiredService<T>();

    /// <param name="settings">Configuration on top of the defaults (<c>Scribe:TimeZone</c>, <c>Scribe:Reactions:Slack:dart</c>...).</param>
    public static LoopbackHost Start(IReadOnlyDictionary<string, string>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "scribebot-web-" + Guid.NewGuid().ToString("N"));
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Storage:LiteDb:Path", Path.Combine(directory, "scribebot.db"))
                .UseSetting("Slack:SigningSecret", "")
                .UseSetting("Slack:BotToken", "")
                .UseSetting("Slack:AppToken", "")
                .UseSetting("MicrosoftAppId", "")
                .UseSetting("Scribe:PublicBaseUrl", "");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                host.UseSetting(key, value);
            }
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackHost(factory, new Uri(address.TrimEnd('/') + "/"), directory);
    }

    /// <summary>A client that keeps cookies (antiforgery, the sandbox name) and does not follow redirects.</summary>
    public HttpClient CreateClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
