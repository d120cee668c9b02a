namespace ScribeBot.Tests.Web;

/// <summary>
/// Tests of the dashboard's OIDC sign-in. xUnit makes one instance per test, so each test gets its own fake issuer, a
/// host that signs in through it, and a browser on that host, all disposed with the instance.
/// </summary>
public abstract class SignInSessionTests : IAsyncLifetime
{
    protected const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    protected const string OtherTenant = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    /// <summary>A user of the allowed tenant.</summary>
    protected static FakeUser Alice => new("user-1", "Alice Ng", new Dictionary<string, string> { ["tid"] = Tenant });

    protected FakeOidcIssuer Issuer { get; private set; } = null!;

    protected ScribeBotApplication Host { get; private set; } = null!;

    protected BrowserSession Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await StartIssuerAsync();
        Host = await ConfigureSignIn(new ScribeBotApplication(), Issuer).StartKestrelAsync();
        Browser = new BrowserSession(Host);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Issuer.DisposeAsync();
    }

    /// <summary>Follows the sign-in from <c>/</c>, which must end refused (403) at the callback; returns the page's text.</summary>
    protected async Task<string> FollowToRefusedSignInAsync()
    {
        var (response, visited) = await Browser.FollowAsync("/");
        using (response)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("/signin-oidc", visited[^1].AbsolutePath);
            return await response.Content.ReadAsStringAsync();
        }
    }

    protected virtual Task<FakeOidcIssuer> StartIssuerAsync() => FakeOidcIssuer.StartAsync();

    /// <summary>The sign-in settings of the host under test.</summary>
    protected abstract ScribeBotApplication ConfigureSignIn(ScribeBotApplication host, FakeOidcIssuer issuer);
}
