using ScribeBot.Testing.Storage;

namespace ScribeBot.Tests.Storage;

/// <summary>
/// Two Slack hosts on one PostgreSQL database, as behind a load balancer: an event Slack retries to the other
/// instance is known there as handled, because handled <c>event_id</c>s are kept in the database.
/// </summary>
public sealed class PostgresSharedDeduplicationTests(PostgresFixture postgres) : PostgresDatabaseTest(postgres)
{
    [Fact]
    public async Task An_event_handled_by_one_instance_is_a_duplicate_on_the_other()
    {
        await using var first = await OnDatabase(Database).StartKestrelAsync();
        await using var second = await OnDatabase(Database).StartKestrelAsync();
        await Ok(first.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502", "1.2.start")));
        var ts = SlackPayloads.Now(1);
        var otherTs = SlackPayloads.Now(2);

        await Ok(first.PostSlackJsonAsync(Message("Ev0100", ts)));
        // The retry carries another message ts: were the event id not known on the second instance, it would record a
        // second entry (the store's own idempotence by message id could not catch it), so one entry proves the check.
        await Ok(second.PostSlackJsonAsync(Message("Ev0100", otherTs), retry: 1));

        var timeline = await second.TimelineAsync(SlackPayloads.Channel);
        Assert.Single(timeline, e => e.MessageId == ts);
        Assert.DoesNotContain(timeline, e => e.MessageId == otherTs);
        Assert.Equal(["slack-event:Ev0100"], await Sql.StringsAsync(Database, "SELECT request_key FROM processed_requests"));
    }

    private static ScribeBotApplication OnDatabase(string database) => new ScribeBotApplication()
        .WithSlack()
        .WithPostgres(database);

    private static JsonNode Message(string eventId, string ts) =>
        SlackPayloads.Event("event_message_channel.docs.json",
            ("event_id", eventId), ("event.ts", ts), ("event.event_ts", ts), ("event.text", "p99 is up"), ("event.user", "U123ABC456"));

    private static async Task Ok(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
