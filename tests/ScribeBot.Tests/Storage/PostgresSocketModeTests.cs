using ScribeBot.Testing.Slack;
using ScribeBot.Testing.Storage;
using static ScribeBot.Testing.Slack.SocketModeFrames;

namespace ScribeBot.Tests.Storage;

/// <summary>
/// Socket Mode on two hosts that share one PostgreSQL database, as behind a load balancer: each host opens its own
/// connection to the one fake Slack (Slack spreads an app's envelopes over up to ten), and an envelope Slack hands to
/// both connections (its ack did not arrive, so it goes to another connection) is done once and acked on both.
/// </summary>
public sealed class PostgresSocketModeTests(PostgresFixture postgres) : PostgresDatabaseTest(postgres)
{
    private const string AppToken = "xapp-1-A111-0000-test";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_envelope_delivered_to_both_instances_is_done_once_and_acked_on_both_connections()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var first = await OnDatabase(Database, slack).StartKestrelAsync();
        await using var second = await OnDatabase(Database, slack).StartKestrelAsync();
        var connections = new[]
        {
            await slack.NextConnectionAsync().WaitAsync(Timeout),
            await slack.NextConnectionAsync().WaitAsync(Timeout),
        };
        await Task.WhenAll(connections.Select(c => c.SendAsync(Hello())));
        // One connection each: every instance opened its own (a host reconnects only when its connection fails).
        Assert.Equal(2, slack.CallsTo("apps.connections.open").Count);

        await BothAckAsync(connections, SlashCommand("E-start", "start Checkout returns 502"));
        // A note delivered twice must not be two entries, and its reply must not be given twice.
        await BothAckAsync(connections, SlashCommand("E-note", "note rolled back the canary"));
        var ts = SlackPayloads.Now(1);
        await BothAckAsync(connections, Message("E-msg", "Ev0300", ts, "p99 is through the roof"));

        // Delivered again later, to either instance: known in the database as handled, acked without a reply. Run again,
        // the command would answer that an incident is already open.
        foreach (var connection in connections)
        {
            await connection.SendAsync(SlashCommand("E-start-again", "start Checkout returns 502", triggerId: "1337.E-start"));
            var ack = await connection.ReceiveAsync().WaitAsync(Timeout);
            Assert.Equal("E-start-again", ack["envelope_id"]!.GetValue<string>());
            Assert.Null(ack["payload"]);
        }

        var incident = await first.Store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None);
        Assert.NotNull(incident);
        var timeline = await second.TimelineAsync(SlackPayloads.Channel);
        Assert.Single(timeline, e => e.MessageId == ts);
        Assert.Single(timeline, e => e.Text.Contains("rolled back the canary", StringComparison.Ordinal));
        Assert.Equal(1L, await Sql.CountAsync(Database, "SELECT count(*) FROM incidents"));
        Assert.Equal(
            ["slack-event:Ev0300", "slack-trigger:1337.E-note", "slack-trigger:1337.E-start"],
            await Sql.StringsAsync(Database, "SELECT request_key FROM processed_requests ORDER BY request_key"));
    }

    private static ScribeBotApplication OnDatabase(string database, FakeSlack slack) => new ScribeBotApplication()
        .WithSlack(slack, appToken: AppToken)
        .WithPostgres(database);

    /// <summary>Sends one envelope to both connections at once and waits for each connection's ack of it.</summary>
    private static async Task BothAckAsync(FakeSocketConnection[] connections, string envelope)
    {
        var envelopeId = JsonNode.Parse(envelope)!["envelope_id"]!.GetValue<string>();
        await Task.WhenAll(connections.Select(c => c.SendAsync(envelope)));
        var acks = await Task.WhenAll(connections.Select(c => c.ReceiveAsync().WaitAsync(Timeout)));
        Assert.All(acks, ack => Assert.Equal(envelopeId, ack["envelope_id"]!.GetValue<string>()));
    }
}
