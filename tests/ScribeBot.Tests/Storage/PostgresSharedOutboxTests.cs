using Npgsql;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Text;
using ScribeBot.Testing.Storage;

namespace ScribeBot.Tests.Storage;

/// <summary>
/// Two Slack hosts on one PostgreSQL database start together with posts already waiting: both dispatchers go for the
/// same channel heads at once, and each post must still reach Slack exactly once. This is the user's guarantee end to
/// end, which the lease and the posters' own "never twice" records give together; that the lease alone hands an item
/// to one instance is proved at the store (tests/ScribeBot.Postgres.Tests, <c>OutboxLeaseTests</c>).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSharedOutboxTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Posts_waiting_when_two_hosts_start_are_each_delivered_once()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var database = await postgres.Server.CreateDatabaseAsync();
        const int Channels = 30;

        // Enqueued by a host with no Slack poster, so the posts wait in the database for the two Slack hosts.
        await using (var enqueuer = await OnDatabase(database).StartKestrelAsync())
        {
            await enqueuer.Outbox.EnqueueAsync([.. Enumerable.Range(1, Channels).Select(Post)], timeout.Token);
        }

        await using var slack = await FakeSlack.StartAsync();
        var starting = new[] { OnDatabase(database).WithSlack(slack), OnDatabase(database).WithSlack(slack) };
        await using var first = starting[0];
        await using var second = starting[1];
        await Task.WhenAll(starting.Select(host => host.StartKestrelAsync()));

        var posts = await slack.WaitForCallsAsync("chat.postMessage", Channels, timeout.Token);
        while (await CountAsync(database, "SELECT count(*) FROM outbox WHERE state <> 'Delivered' OR leased_by IS NOT NULL") > 0)
        {
            await Task.Delay(20, timeout.Token);
        }

        // Every item is delivered and released: no dispatcher has anything left to send, so the count is final.
        Assert.Equal(Channels, slack.CallsTo("chat.postMessage").Count);
        Assert.Equal(Channels, posts.Select(p => p.Json().GetProperty("channel").GetString()).Distinct().Count());
    }

    private static OutboxItem Post(int index)
    {
        var channel = new ChannelRef(ChatPlatform.Slack, SlackPayloads.Team, $"C{index:D4}");
        return new OutboxItem
        {
            Id = OutboxItem.MakeId(channel, "waiting", 0),
            Post = new AnnouncementPost(channel, ChatText.Of($"post {index}")),
            EnqueuedAt = DateTimeOffset.UtcNow,
            NextAttemptAt = DateTimeOffset.UtcNow,
        };
    }

    private static ScribeBotApplication OnDatabase(string database) => new ScribeBotApplication()
        .WithPostgres(database);

    private static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
