using ScribeBot.Testing.Storage;

namespace ScribeBot.Tests.Storage;

/// <summary>
/// The dashboard behind a load balancer that sends each request to either of two instances on one PostgreSQL database:
/// a sign-in started on one finishes on the other, the session cookie is good on both, and an antiforgery token from a
/// page of one is taken by the other, because the data-protection key ring is in the database.
/// </summary>
public sealed partial class PostgresSharedSignInTests(PostgresFixture postgres) : PostgresDatabaseTest(postgres)
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    [Fact]
    public async Task A_sign_in_started_on_one_instance_finishes_on_the_other_and_the_session_works_on_both()
    {
        await using var issuer = await FakeOidcIssuer.StartAsync();
        issuer.User = new FakeUser("user-1", "Alice Ng", new Dictionary<string, string> { ["tid"] = Tenant });
        await using var first = await OnDatabase(Database, issuer).StartKestrelAsync();
        await using var second = await OnDatabase(Database, issuer).StartKestrelAsync();
        // One browser: the two instances are one site to it (cookies are not told apart by port, as by a balancer).
        var cookies = new CookieContainer();
        var toFirst = first.CreateBrowserClient(cookies);
        var toSecond = second.CreateBrowserClient(cookies);

        using var challenge = await toFirst.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        using var fromIssuer = await toFirst.GetAsync(challenge.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, fromIssuer.StatusCode);
        var callback = fromIssuer.Headers.Location!;

        // The issuer sends the browser back to the site; the balancer hands the callback to the other instance, under
        // the site's host name, so the redirect_uri it redeems the code with is the one the first instance sent.
        using var callbackRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(second.BaseAddress, callback.PathAndQuery));
        callbackRequest.Headers.Host = callback.Authority;
        using var signedIn = await toSecond.SendAsync(callbackRequest);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);

        using var onSecond = await toSecond.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        using var onFirst = await toFirst.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, onFirst.StatusCode);

        // The sign-out form of a page the first instance served, posted to the second.
        var token = AntiforgeryField().Match(await onFirst.Content.ReadAsStringAsync());
        Assert.True(token.Success);
        using var signOut = await toSecond.PostAsync(new Uri("/signout", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value) }));
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);

        // One key, made by the first instance and read from the database by the second.
        Assert.Equal(1L, await Sql.CountAsync(Database, "SELECT count(*) FROM data_protection_keys"));
        Assert.Equal(1, issuer.TokensIssued);
    }

    private static ScribeBotApplication OnDatabase(string database, FakeOidcIssuer issuer) => new ScribeBotApplication()
        .WithSignIn(issuer, tenant: Tenant)
        .WithPostgres(database);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
