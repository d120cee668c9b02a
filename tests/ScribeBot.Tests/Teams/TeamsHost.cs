using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Timeline;
using ScribeBot.Teams.Tests;

namespace ScribeBot.Tests.Teams;

/// <summary>
/// The real host on a real socket (Kestrel on 127.0.0.1, port 0) with a temp data file, and a loopback
/// <see cref="FakeConnector"/> for the activities' <c>serviceUrl</c>. Posts activities to <c>/api/messages</c> the way
/// the Bot Framework channel service does (JSON, a bearer token when the bot has an app id).
/// </summary>
internal sealed class TeamsHost : IAsyncDisposable
{
    public static readonly ChannelRef Channel = new(ChatPlatform.Teams, TeamsPayloads.Tenant, TeamsPayloads.ChannelId);

    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _directory;

    private TeamsHost(WebApplicationFactory<Program> factory, FakeConnector connector, HttpClient client, string directory)
    {
        _factory = factory;
        Connector = connector;
        Client = client;
        _directory = directory;
    }

    public FakeConnector Connector { get; }

    public HttpClient Client { get; }

    public Uri ServiceUrl => Connector.ServiceUrl;

    public IIncidentStore Store => _factory.Services.GetRequiredService<IIncidentStore>();

    public T Services<T>()
        where T : notnull => _factory.Services.GetRequiredService<T>();

    /// <summary>The adapter's named HTTP client (src/ScribeBot.Teams/Posting/ConnectorHttpClientFactory.cs).</summary>
    private const string ConnectorClientName = "ScribeBot.Teams.Connector";

    private const string UnreachableMetadataUrl = "https://127.0.0.1:9/.well-known/openidconfiguration";

    /// <summary>The app id of a host started with an authority (<see cref="StartAsync"/>).</summary>
    public const string AuthenticatedAppId = "5a0e4c7d-2b1f-4e8a-9c3d-6f7b8e9a0c1d";

    /// <summary>The app password of a host started with an authority: what the bot must log in with.</summary>
    public const string AuthenticatedAppPassword = "fake-app-secret-Zq8~pL3";

