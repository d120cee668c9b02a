namespace ScribeBot.Tests.Slack;

/// <summary>
/// Slack's Web API hanging or refusing while events and commands arrive (issue 12, item 5): acknowledging never waits
/// for <c>users.info</c> or <c>auth.test</c>, every acknowledged message is stored, and names come back once Slack does.
/// </summary>
public sealed class SlackWebApiDownTests
{
    // The display name the fake's users.info answers (the docs fixture) for every id.
    private const string FixtureName = "spengler";
    private const string Stranger = "U0STRANGER";

    public static TheoryData<string> Outages => new() { "hangs", "refuses" };

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task A_burst_of_events_is_acknowledged_and_stored_while_the_web_api_is_down(string outage)
    {
        // The host's clock stands still: anything on the ack path that waited for the Web API (a lookup budget, a
        // retry's back-off) would never end, and the client's own timeout is set far beyond the test's bounded wait.
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = await new ScribeBotApplication()
            .WithSlack()
            .WithClock(clock)
            .WithSetting("Slack:RequestTimeout", "00:05:00")
            .StartKestrelAsync();
        await Ok(host.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502", "1.2.start")));
        host.Slack.BeginOutage(outage == "hangs" ? null : new FakeResponse(503, null));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var sent = Enumerable.Range(0, 40).Select(i => (Ts: SlackPayloads.Now(1 + (i / 1000.0)), User: $"U0PERSON{i % 8}")).ToArray();
        var answers = await Task.WhenAll(sent.Select((m, i) =>
            host.PostSlackJsonAsync(Message($"Ev1{i:D3}", m.Ts, $"burst message {i}", m.User)))).WaitAsync(timeout.Token);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var timeline = await host.TimelineAsync(SlackPayloads.Channel);
        Assert.All(sent, m => Assert.Equal(m.User, Assert.Single(timeline, e => e.MessageId == m.Ts).Author.DisplayName));
        // The names were asked for after the acknowledgements, in the background.
        await host.Slack.WaitForRefusedAsync(1, timeout.Token);
        Assert.NotEmpty(host.Slack.CallsTo("users.info"));
    }

    [Fact]
    public async Task Names_unknown_while_the_web_api_hung_appear_in_the_draft_once_slack_answers()
    {
        await using var host = await new ScribeBotApplication().WithSlack().StartKestrelAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await Ok(host.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502", "1.2.start")));
        await host.Slack.WaitForDeliveredAsync("chat.postMessage", 1, timeout.Token);
        host.Slack.BeginOutage(null);
        var ts = SlackPayloads.Now(1);

        await Ok(host.PostSlackJsonAsync(Message("Ev0900", ts, "gateway logs show upstream timeouts", Stranger)));
        Assert.Equal(Stranger, Assert.Single(await host.TimelineAsync(SlackPayloads.Channel), e => e.MessageId == ts).Author.DisplayName);
        host.Slack.EndOutage();
        await Ok(host.PostSlackFormAsync(SlackPayloads.Command("resolve rolled back", "1.2.resolve")));

        var markdown = await host.Slack.SharedTextAsync("INC-1-postmortem.md", timeout.Token);
        var line = Assert.Single(markdown.Split('\n'), l => l.Contains("gateway logs show upstream timeouts", StringComparison.Ordinal));
        Assert.Contains(FixtureName, line, StringComparison.Ordinal);
        Assert.DoesNotContain(Stranger, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_auth_test_answers_the_bots_own_posts_are_still_not_recorded()
    {
        var slack = await FakeSlack.StartAsync();
        slack.BeginOutage(null);
        await using var host = await new ScribeBotApplication().WithSlack(slack).StartKestrelAsync();
        await Ok(host.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502", "1.2.start")));
        var own = SlackPayloads.Now(1);
        var person = SlackPayloads.Now(2);

        // What Slack sends for a message our app posted: our bot's user and bot ids, and our app id (the callback's api_app_id).
        var post = Message("Ev0950", own, "INC-1 declared", "UBOT00001");
        post["event"]!["bot_id"] = "BBOT00001";
        post["event"]!["app_id"] = post["api_app_id"]!.GetValue<string>();
        await Ok(host.PostSlackJsonAsync(post));
        await Ok(host.PostSlackJsonAsync(Message("Ev0951", person, "a person's message", Stranger)));

        var timeline = await host.TimelineAsync(SlackPayloads.Channel);
        Assert.DoesNotContain(timeline, e => e.MessageId == own);
        Assert.Contains(timeline, e => e.MessageId == person);
        Assert.Empty(host.Slack.DeliveredTo("auth.test"));
    }

    [Fact]
    public async Task During_a_web_api_outage_a_command_waits_for_a_name_once_not_every_time()
    {
        await using var host = await new ScribeBotApplication().WithSlack().StartKestrelAsync();
        await Ok(host.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502", "1.2.start")));
        host.Slack.BeginOutage(null);
        int AskedAboutDana() => host.Slack.CallsTo("users.info").Count(c => c.Query().GetValueOrDefault("user") == "U0DANA");

        await Ok(host.PostSlackFormAsync(SlackPayloads.Command("escalate <@U0DANA|dana> database on-call", "1.2.escalate1")));
        var afterFirst = AskedAboutDana();
        await Ok(host.PostSlackFormAsync(SlackPayloads.Command("escalate <@U0DANA|dana> still database", "1.2.escalate2")));

        Assert.Equal(1, afterFirst);
        Assert.Equal(afterFirst, AskedAboutDana());
        Assert.Equal(2, (await host.TimelineAsync(SlackPayloads.Channel)).Count(e => e.Text.Contains("dana", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_command_whose_name_lookup_timed_out_does_not_also_wait_for_the_membership_check()
    {
        await using var host = await new ScribeBotApplication().WithSlack().StartKestrelAsync();
        host.Slack.BeginOutage(null);

        // The channel's first command: the bot's membership is not known yet, and Dana's name is not cached.
        await Ok(host.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502 escalating to <@U0DANA|dana>", "1.2.start")));

        Assert.NotEmpty(host.Slack.CallsTo("users.info"));
        Assert.Empty(host.Slack.CallsTo("conversations.info"));
        Assert.NotNull(await host.Store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None));
    }

    private static JsonNode Message(string eventId, string ts, string text, string user) =>
        SlackPayloads.Event("event_message_channel.docs.json",
            ("event_id", eventId), ("event.ts", ts), ("event.event_ts", ts), ("event.text", text), ("event.user", user));

    private static async Task Ok(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
