using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace ScribeBot.Testing.Teams;

/// <summary>
/// The Bot Framework's two identity services as one real HTTPS server on loopback, with a self-signed certificate made
/// in-process (<see cref="Certificate"/>; trust exactly that one with <see cref="CreatePinnedHandler"/>):
/// <list type="bullet">
/// <item>toward the bot: the OpenID metadata (<see cref="OpenIdMetadataUrl"/>) and its key set, whose signing key is
/// endorsed for <c>msteams</c>, and <see cref="MintChannelToken"/>, which signs activities' tokens as the Bot Connector
/// does;</item>
/// <item>from the bot: the token endpoint its app credentials log in to (<see cref="LoginUrl"/> as the MSAL authority),
/// which records every request (<see cref="TokenRequests"/>) and answers an access token it can recognise later
/// (<see cref="IssuedAccessTokens"/>).</item>
/// </list>
/// Every address sits under a path unique to this instance, so the SDK's process-wide caches (signing keys by metadata
/// URL, MSAL tokens by authority) never hand one test another test's keys or tokens, even on a reused port.
/// </summary>
public sealed class FakeBotFrameworkAuthority : IAsyncDisposable
{
    /// <summary>The issuer of the Bot Connector's tokens to bots (the SDK's <c>ToBotFromChannelTokenIssuer</c>).</summary>
    public const string ChannelIssuer = "https://api.botframework.com";

    /// <summary>The app id of a host authenticated by this authority (<c>WithTeams(authority: ...)</c>).</summary>
    public const string BotAppId = "5a0e4c7d-2b1f-4e8a-9c3d-6f7b8e9a0c1d";

    /// <summary>The app password of a host authenticated by this authority: what the bot must log in with.</summary>
    public const string BotAppPassword = "fake-app-secret-Zq8~pL3";

    /// <summary>The audience the bot asks tokens for (<c>ToChannelFromBotOAuthScope</c>); MSAL adds <c>/.default</c>.</summary>
    public const string BotFrameworkScope = "https://api.botframework.com";

    /// <summary>
    /// MSAL's instance discovery host: for an authority on a host it does not know, MSAL first asks
    /// <c>https://login.microsoftonline.com:{the authority's port}/common/discovery/instance</c>, even with authority
    /// validation off. A <see cref="CreatePinnedHandler"/> client sends that host here.
    /// </summary>
    public const string InstanceDiscoveryHost = "login.microsoftonline.com";

    private const string InstanceDiscoveryPath = "/common/discovery/instance";

    private const string TeamsKeyId = "fake-msteams-key";
    private const string OtherChannelKeyId = "fake-webchat-key";
    private const string UnlistedKeyId = "fake-unlisted-key";

    private readonly WebApplication _app;
    private readonly string _prefix = "/" + Guid.NewGuid().ToString("N");
    private readonly RsaSecurityKey _teamsKey = NewKey(TeamsKeyId);
    private readonly RsaSecurityKey _otherChannelKey = NewKey(OtherChannelKeyId);
    private readonly RsaSecurityKey _unknownKey = NewKey(TeamsKeyId);
    private readonly RsaSecurityKey _unlistedKey = NewKey(UnlistedKeyId);
    private readonly ConcurrentQueue<AuthorityRequest> _requests = new();
    private readonly ConcurrentQueue<TokenRequest> _tokenRequests = new();
    private readonly ConcurrentDictionary<string, TokenRequest> _issued = new();
    private volatile bool _keysUnreachable;

