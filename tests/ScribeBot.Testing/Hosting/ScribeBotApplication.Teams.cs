using Microsoft.Bot.Connector.Authentication;
using ScribeBot.Testing.Teams;

namespace ScribeBot.Testing;

public sealed partial class ScribeBotApplication
{
    /// <summary>The adapter's named HTTP client (src/ScribeBot.Teams/Posting/ConnectorHttpClientFactory.cs).</summary>
    private const string ConnectorClientName = "ScribeBot.Teams.Connector";

    private const string UnreachableMetadataUrl = "https://127.0.0.1:9/.well-known/openidconfiguration";

    private FakeConnector? _connector;

    /// <summary>The fake Bot Connector the host's Teams posts go to (<see cref="WithTeams"/>).</summary>
    public FakeConnector Connector => _connector ?? throw new InvalidOperationException("Teams is not on: call WithTeams() and start the host.");

    /// <summary>The <c>serviceUrl</c> for activities: the fake connector's.</summary>
    public Uri ServiceUrl => Connector.ServiceUrl;

    /// <summary>
    /// Teams on, with <paramref name="connector"/> for the activities' <c>serviceUrl</c> (none given: a new fake, started
    /// with the host and disposed with it).
    /// </summary>
    /// <param name="appId">
    /// Set, the Bot Framework authenticates every request (MicrosoftAppType MultiTenant, the fixtures' tenant allowed);
    /// null, the host runs in the Emulator mode (<c>Teams:AllowUnauthenticated</c>), which serves loopback peers.
    /// </param>
    /// <param name="authority">
    /// Set, the host authenticates both ways against this fake Bot Framework authority, through the SDK's own
    /// configuration keys: incoming activities must carry a token signed with its keys, and the bot logs in to it (app id
    /// <see cref="FakeBotFrameworkAuthority.BotAppId"/> unless <paramref name="appId"/> says otherwise, password
    /// <see cref="FakeBotFrameworkAuthority.BotAppPassword"/>) for the bearer token of every call to the connector.
    /// </param>
    public ScribeBotApplication WithTeams(string? appId = null, FakeConnector? connector = null, FakeBotFrameworkAuthority? authority = null)
    {
        if (authority is not null)
        {
            appId ??= FakeBotFrameworkAuthority.BotAppId;
            PinSdkSigningKeyClient(authority);
        }

        WithPlatformSetting("MicrosoftAppType", appId is null ? "" : "MultiTenant")
            .WithPlatformSetting("MicrosoftAppId", appId ?? "")
            .WithPlatformSetting("MicrosoftAppPassword", appId is null ? "" : "not-a-real-secret")
            .WithPlatformSetting("MicrosoftAppTenantId", appId is null ? "" : TeamsPayloads.Tenant)
            // Without an app id the host has no Teams endpoint at all unless the Emulator switch is on; the tests'
            // requests come from loopback, as the Emulator's do.
            .WithPlatformSetting("Teams:AllowUnauthenticated", appId is null ? "true" : "false");
        if (appId is not null)
        {
            // Where the SDK fetches the keys that sign the Bot Connector's tokens, when it authenticates: a closed
            // loopback port, so a test never reaches for login.botframework.com (tests talk to loopback only).
            WithPlatformSetting("ToBotFromChannelOpenIdMetadataUrl", UnreachableMetadataUrl)
                .WithPlatformSetting("ToBotFromEmulatorOpenIdMetadataUrl", UnreachableMetadataUrl);
        }

        if (authority is not null)
        {
            Authenticate(authority);
        }

        if (connector is not null)
        {
            UseConnector(connector, appId);
        }
        else
        {
            BeforeStart(async () => UseConnector(Own(await FakeConnector.StartAsync()), appId));
        }

        return this;
    }

    private void UseConnector(FakeConnector connector, string? appId)
    {
        _connector = connector;
        if (appId is not null)
        {
            // With an app id, the fake connector on loopback is the only service URL the bot may call.
            WithPlatformSetting("Teams:AllowedServiceUrls:0", connector.ServiceUrl.AbsoluteUri);
        }
    }

    /// <summary>
    /// Everything an authenticated host needs, set through the Bot Framework's own keys as a private-cloud deployment
    /// would (read by ConfigurationBotFrameworkAuthentication and ConfigurationServiceClientCredentialFactory): where
    /// the channel's signing keys are and who issues its tokens; where the bot logs in for its own token and for which
    /// scope; where the user-token service is; no authority validation, since the fake is not a known Azure AD host.
    /// </summary>
    private void Authenticate(FakeBotFrameworkAuthority authority)
    {
        WithPlatformSetting("MicrosoftAppPassword", FakeBotFrameworkAuthority.BotAppPassword)
            .WithPlatformSetting("ToBotFromChannelOpenIdMetadataUrl", authority.OpenIdMetadataUrl)
            .WithPlatformSetting("ToBotFromEmulatorOpenIdMetadataUrl", authority.OpenIdMetadataUrl)
            .WithPlatformSetting("ToBotFromChannelTokenIssuer", FakeBotFrameworkAuthority.ChannelIssuer)
            .WithPlatformSetting("ToChannelFromBotLoginUrl", authority.LoginUrl)
            .WithPlatformSetting("ToChannelFromBotOAuthScope", FakeBotFrameworkAuthority.BotFrameworkScope)
            .WithPlatformSetting("ValidateAuthority", "false")
            // The user-token service (OAuth sign-in cards), which the SDK's parameterized configuration requires to be
            // set; ScribeBot never signs users in, so this is only ever a URL.
            .WithPlatformSetting("OAuthUrl", authority.UserTokenServiceUrl)
            // Required by the lead's tenant and service URL allow-lists; ignored by code that has none.
            .WithPlatformSetting("Teams:AllowedTenants:0", TeamsPayloads.Tenant)
            // The adapter's HTTP client (connector calls) trusts the fake authority's certificate and no other.
            .WithServices(services => services
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
}
