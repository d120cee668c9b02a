using Microsoft.IdentityModel.Tokens;
using static ScribeBot.Tests.Teams.TeamsThread;

namespace ScribeBot.Tests.Teams;

/// <summary>
/// Teams authentication both ways, through the real host and the real SDK: activities signed as the Bot Connector signs
/// them are accepted and forged ones are not, and the bot's calls to the connector carry the token it obtained with its
/// app credentials. The Bot Framework's identity services are a <see cref="FakeBotFrameworkAuthority"/> over HTTPS.
/// </summary>
public sealed class TeamsAuthenticationTests
{
    /// <summary>Also the control for the forged-request theory: the same start, setup and token, minus the forgery.</summary>
    [Fact]
    public async Task A_genuinely_signed_start_is_accepted_and_stored()
    {
        await using var authority = await FakeBotFrameworkAuthority.StartAsync();
        await using var host = await new ScribeBotApplication().WithTeams(authority: authority).StartKestrelAsync();

        using var response = await PostSignedStartAsync(host, authority);

        var incident = await host.Store.FindLatestIncidentAsync(TeamsPayloads.Channel, CancellationToken.None);
        Assert.NotNull(incident);
        Assert.Equal(IncidentStatus.Triggered, incident.Status);
        // The SDK checked the token against the authority's keys, fetched over HTTPS from the fake itself.
        Assert.Contains(authority.Requests, r => r.Path.EndsWith("/v1/.well-known/keys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_announcement_of_a_signed_start_carries_the_token_the_bot_logged_in_for_with_its_app_credentials()
    {
        await using var authority = await FakeBotFrameworkAuthority.StartAsync();
        await using var host = await new ScribeBotApplication().WithTeams(authority: authority).StartKestrelAsync();

        using var response = await PostSignedStartAsync(host, authority);

        var announcement = Assert.Single(await host.Connector.WaitForSentAsync(1));
        Assert.Contains("INC-1", announcement.Text, StringComparison.Ordinal);
        var login = AssertIssuedByTheAuthority(authority, announcement);
        Assert.Equal("client_credentials", login.GrantType);
        Assert.Equal(FakeBotFrameworkAuthority.BotAppId, login.ClientId);
        Assert.Equal(FakeBotFrameworkAuthority.BotAppPassword, login.ClientSecret);
        Assert.Equal(FakeBotFrameworkAuthority.BotFrameworkScope + "/.default", login.Scope);
    }

    [Fact]
    public async Task A_whole_signed_incident_ends_with_the_draft_posted_under_the_bot_s_token()
    {
        await using var authority = await FakeBotFrameworkAuthority.StartAsync();
        await using var host = await new ScribeBotApplication().WithTeams(authority: authority).StartKestrelAsync();
        var url = host.ServiceUrl;
        var at = TeamsPayloads.Start;
        string Id(int i) => (1_772_460_000_000L + (i * 1000)).ToString(CultureInfo.InvariantCulture);
        async Task SignedAsync(JsonObject activity)
        {
            using var response = await host.PostActivityAsync(activity, Bearer(authority.MintChannelToken(FakeBotFrameworkAuthority.BotAppId, url)));
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        await SignedAsync(Start(host));
        await SignedAsync(TeamsPayloads.ChannelMessage(url, Id(1), "5xx alert firing on checkout-api", at.AddMinutes(1), Bo, StartId));
        await SignedAsync(TeamsPayloads.ChannelMessage(url, Id(2), "payments p99 is 30s", at.AddMinutes(2), Alice, StartId));
        await SignedAsync(TeamsPayloads.ChannelMessage(url, Id(3), "rollback done, errors back to baseline", at.AddMinutes(3), Bo, StartId));
        // A reaction tags the alert as the detection, so the draft's timeline shows it.
        await SignedAsync(TeamsPayloads.Reaction(url, Id(1), "surprised", Alice.Id, root: StartId));
        await SignedAsync(TeamsPayloads.ChannelMessage(url, Id(4), "resolve rolled back payments-api", at.AddMinutes(4), Alice, StartId, mentionBot: true));

        var incident = await host.Store.FindLatestIncidentAsync(TeamsPayloads.Channel, CancellationToken.None);
        Assert.NotNull(incident);
        Assert.Equal(IncidentStatus.Resolved, incident.Status);
        var sent = await WaitForDraftAsync(host);
        var draft = string.Join("\n", sent.SkipWhile(s => !s.Text.Contains("Issue Summary", StringComparison.Ordinal)).Select(s => s.Text));
        Assert.Contains("Timeline", draft, StringComparison.Ordinal);
        Assert.Contains("5xx alert firing on checkout-api", draft, StringComparison.Ordinal);
        Assert.All(sent, s => Assert.Equal(FakeBotFrameworkAuthority.BotAppId, AssertIssuedByTheAuthority(authority, s).ClientId));
        Assert.All(authority.TokenRequests, r => Assert.Equal(FakeBotFrameworkAuthority.BotAppPassword, r.ClientSecret));
    }

    /// <summary>Each way a request can fail to be the Bot Connector's, for the forged-request theory.</summary>
    public enum Forgery
    {
        NoToken,
        WrongAudience,
        WrongIssuer,
        Expired,
        NotYetValid,
        UnknownSigningKey,
        UnlistedKeyId,
        Unsigned,
        AlgorithmTheBotFrameworkDoesNotAllow,
        KeyEndorsedForAnotherChannelOnly,
        TokenForAnotherServiceUrl,
    }

    [Theory]
    [InlineData(Forgery.NoToken)]
    [InlineData(Forgery.WrongAudience)]
    [InlineData(Forgery.WrongIssuer)]
    [InlineData(Forgery.Expired)]
    [InlineData(Forgery.NotYetValid)]
    [InlineData(Forgery.UnknownSigningKey)]
    [InlineData(Forgery.UnlistedKeyId)]
    [InlineData(Forgery.Unsigned)]
    [InlineData(Forgery.AlgorithmTheBotFrameworkDoesNotAllow)]
    [InlineData(Forgery.KeyEndorsedForAnotherChannelOnly)]
    [InlineData(Forgery.TokenForAnotherServiceUrl)]
    public async Task A_forged_start_gets_401_logged_below_error_and_changes_nothing_and_calls_no_one(Forgery forgery)
    {
        await using var rig = await RefusalRig.StartAsync();
        var (authority, elsewhere, logs, host) = rig;
        var genuine = new ChannelTokenSpec(FakeBotFrameworkAuthority.BotAppId, host.ServiceUrl);
        var now = TimeProvider.System.GetUtcNow();
        var token = forgery switch
        {
            Forgery.NoToken => null,
            Forgery.WrongAudience => authority.MintChannelToken(genuine with { Audience = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a" }),
            Forgery.WrongIssuer => authority.MintChannelToken(genuine with { Issuer = "https://api.botframework.example" }),
            Forgery.Expired => authority.MintChannelToken(genuine with { Expires = now.AddHours(-1) }),
            // Well past the five minutes of clock skew the SDK allows.
            Forgery.NotYetValid => authority.MintChannelToken(genuine with { NotBefore = now.AddHours(1) }),
            Forgery.UnknownSigningKey => authority.MintChannelToken(genuine with { Key = ChannelTokenKey.UnknownToTheKeySet }),
            Forgery.UnlistedKeyId => authority.MintChannelToken(genuine with { Key = ChannelTokenKey.UnlistedKeyId }),
            Forgery.Unsigned => authority.MintChannelToken(genuine with { Key = ChannelTokenKey.None }),
            // Signed by the key endorsed for msteams, so only the SDK's list of allowed algorithms (RS256/384/512) refuses it.
            Forgery.AlgorithmTheBotFrameworkDoesNotAllow => authority.MintChannelToken(genuine with { Algorithm = SecurityAlgorithms.RsaSsaPssSha256 }),
            Forgery.KeyEndorsedForAnotherChannelOnly => authority.MintChannelToken(genuine with { Key = ChannelTokenKey.EndorsedForAnotherChannelOnly }),
            Forgery.TokenForAnotherServiceUrl => authority.MintChannelToken(genuine with { ServiceUrl = elsewhere.ServiceUrl }),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };

        using var response = await host.PostActivityAsync(Start(host), token is null ? null : Bearer(token));

        Assert.True(
            response.StatusCode == HttpStatusCode.Unauthorized,
            $"{forgery}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Null(await host.Store.FindLatestIncidentAsync(TeamsPayloads.Channel, CancellationToken.None));
        rig.AssertRefusedCallingNoOne("refused with 401");
        Assert.DoesNotContain(logs.Logs, l => token is not null && l.All.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task While_the_signing_keys_are_unreachable_a_genuine_start_gets_503_and_once_they_are_back_it_is_stored()
    {
        await using var authority = await FakeBotFrameworkAuthority.StartAsync();
        using var logs = new CapturingLoggerProvider();
        await using var host = await new ScribeBotApplication().WithTeams(authority: authority).WithLogs(logs).StartKestrelAsync();
        var token = authority.MintChannelToken(FakeBotFrameworkAuthority.BotAppId, host.ServiceUrl);
        authority.BeginKeysOutage();

        using var during = await host.PostActivityAsync(Start(host), Bearer(token));

        Assert.True(during.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)during.StatusCode}: {await during.Content.ReadAsStringAsync()}");
        Assert.NotNull(during.Headers.RetryAfter);
        Assert.Null(await host.Store.FindLatestIncidentAsync(TeamsPayloads.Channel, CancellationToken.None));
        Assert.Empty(host.Connector.Statuses);
        Assert.Contains(logs.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains("signing keys could not be fetched", StringComparison.Ordinal));
        AssertNothingLoggedAsAnError(logs);

        // The redelivery Teams makes after a 503.
        authority.EndKeysOutage();
        using var after = await host.PostActivityAsync(Start(host), Bearer(token));

        Assert.True(after.IsSuccessStatusCode, $"{(int)after.StatusCode}: {await after.Content.ReadAsStringAsync()}");
        Assert.NotNull(await host.Store.FindLatestIncidentAsync(TeamsPayloads.Channel, CancellationToken.None));
    }

    /// <summary>
    /// Ways a genuinely signed activity can still be one ScribeBot must not act on, for the theory below: the token
    /// proves the Bot Framework sent it, not that it came from Teams, from an allowed tenant, or names a connector the
    /// bot may call.
    /// </summary>
    public enum Outsider
    {
        /// <summary>A Web Chat client's activity, signed with the key the Bot Framework endorses for webchat.</summary>
        WebChatChannel,

        TenantNotAllowed,

        /// <summary>The token's <c>serviceurl</c> claim names the same connector, so only the allow-list refuses it.</summary>
        ServiceUrlNotAllowed,
    }

    [Theory]
    [InlineData(Outsider.WebChatChannel)]
    [InlineData(Outsider.TenantNotAllowed)]
    [InlineData(Outsider.ServiceUrlNotAllowed)]
    public async Task A_genuinely_signed_activity_from_outside_the_allowed_teams_gets_403_and_changes_nothing_and_calls_no_one(Outsider outsider)
    {
        const string OtherTenant = "0d9a1c3e-5b7f-4a2c-8e6d-4f1b3a5c7e9d";
        await using var rig = await RefusalRig.StartAsync();
        var (authority, elsewhere, logs, host) = rig;
        var serviceUrl = outsider == Outsider.ServiceUrlNotAllowed ? elsewhere.ServiceUrl : host.ServiceUrl;
        var start = TeamsPayloads.ChannelMessage(serviceUrl, StartId, "incident start Checkout returns 502 sev2", TeamsPayloads.Start, Alice, mentionBot: true);
        var spec = new ChannelTokenSpec(FakeBotFrameworkAuthority.BotAppId, serviceUrl);
        switch (outsider)
        {
            case Outsider.WebChatChannel:
                start["channelId"] = "webchat";
                spec = spec with { Key = ChannelTokenKey.EndorsedForAnotherChannelOnly };
                break;
            case Outsider.TenantNotAllowed:
                start["conversation"]!["tenantId"] = OtherTenant;
                start["channelData"]!["tenant"]!["id"] = OtherTenant;
                break;
        }

        using var response = await host.PostActivityAsync(start, Bearer(authority.MintChannelToken(spec)));

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{outsider}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        foreach (var tenant in new[] { TeamsPayloads.Tenant, OtherTenant })
        {
            Assert.Null(await host.Store.FindLatestIncidentAsync(new ChannelRef(ChatPlatform.Teams, tenant, TeamsPayloads.ChannelId), CancellationToken.None));
        }

        rig.AssertRefusedCallingNoOne("refused with 403");
    }

    /// <summary>
    /// What a refusal test needs: a signing authority, a second connector the bot must never call, and a host with Teams
    /// on whose logs are captured.
    /// </summary>
    private sealed record RefusalRig(FakeBotFrameworkAuthority Authority, FakeConnector Elsewhere, CapturingLoggerProvider Logs, ScribeBotApplication Host)
        : IAsyncDisposable
    {
        public static async Task<RefusalRig> StartAsync()
        {
            var authority = await FakeBotFrameworkAuthority.StartAsync();
            var elsewhere = await FakeConnector.StartAsync();
            var logs = new CapturingLoggerProvider();
            var host = await new ScribeBotApplication().WithTeams(authority: authority).WithLogs(logs).StartKestrelAsync();
            return new RefusalRig(authority, elsewhere, logs, host);
        }

        /// <summary>
        /// The refusal called no connector and asked for no token, and was logged, so an operator can tell a
        /// misconfigured app id from an attack, but as a refusal (<paramref name="refusal"/>), not as an error.
        /// </summary>
        public void AssertRefusedCallingNoOne(string refusal)
        {
            Assert.Empty(Host.Connector.Statuses);
            Assert.Empty(Elsewhere.Statuses);
            Assert.Empty(Authority.TokenRequests);
            Assert.Contains(Logs.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains(refusal, StringComparison.Ordinal));
            AssertNothingLoggedAsAnError(Logs);
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            Logs.Dispose();
            await Elsewhere.DisposeAsync();
            await Authority.DisposeAsync();
        }
    }

    private static JsonObject Start(ScribeBotApplication host) =>
        TeamsPayloads.ChannelMessage(host.ServiceUrl, StartId, "incident start Checkout returns 502 sev2", TeamsPayloads.Start, Alice, mentionBot: true);

    private static string Bearer(string token) => "Bearer " + token;

    /// <summary>Posts a start signed with a genuine channel token for this host's service URL, asserting it is accepted.</summary>
    private static async Task<HttpResponseMessage> PostSignedStartAsync(ScribeBotApplication host, FakeBotFrameworkAuthority authority)
    {
        var response = await host.PostActivityAsync(Start(host), Bearer(authority.MintChannelToken(FakeBotFrameworkAuthority.BotAppId, host.ServiceUrl)));
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>A refusal is the sender's problem, not the operator's: an Error line per forged request would let anyone fill the log.</summary>
    private static void AssertNothingLoggedAsAnError(CapturingLoggerProvider logs)
    {
        var errors = logs.Logs.Where(l => l.Level >= LogLevel.Error).Select(l => l.All).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n---\n", errors));
    }

    /// <summary>The connector saw a bearer token, and it is one the authority issued: returns the login it was issued to.</summary>
    private static TokenRequest AssertIssuedByTheAuthority(FakeBotFrameworkAuthority authority, SentActivity sent)
    {
        const string Scheme = "Bearer ";
        Assert.StartsWith(Scheme, sent.Authorization, StringComparison.Ordinal);
        Assert.True(
            authority.IssuedAccessTokens.TryGetValue(sent.Authorization[Scheme.Length..], out var login),
            $"The connector was sent '{sent.Authorization}', which the authority never issued.");
        return login;
    }

    /// <summary>Everything the connector received up to the end of the draft.</summary>
    private static async Task<IReadOnlyList<SentActivity>> WaitForDraftAsync(ScribeBotApplication host)
    {
        while (true)
        {
            var sent = host.Connector.Sent;
            if (sent.Any(s => s.Text.Contains("Corrective and Preventative Measures", StringComparison.Ordinal)))
            {
                return sent;
            }

            await host.Connector.WaitForSentAsync(sent.Count + 1, TimeSpan.FromSeconds(30));
        }
    }
}
