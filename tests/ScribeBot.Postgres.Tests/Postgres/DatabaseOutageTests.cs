using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Text;

namespace ScribeBot.Postgres.Tests.Postgres;

/// <summary>
/// The store on a server that an operator stops and starts again (<c>pg_ctl stop -m fast</c>), and its part in the
/// host's start and stop: each test has a server of its own, since it stops it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseOutageTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ChatPlatform[] Slack = [ChatPlatform.Slack];

    [Fact]
    public async Task A_stopped_server_fails_every_call_as_unavailable_logs_it_once_and_the_first_call_after_it_is_back_succeeds()
    {
        await using var server = await PostgresServer.StartAsync();
        var database = await server.CreateDatabaseAsync();
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        await using var store = new PostgresIncidentStore(database, loggers.CreateLogger<PostgresIncidentStore>(), Migration.Embedded);
        await store.MigrateAsync(None);
        await store.SetStateAsync("k", "before", None);

        await server.StopAsync();
        var failures = new List<StoreUnavailableException>();
        for (var i = 0; i < 5; i++)
        {
            failures.Add(await Assert.ThrowsAsync<StoreUnavailableException>(() => store.SetStateAsync("k", "during", None)));
        }

        failures.Add(await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetDueAsync(DateTimeOffset.MaxValue, 10, Slack, None)));
        failures.Add(await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetStateAsync("k", None)));
        await server.StartAgainAsync();

        // The pool's connections died with the server; the first call after it is back opens a new one.
        await store.SetStateAsync("k", "after", None);
        Assert.Equal("after", await store.GetStateAsync("k", None));
        Assert.All(failures, f => Assert.Contains($"PostgreSQL at 127.0.0.1:{server.Port}/", f.Message, StringComparison.Ordinal));
        var warnings = logs.Logs.Where(l => l.Level >= LogLevel.Warning).ToList();
        Assert.Single(warnings, l => l.Message.Contains("is unavailable", StringComparison.Ordinal));
        Assert.Single(warnings);
        Assert.Single(logs.Logs, l => l.Message.Contains("is available again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_start_waits_for_a_server_that_comes_up_within_the_timeout()
    {
        await using var server = await PostgresServer.StartAsync();
        var database = await server.CreateDatabaseAsync();
        await server.StopAsync();
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        await using var store = new PostgresIncidentStore(database, loggers.CreateLogger<PostgresIncidentStore>(), Migration.Embedded);
        var lifetime = Lifetime(store, TimeSpan.FromMinutes(2), loggers);

        var starting = lifetime.StartAsync(None);
        await UntilAsync(() => logs.Logs.Any(l => l.Message.Contains("not reachable (attempt 1)", StringComparison.Ordinal)));
        Assert.False(starting.IsCompleted);
        await server.StartAgainAsync();
        await starting;

        await store.SetStateAsync("k", "v", None);
        Assert.Single(logs.Logs, l => l.Message.Contains("reached at attempt", StringComparison.Ordinal));
        // Waiting at start is not an outage of a running host.
        Assert.DoesNotContain(logs.Logs, l => l.Message.Contains("is unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_start_gives_up_after_the_timeout_naming_the_server_and_the_reason_but_not_the_password()
    {
        var port = FreePort();
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var connection = $"Host=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Database=scribebot;Username=scribebot;Password=s3cret-pw";
        await using var store = new PostgresIncidentStore(connection, loggers.CreateLogger<PostgresIncidentStore>(), Migration.Embedded);
        var lifetime = Lifetime(store, TimeSpan.FromSeconds(5), loggers);

        var refused = await Assert.ThrowsAsync<DatabaseUnreachableException>(() => lifetime.StartAsync(None));

        Assert.StartsWith($"PostgreSQL at 127.0.0.1:{port}/scribebot could not be reached within 00:00:05 (", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Postgres:StartupTimeout", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", refused.Message + string.Join('\n', logs.Logs.Select(l => l.All)), StringComparison.Ordinal);
        var attempts = logs.Logs.Count(l => l.Message.Contains("not reachable (attempt", StringComparison.Ordinal));
        Assert.True(attempts >= 2, $"{attempts} attempt lines");
        Assert.Contains($"({attempts + 1} attempts)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_releases_the_items_an_instance_holds_so_another_takes_them_at_once()
    {
        await using var server = await PostgresServer.StartAsync();
        var database = await server.CreateDatabaseAsync();
        await using var first = await StoreFactory.OpenAsync(database);
        await using var second = await StoreFactory.OpenAsync(database);
        await first.EnqueueAsync([Item("C1"), Item("C2"), Item("C3")], None);
        var held = await first.GetDueAsync(DateTimeOffset.MaxValue, 10, Slack, None);
        Assert.Equal(3, held.Count);
        Assert.Empty(await second.GetDueAsync(DateTimeOffset.MaxValue, 10, Slack, None));
        // One of them finished: it is delivered, not released for delivery again.
        await first.MarkDeliveredAsync(held[0].Id, DateTimeOffset.UtcNow, None);

        await Lifetime(first, TimeSpan.Zero, NullLoggerFactory.Instance).StopAsync(None);

        var taken = await second.GetDueAsync(DateTimeOffset.MaxValue, 10, Slack, None);
        Assert.Equal(held.Skip(1).Select(i => i.Id).Order(), taken.Select(i => i.Id).Order());
    }

    private static PostgresStoreLifetime Lifetime(PostgresIncidentStore store, TimeSpan startupTimeout, ILoggerFactory loggers) =>
        new(store, Options.Create(new PostgresOptions { StartupTimeout = startupTimeout }), TimeProvider.System, loggers.CreateLogger<PostgresStoreLifetime>());

    private static OutboxItem Item(string channelId)
    {
        var channel = new ChannelRef(ChatPlatform.Slack, "T1", channelId);
        return new OutboxItem
        {
            Id = OutboxItem.MakeId(channel, "outage", 0),
            Post = new AnnouncementPost(channel, ChatText.Of("post")),
            EnqueuedAt = DateTimeOffset.UtcNow,
            NextAttemptAt = DateTimeOffset.UtcNow,
        };
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, failing after a minute.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!condition())
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