    private FakeBotFrameworkAuthority(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    /// <summary>The server's certificate: self-signed for <c>127.0.0.1</c>, made for this instance only.</summary>
    public X509Certificate2 Certificate { get; }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The OpenID metadata (<c>ToBotFromChannelOpenIdMetadataUrl</c>), named as login.botframework.com names it.</summary>
    public string OpenIdMetadataUrl => new Uri(BaseUrl, "v1/.well-known/openidconfiguration").AbsoluteUri;

    /// <summary>The key set the metadata points at.</summary>
    public string JwksUrl => new Uri(BaseUrl, "v1/.well-known/keys").AbsoluteUri;

    /// <summary>
    /// The MSAL authority the bot logs in to (<c>ToChannelFromBotLoginUrl</c>); tokens are at
    /// <c>{this}/oauth2/v2.0/token</c>. MSAL reads an Azure AD authority as <c>host/tenant</c> and drops any further
    /// segment, so this instance's unique path segment stands where the public cloud has <c>botframework.com</c>.
    /// </summary>
    public string LoginUrl => BaseUrl.AbsoluteUri.TrimEnd('/');

    /// <summary>
    /// The user-token service (the SDK's <c>OAuthUrl</c>, token.botframework.com in the public cloud), for OAuth sign-in
    /// cards: it must be configured, and nothing here answers it (any call shows in <see cref="Requests"/> as a 404).
    /// </summary>
    public string UserTokenServiceUrl => new Uri(BaseUrl, "user-token-service").AbsoluteUri;

    /// <summary>Every request that reached the server, in arrival order.</summary>
    public IReadOnlyList<AuthorityRequest> Requests => [.. _requests];

    /// <summary>Every request to the token endpoint, in arrival order.</summary>
    public IReadOnlyList<TokenRequest> TokenRequests => [.. _tokenRequests];

    /// <summary>The access tokens this authority issued, and to which request.</summary>
    public IReadOnlyDictionary<string, TokenRequest> IssuedAccessTokens => _issued;

    public static async Task<FakeBotFrameworkAuthority> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var authority = new FakeBotFrameworkAuthority(app, certificate);
        app.Run(authority.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        authority.BaseUrl = new Uri(address.TrimEnd('/') + authority._prefix + "/");
        return authority;
    }

    /// <summary>
    /// A token for an activity to the bot, as the Bot Connector signs it: RS256 with the key endorsed for msteams,
    /// issuer <see cref="ChannelIssuer"/>, audience the bot's app id, the activity's <c>serviceurl</c>, valid for an hour.
    /// </summary>
    public string MintChannelToken(string audience, Uri serviceUrl) => MintChannelToken(new ChannelTokenSpec(audience, serviceUrl));

    /// <summary>A channel token varied by <paramref name="spec"/>, for the tests that must be refused.</summary>
    public string MintChannelToken(ChannelTokenSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var now = TimeProvider.System.GetUtcNow();
        var expires = spec.Expires ?? (spec.NotBefore ?? now).AddHours(1);
        var notBefore = spec.NotBefore ?? (spec.Expires is null ? now.AddMinutes(-5) : expires.AddHours(-1));
        RsaSecurityKey? key = spec.Key switch
        {
            ChannelTokenKey.EndorsedForTeams => _teamsKey,
            ChannelTokenKey.EndorsedForAnotherChannelOnly => _otherChannelKey,
            ChannelTokenKey.UnknownToTheKeySet => _unknownKey,
            ChannelTokenKey.UnlistedKeyId => _unlistedKey,
            ChannelTokenKey.None => null,
            _ => throw new ArgumentOutOfRangeException(nameof(spec)),
        };
        var claims = new Dictionary<string, object>
        {
            ["serviceurl"] = spec.ServiceUrl.AbsoluteUri,
        };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer ?? ChannelIssuer,
            Audience = spec.Audience,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            // Without credentials the handler writes an unsigned token: header "alg": "none", an empty signature.
            SigningCredentials = key is null ? null : new SigningCredentials(key, spec.Algorithm),
        });
    }

    /// <summary>
    /// From now on the OpenID metadata and the key set are unreachable: the server drops each such connection unanswered,
    /// as a host cut off from login.botframework.com sees it. The token endpoint still answers.
    /// </summary>
    public void BeginKeysOutage() => _keysUnreachable = true;

    public void EndKeysOutage() => _keysUnreachable = false;

    /// <summary>
    /// A handler that trusts this server's certificate and no other (pinned by SHA-256 thumbprint, on top of nothing:
    /// a certificate the system would trust is refused too), and connects to loopback only, so a client built on it
    /// cannot reach past the test's own servers. The one name it resolves is MSAL's instance discovery host on this
    /// server's port (<see cref="InstanceDiscoveryHost"/>), to this server, which answers as that host does for an
    /// unknown authority; the pinned certificate still decides who may answer.
    /// </summary>
    public SocketsHttpHandler CreatePinnedHandler()
    {
        var pinned = Certificate.GetCertHashString(HashAlgorithmName.SHA256);
        return new SocketsHttpHandler
        {
            UseProxy = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                    presented is not null && string.Equals(presented.GetCertHashString(HashAlgorithmName.SHA256), pinned, StringComparison.OrdinalIgnoreCase),
            },
            ConnectCallback = async (context, cancellationToken) =>
            {
                var host = context.DnsEndPoint.Host;
                var ip = string.Equals(host, InstanceDiscoveryHost, StringComparison.OrdinalIgnoreCase) && context.DnsEndPoint.Port == BaseUrl.Port
                    ? IPAddress.Loopback
                    : IPAddress.TryParse(host, out var parsed) && IPAddress.IsLoopback(parsed) ? parsed : null;
                if (ip is null)
                {
                    throw new HttpRequestException($"Tests talk to loopback only; refused a connection to {host}:{context.DnsEndPoint.Port}.");
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(ip, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, 0, critical: true));
        var now = TimeProvider.System.GetUtcNow();
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    private static JsonObject Jwk(RsaSecurityKey key, params string[] endorsements)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]),
        };
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        _requests.Enqueue(new AuthorityRequest(context.Request.Method, path, context.Request.QueryString.Value ?? string.Empty));
        if (context.Request.Method == HttpMethods.Get && path == InstanceDiscoveryPath)
        {
            await UnknownInstanceAsync(context.Response);
            return;
        }

        if (!path.StartsWith(_prefix + "/", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var local = path[_prefix.Length..];
        if (_keysUnreachable && local.StartsWith("/v1/.well-known/", StringComparison.Ordinal))
        {
            context.Abort();
            return;
        }

        switch (context.Request.Method, local)
        {
            case ("GET", "/v1/.well-known/openidconfiguration"):
                await WriteJsonAsync(context.Response, new JsonObject
                {
                    ["issuer"] = ChannelIssuer,
                    ["authorization_endpoint"] = new Uri(BaseUrl, "v1/authorize").AbsoluteUri,
                    ["jwks_uri"] = JwksUrl,
                    ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                    ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
                });
                return;
            case ("GET", "/v1/.well-known/keys"):
                await WriteJsonAsync(context.Response, new JsonObject
                {
                    ["keys"] = new JsonArray(Jwk(_teamsKey, "msteams", "skype"), Jwk(_otherChannelKey, "webchat")),
                });
                return;
            case ("POST", "/oauth2/v2.0/token"):
                await TokenAsync(context);
                return;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
        }
    }

    /// <summary>
    /// What login.microsoftonline.com answers MSAL's instance discovery for an authority it does not know: 400
    /// <c>invalid_instance</c>. MSAL, told not to validate the authority, then uses the authority as given.
    /// </summary>
    private static async Task UnknownInstanceAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status400BadRequest;
        await WriteJsonAsync(response, new JsonObject
        {
            ["error"] = "invalid_instance",
            ["error_description"] = "AADSTS50049: Unknown or invalid instance.",
            ["error_codes"] = new JsonArray(50049),
        });
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var request = new TokenRequest(
            form["grant_type"].ToString(),
            form["client_id"].ToString(),
            form["client_secret"].ToString(),
            form["scope"].ToString());
        _tokenRequests.Enqueue(request);
        var accessToken = "fake-access-token-" + Guid.NewGuid().ToString("N");
        _issued[accessToken] = request;
        await WriteJsonAsync(context.Response, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3599,
            ["ext_expires_in"] = 3599,
            ["access_token"] = accessToken,
        });
    }

    private static async Task WriteJsonAsync(HttpResponse response, JsonObject body)
    {
        response.ContentType = "application/json";
        await response.WriteAsync(body.ToJsonString());
    }
}

