using Microsoft.AspNetCore.WebUtilities;

namespace ScribeBot.Tests.Web;

public sealed partial class OidcSignInTests : IAsyncLifetime
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string OtherTenant = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";
    private const string Workspace = "T0ALLOWED1";

    private FakeOidcIssuer _issuer = null!;
    private ScribeBotApplication _host = null!;
    private BrowserSession _browser = null!;

    public async Task InitializeAsync()
    {
        _issuer = await FakeOidcIssuer.StartAsync();
        _host = await new ScribeBotApplication().WithSignIn(_issuer, tenant: Tenant, workspace: Workspace).StartKestrelAsync();
        _browser = new BrowserSession(_host);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task A_user_of_an_allowed_tenant_is_sent_to_the_issuer_and_back_and_gets_the_page()
    {
        _issuer.User = new FakeUser("user-1", "Alice Ng", new Dictionary<string, string> { ["tid"] = Tenant });

        using var first = await _browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var toIssuer = first.Headers.Location!;
        Assert.StartsWith(_issuer.AuthorizeEndpoint + "?", toIssuer.AbsoluteUri, StringComparison.Ordinal);

        using var fromIssuer = await _browser.GetAsync(toIssuer.AbsoluteUri);
        Assert.Equal(HttpStatusCode.Redirect, fromIssuer.StatusCode);
        var callback = fromIssuer.Headers.Location!;
        Assert.Equal(new Uri(_browser.BaseAddress, "/signin-oidc").AbsoluteUri, callback.GetLeftPart(UriPartial.Path));

        using var signedIn = await _browser.GetAsync(callback.AbsoluteUri);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        var session = _browser.SessionCookie;
        Assert.NotNull(session);
        Assert.True(session.HttpOnly);

        using var page = await _browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(1, _issuer.TokensIssued);

        // Every page offers the signed-in user a sign-out form that carries its antiforgery token.
        var body = await page.Content.ReadAsStringAsync();
        var signOutForm = System.Text.RegularExpressions.Regex.Match(body, "<form method=\"post\" action=\"/signout\"[^>]*>(?<inner>.*?)</form>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(signOutForm.Success, body);
        Assert.Contains("Alice Ng", signOutForm.Groups["inner"].Value, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", signOutForm.Groups["inner"].Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_asks_for_a_code_with_PKCE_a_nonce_and_the_openid_scopes_answered_in_the_query_by_default()
    {
        using var first = await _browser.GetAsync("/");

        var query = QueryHelpers.ParseQuery(first.Headers.Location!.Query);
        Assert.Equal("code", query["response_type"]);
        // The query is the default response mode of the code flow, so the handler leaves the parameter out.
        Assert.False(query.ContainsKey("response_mode"));
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.Equal(["openid", "profile", "email"], query["scope"].ToString().Split(' '));
        Assert.Equal(new Uri(_browser.BaseAddress, "/signin-oidc").AbsoluteUri, query["redirect_uri"]);
    }

    [Fact]
    public async Task A_Slack_user_of_an_allowed_workspace_gets_the_page()
    {
        _issuer.User = new FakeUser("U0R7MFMJM", "Bo Chen", new Dictionary<string, string>
        {
            ["https://slack.com/team_id"] = Workspace,
            ["https://slack.com/user_id"] = "U0R7MFMJM",
        });

        var (response, visited) = await _browser.FollowAsync("/");

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["/", "/authorize", "/signin-oidc", "/"], visited.Select(url => url.AbsolutePath));
        }
    }

    [Fact]
    public async Task A_signed_in_user_of_another_tenant_gets_403_with_the_name_encoded_and_can_sign_out()
    {
        _issuer.User = new FakeUser("user-2", "<b>Mallory</b>", new Dictionary<string, string> { ["tid"] = OtherTenant });

        var (response, visited) = await _browser.FollowAsync("/");

        string body;
        using (response)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Null(response.Headers.Location);
            body = await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("/signin-oidc", visited.Select(url => url.AbsolutePath));
        Assert.NotNull(_browser.SessionCookie);
        Assert.Contains("&lt;b&gt;Mallory&lt;/b&gt;", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Mallory", body, StringComparison.Ordinal);
        Assert.Contains(OtherTenant, body, StringComparison.Ordinal);

        var token = AntiforgeryField().Match(body);
        Assert.True(token.Success, body);
        using var signOut = await _browser.Client.PostAsync(new Uri("/signout", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { [token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value) }));
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        await AssertSignedOutAsync();
    }

    [Fact]
    public async Task Sign_out_without_an_antiforgery_token_is_refused_and_the_session_stays()
    {
        _issuer.User = new FakeUser("user-1", "Alice Ng", new Dictionary<string, string> { ["tid"] = Tenant });
        (await _browser.FollowAsync("/")).Response.Dispose();
        Assert.NotNull(_browser.SessionCookie);

        using var signOut = await _browser.Client.PostAsync(new Uri("/signout", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        using var page = await _browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/incidents/teams%3At%3A1/postmortem.md")]
    public async Task Without_a_session_a_page_redirects_to_the_issuer_even_from_loopback(string path)
    {
        using var response = await _browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(_issuer.AuthorizeEndpoint + "?", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_id_token_signed_with_another_key_is_refused_and_makes_no_session()
    {
        _issuer.User = new FakeUser("user-1", "Alice Ng", new Dictionary<string, string> { ["tid"] = Tenant });
        _issuer.SignWithForeignKey = true;

        var (response, visited) = await _browser.FollowAsync("/");

        using (response)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("/signin-oidc", visited[^1].AbsolutePath);
            Assert.Contains("Sign-in failed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(1, _issuer.TokensIssued);
        await AssertSignedOutAsync();
    }

    [Fact]
    public async Task A_callback_that_did_not_start_here_is_refused()
    {
        // No correlation cookie and a made-up state: a login forced on the user from elsewhere.
        using var response = await _browser.GetAsync("/signin-oidc?code=abc&state=forged");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(_browser.SessionCookie);
        Assert.Equal(0, _issuer.TokensIssued);
    }

    [Fact]
    public async Task The_health_check_and_the_chat_endpoints_are_never_sent_to_the_issuer()
    {
        using var health = await _browser.GetAsync("/healthz");
        using var teams = await _browser.Client.PostAsync(new Uri("/api/messages", UriKind.Relative),
            new StringContent("""{"type":"conversationUpdate","id":"1","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/"}""", Encoding.UTF8, "application/json"));
        using var slack = await _browser.Client.PostAsync(new Uri("/slack/events", UriKind.Relative),
            new StringContent("""{"type":"url_verification","challenge":"x"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        foreach (var response in new[] { health, teams, slack })
        {
            Assert.Null(response.Headers.Location);
            Assert.False((int)response.StatusCode is >= 300 and < 400, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode}");
        }

        Assert.Empty(_issuer.AuthorizeRequests);
    }

    [GeneratedRegex("""name="(?<name>__RequestVerificationToken)" value="(?<value>[^"]+)" """)]
    private static partial Regex AntiforgeryField();

    /// <summary>No session is left: the browser holds no session cookie, and the next page sends it to the issuer.</summary>
    private async Task AssertSignedOutAsync()
    {
        Assert.Null(_browser.SessionCookie);
        using var again = await _browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith(_issuer.AuthorizeEndpoint, again.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }
}