    /// <param name="appId">
    /// Set, the Bot Framework authenticates every request (MicrosoftAppType MultiTenant, the fixtures' tenant allowed);
    /// null, the host runs in the Emulator mode (<c>Teams:AllowUnauthenticated</c>), which serves loopback peers.
    /// </param>
    /// <param name="publicBaseUrl">Set, drafts link to the host's Markdown download under this address.</param>
    /// <param name="directory">The data folder; reuse one to restart the host on the same store.</param>
    /// <param name="settings">More configuration, e.g. <c>Teams:ConnectorTimeout</c>; it overrides the defaults above.</param>
    /// <param name="authority">
    /// Set, the host authenticates both ways against this fake Bot Framework authority, through the SDK's own
    /// configuration keys: incoming activities must carry a token signed with its keys, and the bot logs in to it
    /// (app id <see cref="AuthenticatedAppId"/> unless <paramref name="appId"/> says otherwise, password
    /// <see cref="AuthenticatedAppPassword"/>) for the bearer token of every call to the connector.
    /// </param>
    public static async Task<TeamsHost> StartAsync(
        string? appId = null, string? directory = null, FakeConnector? connector = null, string? publicBaseUrl = null,
        ILoggerProvider? logs = null, IReadOnlyDictionary<string, string>? settings = null, FakeBotFrameworkAuthority? authority = null)
    {
        connector ??= await FakeConnector.StartAsync();
        directory ??= Path.Combine(Path.GetTempPath(), "scribebot-teams-" + Guid.NewGuid().ToString("N"));
        if (authority is not null)
        {
            appId ??= AuthenticatedAppId;
            PinSdkSigningKeyClient(authority);
        }

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host
                .UseSetting("Storage:LiteDb:Path", Path.Combine(directory, "scribebot.db"))
                .UseSetting("Slack:SigningSecret", "")
                .UseSetting("Slack:BotToken", "")
                .UseSetting("MicrosoftAppType", appId is null ? "" : "MultiTenant")
                .UseSetting("MicrosoftAppId", appId ?? "")
                .UseSetting("MicrosoftAppPassword", appId is null ? "" : "not-a-real-secret")
                .UseSetting("MicrosoftAppTenantId", appId is null ? "" : TeamsPayloads.Tenant)
                // Without an app id the host has no Teams endpoint at all unless the Emulator switch is on; the tests'
                // requests come from loopback, as the Emulator's do. With one, the fake connector on loopback is the
                // only service URL the bot may call.
                .UseSetting("Teams:AllowUnauthenticated", appId is null ? "true" : "false")
                .UseSetting("Teams:AllowedServiceUrls:0", appId is null ? null : connector.ServiceUrl.AbsoluteUri)
                // Where the SDK fetches the keys that sign the Bot Connector's tokens, when it authenticates: a closed
                // loopback port, so a test never reaches for login.botframework.com (tests talk to loopback only).
                .UseSetting("ToBotFromChannelOpenIdMetadataUrl", appId is null ? null : UnreachableMetadataUrl)
                .UseSetting("ToBotFromEmulatorOpenIdMetadataUrl", appId is null ? null : UnreachableMetadataUrl)
                .UseSetting("Scribe:PublicBaseUrl", publicBaseUrl ?? "")
                .ConfigureLogging(logging =>
                {
                    if (logs is not null)
                    {
                        logging.AddProvider(logs);
                    }
                });
            if (authority is not null)
            {
                Authenticate(host, authority, connector);
            }

            // Last, so a test can override any of the above.
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                host.UseSetting(key, value);
            }
        });

        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
        return new TeamsHost(factory, connector, client, directory);
    }

    /// <summary>
    /// Everything an authenticated host needs, set through the Bot Framework's own keys as a private-cloud deployment
    /// would (read by ConfigurationBotFrameworkAuthentication and ConfigurationServiceClientCredentialFactory): where
    /// the channel's signing keys are and who issues its tokens; where the bot logs in for its own token and for which
    /// scope; where the user-token service is; no authority validation, since the fake is not a known Azure AD host.
    /// </summary>
    private static void Authenticate(IWebHostBuilder host, FakeBotFrameworkAuthority authority, FakeConnector connector)
    {
        host
            .UseSetting("MicrosoftAppPassword", AuthenticatedAppPassword)
            .UseSetting("ToBotFromChannelOpenIdMetadataUrl", authority.OpenIdMetadataUrl)
            .UseSetting("ToBotFromEmulatorOpenIdMetadataUrl", authority.OpenIdMetadataUrl)
            .UseSetting("ToBotFromChannelTokenIssuer", FakeBotFrameworkAuthority.ChannelIssuer)
            .UseSetting("ToChannelFromBotLoginUrl", authority.LoginUrl)
            .UseSetting("ToChannelFromBotOAuthScope", FakeBotFrameworkAuthority.BotFrameworkScope)
            .UseSetting("ValidateAuthority", "false")
            // The user-token service (OAuth sign-in cards), which the SDK's parameterized configuration requires to be
            // set; ScribeBot never signs users in, so this is only ever a URL.
            .UseSetting("OAuthUrl", authority.UserTokenServiceUrl)
            // Required by the lead's tenant and service URL allow-lists; ignored by code that has none.
            .UseSetting("Teams:AllowedTenants:0", TeamsPayloads.Tenant)
            .UseSetting("Teams:AllowedServiceUrls:0", connector.ServiceUrl.AbsoluteUri)
            // The adapter's HTTP client (connector calls) trusts the fake authority's certificate and no other.
            .ConfigureTestServices(services => services
                .AddHttpClient(ConnectorClientName)
                .ConfigurePrimaryHttpMessageHandler(authority.CreatePinnedHandler));
    }

    /// <summary>
    /// The SDK fetches the channel's OpenID metadata and signing keys not with the adapter's HTTP client but with a
    /// private static <c>new HttpClient()</c> (ParameterizedBotFrameworkAuthentication), which trusts only the system's
    /// roots. Its key cache, though, is keyed by metadata URL and keeps the client of whoever asked first; so a
    /// JwtTokenExtractor made here first, with a client pinned to the fake's certificate, makes the SDK's own retrieval
    /// (metadata, keys, endorsements) reach the fake over HTTPS with exactly that certificate trusted, nothing
    /// trusted machine-wide. The URL is unique to the authority, so no other test shares the entry.
    /// </summary>
    private static void PinSdkSigningKeyClient(FakeBotFrameworkAuthority authority)
    {
        // Lives as long as the SDK's cache entry: the test process.
#pragma warning disable CA2000
        var pinned = new HttpClient(authority.CreatePinnedHandler());
#pragma warning restore CA2000
        _ = new JwtTokenExtractor(pinned, new TokenValidationParameters(), authority.OpenIdMetadataUrl, AuthenticationConstants.AllowedSigningAlgorithms);
    }

    public async Task<HttpResponseMessage> PostAsync(JsonNode activity, string? authorization = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(activity.ToJsonString())),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Posts and asserts Teams would see success; returns the body (an invoke's answer).</summary>
    public async Task<string> OkAsync(JsonNode activity)
    {
        using var response = await PostAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync()
    {
        var incident = await Store.FindLatestIncidentAsync(Channel, CancellationToken.None);
        Assert.NotNull(incident);
        return await Store.GetTimelineAsync(incident.Id, CancellationToken.None);
    }

    /// <summary>Stops the host but keeps the data folder and the connector (for a restart on the same store).</summary>
    public async Task StopAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await Connector.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
