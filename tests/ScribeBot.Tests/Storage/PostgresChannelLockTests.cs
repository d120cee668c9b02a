using ScribeBot.Testing.Storage;

namespace ScribeBot.Tests.Storage;

/// <summary>
/// Two hosts on one PostgreSQL database share each channel's lock: a command on one waits while the other is in the
/// middle of a change to the same channel's incident, so neither overwrites the other's (issue 18, item 3).
/// </summary>
public sealed class PostgresChannelLockTests(PostgresFixture postgres) : PostgresDatabaseTest(postgres)
{
    private static readonly ChannelRef Channel = new(ChatPlatform.Slack, "T1", "C-checkout");
    private static readonly Person Alice = new("U1", "Alice");
    private static readonly DateTimeOffset At = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_command_on_one_host_waits_while_the_other_host_holds_the_channel()
    {
        await using var first = new ScribeBotApplication().WithPostgres(Database);
        await using var second = new ScribeBotApplication().WithPostgres(Database);
        await first.RunAsync(Channel, Alice, "start Checkout returns 502", At);

        Task<CommandOutcome> improve;
        await using (await first.Service<ChannelLocks>().AcquireAsync(Channel.Key, CancellationToken.None))
        {
            // Its own request id: each application numbers its RunAsync commands from 1, and a repeated id is a retry.
            improve = second.Service<CommandHandler>().HandleAsync(
                new CommandRequest { Channel = Channel, Caller = Alice, Text = "improve Alert on certificate expiry", At = At, RequestId = "improve-1" },
                CancellationToken.None);
            await Sql.WaitForCountAsync(Database, Sql.LockWaiters, count => count >= 1);
            Assert.False(improve.IsCompleted);
        }

        Assert.True((await improve.WaitAsync(TimeSpan.FromSeconds(30))).Accepted);
        var incident = await first.Store.FindOpenIncidentAsync(Channel, CancellationToken.None);
        Assert.Equal(["Alert on certificate expiry"], incident!.Improvements);
    }
}
