namespace ScribeBot.Tests.Web;

/// <summary>Entra's <c>organizations</c>/<c>common</c> authorities name their issuer with a <c>{tenantid}</c> placeholder.</summary>
public sealed class MultiTenantIssuerTests : IAsyncLifetime
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string OtherTenant = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    private FakeOidcIssuer _issuer = null!;
    private ScribeBotApplication _host = null!;
    private BrowserSession _browser = null!;

    public async Task InitializeAsync()
    {
        _issuer = await FakeOidcIssuer.StartAsync(perTenantIssuer: true);
        // Allowed in upper case, as someone may paste it; the token carries it in lower case.
        _host = await new ScribeBotApplication().WithSignIn(_issuer, tenant: Tenant.ToUpperInvariant()).StartKestrelAsync();
        _browser = new BrowserSession(_host);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task A_token_from_the_users_own_tenant_issuer_signs_an_allowed_tenant_in()
    {
        _issuer.User = new FakeUser("user-1", "Alice Ng", new Dictionary<string, string> { ["tid"] = Tenant });

        var (response, _) = await _browser.FollowAsync("/");

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_token_whose_issuer_names_another_tenant_than_its_tid_is_refused()
    {
        _issuer.User = new FakeUser("user-1", "Alice Ng", new Dictionary<string, string> { ["tid"] = Tenant });
        _issuer.IssuerTenantOverride = OtherTenant;

        var (response, visited) = await _browser.FollowAsync("/");

        using (response)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("/signin-oidc", visited[^1].AbsolutePath);
        }

        Assert.Null(_browser.SessionCookie);
    }
}