/// <summary>Which key signs a minted channel token.</summary>
public enum ChannelTokenKey
{
    /// <summary>The key set's key endorsed for <c>msteams</c>: what the Bot Connector signs Teams activities with.</summary>
    EndorsedForTeams,

    /// <summary>A key of the key set endorsed only for another channel (webchat).</summary>
    EndorsedForAnotherChannelOnly,

    /// <summary>A key the key set does not hold, with the same key id as the endorsed one: a forger's.</summary>
    UnknownToTheKeySet,

    /// <summary>A key the key set does not hold, under a key id the key set does not list.</summary>
    UnlistedKeyId,

    /// <summary>No key: the token is unsigned (<c>"alg": "none"</c>).</summary>
    None,
}

/// <summary>
/// A channel token's contents; null members take the genuine value (issuer, valid from five minutes ago for an hour;
/// given only one end of the validity, the other is an hour away from it). <see cref="Algorithm"/> is the signing
/// algorithm of an RSA <see cref="Key"/>.
/// </summary>
public sealed record ChannelTokenSpec(
    string Audience, Uri ServiceUrl, string? Issuer = null, DateTimeOffset? Expires = null, ChannelTokenKey Key = ChannelTokenKey.EndorsedForTeams,
    DateTimeOffset? NotBefore = null, string Algorithm = SecurityAlgorithms.RsaSha256);

/// <summary>A request that reached the fake authority.</summary>
public sealed record AuthorityRequest(string Method, string Path, string Query);

/// <summary>A request to the token endpoint: the client credentials and scope the bot logged in with.</summary>
public sealed record TokenRequest(string GrantType, string ClientId, string ClientSecret, string Scope);
