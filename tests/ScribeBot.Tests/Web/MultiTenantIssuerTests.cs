namespace ScribeBot.Tests.Web;

/// <summary>Entra's <c>organizations</c>/<c>common</c> authorities name their issuer with a <c>{tenantid}</c> placeholder.</summary>
public sealed class MultiTenantIssuerTests : SignInSessionTests
{
    protected override Task<FakeOidcIssuer> StartIssuerAsync() => FakeOidcIssuer.StartAsync(perTenantIssuer: true);

    // Allowed in upper case, as someone may paste it; the token carries it in lower case.
    protected override ScribeBotApplication ConfigureSignIn(ScribeBotApplication host, FakeOidcIssuer issuer) =>
        host.WithSignIn(issuer, tenant: Tenant.ToUpperInvariant());

    [Fact]
    public async Task A_token_from_the_users_own_tenant_issuer_signs_an_allowed_tenant_in()
    {
        Issuer.User = Alice;

        var (response, _) = await Browser.FollowAsync("/");

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_token_whose_issuer_names_another_tenant_than_its_tid_is_refused()
    {
        Issuer.User = Alice;
        Issuer.IssuerTenantOverride = OtherTenant;

        await FollowToRefusedSignInAsync();

        Assert.Null(Browser.SessionCookie);
    }
}
