namespace ScribeBot.Tests.Slack;

/// <summary>
/// A slash command in a channel the bot is not in: a public one is joined first, a private one gets an invite hint
/// (and <c>start</c> does not run), a Slack outage does not stop the command. Over real HTTP against the fake Slack.
/// </summary>
public sealed class SlackChannelMembershipTests : IAsyncLifetime
{
    private ScribeBotApplication _host = null!;

    public async Task InitializeAsync() => _host = await new ScribeBotApplication().WithSlack().StartKestrelAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_public_channel_the_bot_is_not_in_is_joined_and_the_command_runs()
    {
        using var response = await CommandAsync(_host, "start Checkout returns 502", "1.2.public", Info(isPrivate: false, isMember: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var join = Assert.Single(_host.Slack.CallsTo("conversations.join"));
        Assert.Equal(SlackPayloads.ChannelId, join.Json().GetProperty("channel").GetString());
        Assert.Equal(SlackPayloads.ChannelId, Assert.Single(_host.Slack.CallsTo("conversations.info")).Query()["channel"]);
        Assert.NotNull(await _host.Store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None));
        Assert.DoesNotContain("/invite", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_channel_the_bot_is_not_in_gets_an_invite_hint_and_start_records_nothing()
    {
        var json = await EphemeralAnswerAsync("start Checkout returns 502", "1.2.private", Info(isPrivate: true, isMember: false));

        Assert.Contains("/invite @ScribeBot", json, StringComparison.Ordinal);
        Assert.Contains("not run", json, StringComparison.Ordinal);
        await AssertNeitherJoinedNorRecordedAsync(_host);
    }

    [Fact]
    public async Task A_private_channel_slack_hides_from_the_bot_gets_the_invite_hint_too()
    {
        // A bot sees a private channel only as a member: conversations.info answers channel_not_found.
        var json = await EphemeralAnswerAsync("start Checkout returns 502", "1.2.hidden", FakeResponse.Fixture("webapi_conversations.info_error_channel_not_found.docs.json"));

        Assert.Contains("/invite @ScribeBot", json, StringComparison.Ordinal);
        await AssertNeitherJoinedNorRecordedAsync(_host);
    }

    [Fact]
    public async Task A_command_that_does_not_start_capture_runs_in_a_private_channel_and_adds_the_hint()
    {
        var json = await EphemeralAnswerAsync("help", "1.2.help", Info(isPrivate: true, isMember: false));

        Assert.Contains("start", json, StringComparison.Ordinal);
        Assert.Contains("/invite @ScribeBot", json, StringComparison.Ordinal);
        Assert.DoesNotContain("not run", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_the_bot_is_in_is_not_joined_and_is_asked_about_once()
    {
        using var start = await CommandAsync(_host, "start Checkout returns 502", "1.2.member", Info(isPrivate: true, isMember: true));
        using var ack = await _host.PostSlackFormAsync(SlackPayloads.Command("ack", "1.2.ack"));

        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Empty(_host.Slack.CallsTo("conversations.join"));
        Assert.Single(_host.Slack.CallsTo("conversations.info"));
        var incident = await _host.Store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None);
        Assert.NotNull(incident?.Acknowledged);
    }

    [Fact]
    public async Task When_slack_cannot_say_whether_the_bot_is_a_member_the_command_still_runs()
    {
        var outage = new FakeResponse(503, "upstream unavailable", ContentType: "text/plain");
        using var response = await CommandAsync(_host, "start Checkout returns 502", "1.2.outage", outage, outage, outage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("/invite", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_host.Slack.CallsTo("conversations.join"));
        Assert.NotNull(await _host.Store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None));
    }

    [Fact]
    public async Task A_join_refused_for_a_reason_the_caller_can_fix_is_explained_and_start_records_nothing()
    {
        _host.Slack.Enqueue("conversations.info", Info(isPrivate: false, isMember: false));
        _host.Slack.Enqueue("conversations.join", FakeResponse.Json("""{"ok":false,"error":"missing_scope","needed":"channels:join","provided":"commands,chat:write"}"""));

        using var response = await _host.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502", "1.2.scope"));

        var json = await EphemeralAsync(response);
        Assert.Contains("channels:join", json, StringComparison.Ordinal);
        Assert.Null(await _host.Store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None));
    }

    /// <summary>A refused start leaves the channel as it was: the bot did not join it, and no incident was stored.</summary>
    private static async Task AssertNeitherJoinedNorRecordedAsync(ScribeBotApplication host)
    {
        Assert.Empty(host.Slack.CallsTo("conversations.join"));
        Assert.Null(await host.Store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None));
    }

    /// <summary>conversations.info's documented answer, trimmed to the fields the bot reads.</summary>
    private static FakeResponse Info(bool isPrivate, bool isMember) => FakeResponse.Json($$$"""
        {"ok":true,"channel":{"id":"{{{SlackPayloads.ChannelId}}}","name":"payments-oncall","is_channel":{{{Lower(!isPrivate)}}},
         "is_group":false,"is_im":false,"is_private":{{{Lower(isPrivate)}}},"is_member":{{{Lower(isMember)}}},"is_archived":false}}
        """);

    private static string Lower(bool value) => value ? "true" : "false";

    /// <summary>Posts the command as <see cref="CommandAsync"/> does, and reads its answer: to the caller only, and its text.</summary>
    private async Task<string> EphemeralAnswerAsync(string text, string triggerId, params FakeResponse[] conversationInfo)
    {
        using var response = await CommandAsync(_host, text, triggerId, conversationInfo);
        return await EphemeralAsync(response);
    }

    private static async Task<string> EphemeralAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Equal("ephemeral", json.RootElement.GetProperty("response_type").GetString());
        return json.RootElement.GetProperty("text").GetString()!;
    }

    /// <summary>Slack answers conversations.info with <paramref name="conversationInfo"/>; then the command is posted.</summary>
    private static async Task<HttpResponseMessage> CommandAsync(
        ScribeBotApplication host, string text, string triggerId, params FakeResponse[] conversationInfo)
    {
        host.Slack.Enqueue("conversations.info", conversationInfo);
        return await host.PostSlackFormAsync(SlackPayloads.Command(text, triggerId));
    }
}
