namespace ScribeBot.Slack.Tests.WebApi;

/// <summary>
/// The bot's account is asked of Slack by one shared reader: the event reader and the poster both use it, so a 429 one
/// of them got holds the other back until its Retry-After has passed.
/// </summary>
public sealed class SlackBotAccountTests : IAsyncLifetime
{
    private const string AuthOk = """{"ok":true,"url":"https://acme.slack.com/","team":"Acme","user":"scribe","team_id":"T0ACME","user_id":"U0SCRIBE","bot_id":"B0SCRIBE"}""";

    private SlackApiHarness _h = null!;

    public async Task InitializeAsync() => _h = await SlackApiHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task After_a_429_no_caller_asks_again_before_its_retry_after_has_passed()
    {
        _h.Slack.Enqueue("auth.test", FakeResponse.RateLimited("3"), FakeResponse.Json(AuthOk));
        var account = new SlackBotAccount(() => _h.Client, _h.Time);

        var limited = await account.GetAsync(default);
        _h.Time.Advance(TimeSpan.FromSeconds(2));
        var held = await account.GetAsync(default);

        Assert.Equal(SlackApiStatus.RateLimited, limited.Status);
        Assert.Equal(SlackApiStatus.RateLimited, held.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), held.RetryAfter);
        Assert.Single(_h.Slack.CallsTo("auth.test"));

        _h.Time.Advance(TimeSpan.FromSeconds(1));
        var known = await account.GetAsync(default);

        Assert.True(known.IsOk);
        Assert.Equal("U0SCRIBE", known.Value?.UserId);
        Assert.Equal(2, _h.Slack.CallsTo("auth.test").Count);
    }

    [Fact]
    public async Task Once_known_the_account_is_not_asked_again()
    {
        _h.Slack.Enqueue("auth.test", FakeResponse.Json(AuthOk));
        var account = new SlackBotAccount(() => _h.Client, _h.Time);

        await account.GetAsync(default);
        var again = await account.GetAsync(default);

        Assert.Equal("B0SCRIBE", again.Value?.BotId);
        Assert.Equal("B0SCRIBE", account.Known?.BotId);
        Assert.Single(_h.Slack.CallsTo("auth.test"));
    }

    [Fact]
    public async Task An_error_other_than_a_rate_limit_is_not_remembered()
    {
        _h.Slack.Enqueue("auth.test", FakeResponse.Error("fatal_error"), FakeResponse.Json(AuthOk));
        var account = new SlackBotAccount(() => _h.Client, _h.Time);

        var failed = await account.GetAsync(default);
        var known = await account.GetAsync(default);

        Assert.Equal(SlackApiStatus.Error, failed.Status);
        Assert.True(known.IsOk);
        Assert.Equal(2, _h.Slack.CallsTo("auth.test").Count);
    }
}
