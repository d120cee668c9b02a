namespace ScribeBot.Testing.Web;

/// <summary>Who the fake issuer signs in next: <c>sub</c>, <c>name</c> and any further claims (tenant, workspace).</summary>
public sealed record FakeUser(string Subject, string Name, IReadOnlyDictionary<string, string> Claims);

/// <summary>
/// A tiny OpenID Connect issuer as a real HTTP server on loopback: discovery, a JWKS with an RSA key made here,
/// <c>/authorize</c> that signs <see cref="User"/> in at once (redirect back with a code and the state, query response
/// mode, as Slack does) and <c>/token</c> that checks the client secret and the PKCE verifier and answers with an RS256
/// <c>id_token</c> carrying the nonce the code was issued for. With <paramref name="perTenantIssuer"/>, discovery names
/// the issuer with Entra's <c>{tenantid}</c> placeholder and tokens carry the tenant's own issuer.
/// </summary>
public sealed class FakeOidcIssuer : IAsyncDisposable
{
    public const string ClientId = "scribebot-test-client";
    public const string ClientSecret = "not-a-real-client-secret";
    private const string KeyId = "fake-issuer-key-1";

    private readonly WebApplication _app;
    private readonly bool _perTenantIssuer;
    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, IssuedCode> _codes = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _authorizeRequests = new();
    private int _tokensIssued;

    private FakeOidcIssuer(WebApplication app, bool perTenantIssuer)
    {
        _app = app;
        _perTenantIssuer = perTenantIssuer;
    }

    /// <summary>The authority to configure, e.g. <c>http://127.0.0.1:40123</c> (no trailing slash).</summary>
    public string Authority { get; private set; } = null!;

    /// <summary>Signed in by the next <c>/authorize</c>.</summary>
    public FakeUser User { get; set; } = new("user-1", "Alice Ng", new Dictionary<string, string>());

    /// <summary>Set, id_tokens are signed with a key the JWKS does not hold (under the JWKS key's id): a forgery.</summary>
    public bool SignWithForeignKey { get; set; }

    /// <summary>Set, the id_token's <c>iss</c> names this tenant instead of the user's own (per-tenant issuer only).</summary>
    public string? IssuerTenantOverride { get; set; }

    /// <summary>The query of every <c>/authorize</c> request, in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> AuthorizeRequests => [.. _authorizeRequests];

    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    public string AuthorizeEndpoint => Authority + "/authorize";

    private string DiscoveryIssuer => _perTenantIssuer ? Authority + "/{tenantid}/v2.0" : Authority;

    public static async Task<FakeOidcIssuer> StartAsync(bool perTenantIssuer = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new FakeOidcIssuer(app, perTenantIssuer);
        app.MapGet("/.well-known/openid-configuration", issuer.Discovery);
        app.MapGet("/jwks", issuer.Jwks);
        app.MapGet("/authorize", issuer.Authorize);
        app.MapPost("/token", issuer.TokenAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        issuer.Authority = address.TrimEnd('/');
        return issuer;
    }

    private IResult Discovery() => Results.Json(new JsonObject
    {
        ["issuer"] = DiscoveryIssuer,
        ["authorization_endpoint"] = AuthorizeEndpoint,
        ["token_endpoint"] = Authority + "/token",
        ["jwks_uri"] = Authority + "/jwks",
        ["response_types_supported"] = new JsonArray("code"),
        ["response_modes_supported"] = new JsonArray("query"),
        ["subject_types_supported"] = new JsonArray("public"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["scopes_supported"] = new JsonArray("openid", "profile", "email"),
        ["code_challenge_methods_supported"] = new JsonArray("S256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "client_secret_basic"),
    });

    private IResult Jwks()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        return Results.Json(new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            }),
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        _authorizeRequests.Enqueue(query);
        if (query.GetValueOrDefault("client_id") != ClientId || query.GetValueOrDefault("response_type") != "code"
            || !query.TryGetValue("redirect_uri", out var redirectUri) || !query.TryGetValue("state", out var state))
        {
            return Results.BadRequest("invalid_request");
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new IssuedCode(User, query.GetValueOrDefault("nonce"), redirectUri, query.GetValueOrDefault("code_challenge"));
        return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, new Dictionary<string, string?> { ["code"] = code, ["state"] = state }));
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var issued)
            || form["redirect_uri"] != issued.RedirectUri)
        {
            return Results.Json(new JsonObject { ["error"] = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }

        if (!ClientAuthenticated(request, form) || issued.CodeChallenge is null
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != issued.CodeChallenge)
        {
            return Results.Json(new JsonObject { ["error"] = "invalid_client_or_verifier" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var accessToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        Interlocked.Increment(ref _tokensIssued);
        return Results.Json(new JsonObject
        {
            ["access_token"] = accessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
            ["id_token"] = IdToken(issued, accessToken),
        });
    }

    private static bool ClientAuthenticated(HttpRequest request, IFormCollection form)
    {
        if (form["client_id"] == ClientId && form["client_secret"] == ClientSecret)
        {
            return true;
        }

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
        return request.Headers.Authorization == expected;
    }

    private string IdToken(IssuedCode issued, string accessToken)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = issued.User.Subject,
            ["name"] = issued.User.Name,
            // at_hash: the left half of the access token's SHA-256, as for RS256.
            ["at_hash"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]),
        };
        if (issued.Nonce is not null)
        {
            claims["nonce"] = issued.Nonce;
        }

        foreach (var (type, value) in issued.User.Claims)
        {
            claims[type] = value;
        }

        var tenant = IssuerTenantOverride ?? issued.User.Claims.GetValueOrDefault("tid") ?? "none";
        var signingKey = SignWithForeignKey ? RSA.Create(2048) : _key;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _perTenantIssuer ? DiscoveryIssuer.Replace("{tenantid}", tenant, StringComparison.Ordinal) : Authority,
            Audience = ClientId,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signingKey) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private sealed record IssuedCode(FakeUser User, string? Nonce, string RedirectUri, string? CodeChallenge);
}
