using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Outbox;

namespace ScribeBot.Postgres.Tests.Postgres;

/// <summary>
/// A channel's lock across instances (<see cref="ISharedChannelLocks"/>): a read-change-save of a channel's incident on
/// one host waits while another host holds the channel, so neither overwrites the other's change; other channels go on;
/// a lock dies with its holder's session.
/// </summary>
public sealed class SharedChannelLocksTests(PostgresFixture postgres) : PostgresStoreTestBase(postgres)
{
    private const string Checkout = "slack:T1:C-checkout";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_channel_one_instance_holds_waits_on_another_while_its_other_channels_go_on()
    {
        var (_, second, held, waiting) = await HeldOnTheFirstAndAwaitedOnTheSecondAsync();

        await using (await second.AcquireAsync("slack:T1:C-search", None).WaitAsync(Patience))
        {
            Assert.False(waiting.IsCompleted);
        }

        await held.DisposeAsync();
        await (await waiting.WaitAsync(Patience)).DisposeAsync();
    }

    [Fact]
    public async Task The_lock_of_an_instance_that_vanished_is_freed_with_its_session()
    {
        var (database, _, held, waiting) = await HeldOnTheFirstAndAwaitedOnTheSecondAsync();

        // The holder's session ends as a killed host's does: the server drops its locks, and the waiter goes on.
        await Sql.QueryAsync(
            database,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type IS DISTINCT FROM 'Lock' AND application_name LIKE '%(channel lock)'",
            r => r.GetBoolean(0));

        await (await waiting.WaitAsync(Patience)).DisposeAsync();
        await held.DisposeAsync();
    }

    [Fact]
    public async Task A_channel_held_beyond_the_patience_is_answered_not_now()
    {
        var (_, first, second) = await TwoInstancesAsync();
        second.ChannelLockPatience = TimeSpan.FromMilliseconds(300);
        await using var held = await first.AcquireAsync(Checkout, None);

        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => second.AcquireAsync(Checkout, None).WaitAsync(Patience));

        Assert.Contains($"The channel {Checkout} has been held by another ScribeBot instance", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_on_one_instance_waits_for_a_change_in_progress_on_another_so_neither_change_is_lost()
    {
        var (database, first, second) = await TwoInstancesAsync();
        using var signal = new OutboxSignal();
        var channel = new ChannelRef(ChatPlatform.Slack, "T1", "C-checkout");
        var firstHost = new ChannelLocks(first);
        var secondHost = Handler(second, new ChannelLocks(second), signal);
        Assert.True((await secondHost.HandleAsync(Request(channel, "start Checkout returns 502", "r1"), None)).Accepted);
        var id = Core.Incidents.Incident.MakeId(channel, 1);

        // The first host is in the middle of its own read-change-save of the incident (an editor's save, say)...
        Task<CommandOutcome> improve;
        await using (await firstHost.AcquireAsync(channel.Key, None))
        {
            var read = (await first.GetIncidentAsync(id, None))!;

            // ...so the second host's command waits for the channel rather than saving under it.
            improve = secondHost.HandleAsync(Request(channel, "improve Alert on certificate expiry", "r2"), None);
            await WaitForAsync(database, LockWaiters, count => count >= 1);
            Assert.False(improve.IsCompleted);

            await first.SaveIncidentAsync(read.AddImprovement("Add a canary for checkout").Incident, [], [], None);
        }

        Assert.True((await improve.WaitAsync(Patience)).Accepted);
        var saved = (await second.GetIncidentAsync(id, None))!;
        Assert.Equal(["Add a canary for checkout", "Alert on certificate expiry"], saved.Improvements);
    }

    [Fact]
    public async Task Commands_spread_over_two_instances_in_one_channel_keep_every_change()
    {
        var (_, first, second) = await TwoInstancesAsync();
        using var signal = new OutboxSignal();
        var channel = new ChannelRef(ChatPlatform.Slack, "T1", "C-checkout");
        CommandHandler[] hosts = [Handler(first, new ChannelLocks(first), signal), Handler(second, new ChannelLocks(second), signal)];
        Assert.True((await hosts[0].HandleAsync(Request(channel, "start Checkout returns 502", "start"), None)).Accepted);

        const int Commands = 40;
        var outcomes = await Task.WhenAll(Enumerable.Range(1, Commands).Select(i => Task.Run(() =>
            hosts[i % 2].HandleAsync(Request(channel, $"improve Measure {i:D2}", $"r{i}"), None))));

        Assert.All(outcomes, outcome => Assert.True(outcome.Accepted, outcome.Reply.ToPlainString()));
        var saved = (await first.GetIncidentAsync(Core.Incidents.Incident.MakeId(channel, 1), None))!;
        Assert.Equal(Enumerable.Range(1, Commands).Select(i => $"Measure {i:D2}"), saved.Improvements.Order(StringComparer.Ordinal));
    }

    /// <summary>Two instances: the first holds <see cref="Checkout"/>, the second is seen waiting for it in the database.</summary>
    private async Task<(string Database, PostgresIncidentStore Second, IAsyncDisposable Held, Task<IAsyncDisposable> Waiting)> HeldOnTheFirstAndAwaitedOnTheSecondAsync()
    {
        var (database, first, second) = await TwoInstancesAsync();
        var held = await first.AcquireAsync(Checkout, None);
        var waiting = second.AcquireAsync(Checkout, None);
        await WaitForAsync(database, LockWaiters, count => count >= 1);
        return (database, second, held, waiting);
    }

    private static CommandHandler Handler(PostgresIncidentStore store, ChannelLocks locks, OutboxSignal signal) =>
        new(store, store, signal, locks, new FakeTimeProvider(T0), Options.Create(new ScribeOptions()), NullLogger<CommandHandler>.Instance);

    private static CommandRequest Request(ChannelRef channel, string text, string requestId) => new()
    {
        Channel = channel,
        Caller = Alice,
        Text = text,
        At = T0,
        RequestId = requestId,
    };
}
