using Microsoft.AspNetCore.WebUtilities;

namespace ScribeBot.Tests.Web;

public sealed partial class OidcSignInTests : SignInSessionTests
{
    private const string Workspace = "T0ALLOWED1";

    protected override ScribeBotApplication ConfigureSignIn(ScribeBotApplication host, FakeOidcIssuer issuer) =>
        host.WithSignIn(issuer, tenant: Tenant, workspace: Workspace);

    [Fact]
    public async Task A_user_of_an_allowed_tenant_is_sent_to_the_issuer_and_back_and_gets_the_page()
    {
        Issuer.User = Alice;

        using var first = await Browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var toIssuer = first.Headers.Location!;
        Assert.StartsWith(Issuer.AuthorizeEndpoint + "?", toIssuer.AbsoluteUri, StringComparison.Ordinal);

        using var fromIssuer = await Browser.GetAsync(toIssuer.AbsoluteUri);
        Assert.Equal(HttpStatusCode.Redirect, fromIssuer.StatusCode);
        var callback = fromIssuer.Headers.Location!;
        Assert.Equal(new Uri(Browser.BaseAddress, "/signin-oidc").AbsoluteUri, callback.GetLeftPart(UriPartial.Path));

        using var signedIn = await Browser.GetAsync(callback.AbsoluteUri);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        var session = Browser.SessionCookie;
        Assert.NotNull(session);
        Assert.True(session.HttpOnly);

        using var page = await Browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(1, Issuer.TokensIssued);

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
        using var first = await Browser.GetAsync("/");

        var query = QueryHelpers.ParseQuery(first.Headers.Location!.Query);
        Assert.Equal("code", query["response_type"]);
        // The query is the default response mode of the code flow, so the handler leaves the parameter out.
        Assert.False(query.ContainsKey("response_mode"));
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.Equal(["openid", "profile", "email"], query["scope"].ToString().Split(' '));
        Assert.Equal(new Uri(Browser.BaseAddress, "/signin-oidc").AbsoluteUri, query["redirect_uri"]);
    }

    [Fact]
    public async Task A_Slack_user_of_an_allowed_workspace_gets_the_page()
    {
        Issuer.User = new FakeUser("U0R7MFMJM", "Bo Chen", new Dictionary<string, string>
        {
            ["https://slack.com/team_id"] = Workspace,
            ["https://slack.com/user_id"] = "U0R7MFMJM",
        });

        var (response, visited) = await Browser.FollowAsync("/");

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["/", "/authorize", "/signin-oidc", "/"], visited.Select(url => url.AbsolutePath));
        }
    }

    [Fact]
    public async Task A_signed_in_user_of_another_tenant_gets_403_with_the_name_encoded_and_can_sign_out()
    {
        Issuer.User = new FakeUser("user-2", "<b>Mallory</b>", new Dictionary<string, string> { ["tid"] = OtherTenant });

        var (response, visited) = await Browser.FollowAsync("/");

        string body;
        using (response)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Null(response.Headers.Location);
            body = await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("/signin-oidc", visited.Select(url => url.AbsolutePath));
        Assert.NotNull(Browser.SessionCookie);
        Assert.Contains("&lt;b&gt;Mallory&lt;/b&gt;", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Mallory", body, StringComparison.Ordinal);
        Assert.Contains(OtherTenant, body, StringComparison.Ordinal);

        var token = AntiforgeryField().Match(body);
        Assert.True(token.Success, body);
        using var signOut = await Browser.Client.PostAsync(new Uri("/signout", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { [token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value) }));
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        await AssertSignedOutAsync();
    }

    [Fact]
    public async Task Sign_out_without_an_antiforgery_token_is_refused_and_the_session_stays()
    {
        Issuer.User = Alice;
        (await Browser.FollowAsync("/")).Response.Dispose();
        Assert.NotNull(Browser.SessionCookie);

        using var signOut = await Browser.Client.PostAsync(new Uri("/signout", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        using var page = await Browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/incidents/teams%3At%3A1/postmortem.md")]
    public async Task Without_a_session_a_page_redirects_to_the_issuer_even_from_loopback(string path)
    {
        using var response = await Browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(Issuer.AuthorizeEndpoint + "?", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_id_token_signed_with_another_key_is_refused_and_makes_no_session()
    {
        Issuer.User = Alice;
        Issuer.SignWithForeignKey = true;

        Assert.Contains("Sign-in failed", await FollowToRefusedSignInAsync(), StringComparison.Ordinal);

        Assert.Equal(1, Issuer.TokensIssued);
        await AssertSignedOutAsync();
    }

    [Fact]
    public async Task A_callback_that_did_not_start_here_is_refused()
    {
        // No correlation cookie and a made-up state: a login forced on the user from elsewhere.
        using var response = await Browser.GetAsync("/signin-oidc?code=abc&state=forged");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(Browser.SessionCookie);
        Assert.Equal(0, Issuer.TokensIssued);
    }

    [Fact]
    public async Task The_health_check_and_the_chat_endpoints_are_never_sent_to_the_issuer()
    {
        using var health = await Browser.GetAsync("/healthz");
        using var teams = await Browser.Client.PostAsync(new Uri("/api/messages", UriKind.Relative),
            new StringContent("""{"type":"conversationUpdate","id":"1","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/"}""", Encoding.UTF8, "application/json"));
        using var slack = await Browser.Client.PostAsync(new Uri("/slack/events", UriKind.Relative),
            new StringContent("""{"type":"url_verification","challenge":"x"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        foreach (var response in new[] { health, teams, slack })
        {
            Assert.Null(response.Headers.Location);
            Assert.False((int)response.StatusCode is >= 300 and < 400, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode}");
        }

        Assert.Empty(Issuer.AuthorizeRequests);
    }

    [GeneratedRegex("""name="(?<name>__RequestVerificationToken)" value="(?<value>[^"]+)" """)]
    private static partial Regex AntiforgeryField();

    /// <summary>No session is left: the browser holds no session cookie, and the next page sends it to the issuer.</summary>
    private async Task AssertSignedOutAsync()
    {
        Assert.Null(Browser.SessionCookie);
        using var again = await Browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith(Issuer.AuthorizeEndpoint, again.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }
}
