using static ScribeBot.Testing.Slack.SocketModeFrames;

namespace ScribeBot.Tests.Slack;

/// <summary>
/// Socket Mode end to end: the real host with <c>Slack:AppToken</c> set connects out to the fake Slack's loopback
/// WebSocket server, which sends envelopes of Slack's documented shapes (the shared fixtures) and reads the acks.
/// Every wait is on something the bot did, bounded by <see cref="Timeout"/>.
/// </summary>
public sealed class SlackSocketModeTests
{
    private const string AppToken = "xapp-1-A111-0000-test";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Envelopes_are_handled_and_acked_and_a_disconnect_moves_the_session_to_a_new_connection()
    {
        await using var host = await new ScribeBotApplication().WithSlack(appToken: AppToken).StartKestrelAsync();
        var first = await host.Slack.NextConnectionAsync().WaitAsync(Timeout);
        await first.SendAsync(Hello());

        // A slash command's reply travels in the ack's payload.
        await first.SendAsync(SlashCommand("E-resolve", "resolve"));
        var misuse = await first.ReceiveAsync().WaitAsync(Timeout);
        Assert.Equal("E-resolve", misuse["envelope_id"]!.GetValue<string>());
        Assert.Equal("ephemeral", misuse["payload"]!["response_type"]!.GetValue<string>());
        Assert.Contains("There is no incident in this channel", misuse["payload"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // Split over several WebSocket frames: the client assembles the message.
        await first.SendAsync(SlashCommand("E-start", "start Checkout returns 502"), fragments: 3);
        Assert.Equal("E-start", (await first.ReceiveAsync().WaitAsync(Timeout))["envelope_id"]!.GetValue<string>());

        var before = SlackPayloads.Now(1);
        await first.SendAsync(Message("E-msg-1", "Ev0001", before, "p99 is through the roof"));
        var eventAck = await first.ReceiveAsync().WaitAsync(Timeout);
        Assert.Equal("E-msg-1", eventAck["envelope_id"]!.GetValue<string>());
        Assert.Null(eventAck["payload"]);
        // Acked after the commit: the message is in the store by the time the ack arrives.
        Assert.Equal("p99 is through the roof", Assert.Single(await host.TimelineAsync(SlackPayloads.Channel), e => e.MessageId == before).Text);

        await first.SendAsync(Disconnect("refresh_requested"));
        var second = await host.Slack.NextConnectionAsync().WaitAsync(Timeout);
        await second.SendAsync(Hello());
        // The old connection is closed once the new one is up.
        await first.Closed.WaitAsync(Timeout);

        var after = SlackPayloads.Now(2);
        await second.SendAsync(Message("E-msg-2", "Ev0002", after, "rolling back now"));
        Assert.Equal("E-msg-2", (await second.ReceiveAsync().WaitAsync(Timeout))["envelope_id"]!.GetValue<string>());
        // Socket Mode redelivers too (retry_attempt): acked again, recorded once.
        await second.SendAsync(Message("E-msg-1b", "Ev0001", before, "p99 is through the roof", retryAttempt: 1));
        Assert.Equal("E-msg-1b", (await second.ReceiveAsync().WaitAsync(Timeout))["envelope_id"]!.GetValue<string>());

        var timeline = await host.TimelineAsync(SlackPayloads.Channel);
        Assert.Single(timeline, e => e.MessageId == before);
        Assert.Single(timeline, e => e.MessageId == after);
        var opens = host.Slack.CallsTo("apps.connections.open");
        Assert.Equal(2, opens.Count);
        Assert.All(opens, call => Assert.Equal("Bearer " + AppToken, call.Authorization));
    }

    [Fact]
    public async Task A_dropped_socket_is_reconnected_and_envelopes_are_handled_again()
    {
        await using var host = await new ScribeBotApplication().WithSlack(appToken: AppToken).StartKestrelAsync();
        var first = await host.Slack.NextConnectionAsync().WaitAsync(Timeout);
        await first.SendAsync(Hello());

        first.Abort();

        var second = await host.Slack.NextConnectionAsync().WaitAsync(Timeout);
        Assert.NotEqual(first.Ticket, second.Ticket);
        await second.SendAsync(Hello());
        await second.SendAsync(SlashCommand("E-start", "start Checkout returns 502"));
        Assert.Equal("E-start", (await second.ReceiveAsync().WaitAsync(Timeout))["envelope_id"]!.GetValue<string>());
        Assert.NotNull(await host.Store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None));
    }

    [Fact]
    public async Task An_envelope_whose_work_failed_is_not_acked_so_that_Slack_delivers_it_again()
    {
        await using var host = await new ScribeBotApplication().WithSlack(appToken: AppToken).WithServices(s => s.AddSingleton(BrokenStore.Create())).StartKestrelAsync();
        var connection = await host.Slack.NextConnectionAsync().WaitAsync(Timeout);
        await connection.SendAsync(Hello());

        await connection.SendAsync(Message("E-lost", "Ev0900", SlackPayloads.Now(), "into the void"));
        await connection.SendAsync(SlashCommand("E-broken", "start Checkout returns 502"));

        // Envelopes are handled in order, so the first ack after the event's is the command's: the event got none.
        var ack = await connection.ReceiveAsync().WaitAsync(Timeout);
        Assert.Equal("E-broken", ack["envelope_id"]!.GetValue<string>());
        Assert.StartsWith("Something went wrong (correlation id E-broken)", ack["payload"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_app_token_no_socket_is_opened()
    {
        await using var host = await new ScribeBotApplication().WithSlack().StartKestrelAsync();

        // The HTTP endpoint answering proves the host started (and with it every hosted service).
        using var response = await host.PostSlackFormAsync(SlackPayloads.Command("resolve", "1.2.resolve"));

        response.EnsureSuccessStatusCode();
        Assert.Empty(host.Slack.CallsTo("apps.connections.open"));
    }
}
