using ScribeBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ScribeBot.Postgres.Tests.Postgres;

/// <summary>
/// The group commit of timeline appends (EntryAppendBatcher). To put appends in one batch for certain, a test holds
/// a lock on <c>entries</c> that inserts wait for, parks both batch writers on it with one append each, and queues
/// the appends under test behind them: when the lock goes, a writer takes everything queued at once.
/// </summary>
public sealed class AppendBatchTests(PostgresFixture postgres) : PostgresStoreTestBase(postgres)
{
    private const string Incident = "slack:T1:C-batch";
    private static readonly string[] RepeatedIds = ["m-0", "m-1", "m-1", "m-2", "m-1"];

    [Fact]
    public async Task An_append_the_server_refuses_fails_alone_and_the_rest_of_its_batch_is_stored()
    {
        var database = await NewDatabaseAsync();
        using var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        await using var store = new PostgresIncidentStore(database, loggers.CreateLogger<PostgresIncidentStore>(), Migration.Embedded);
        await store.MigrateAsync(None);

        Task<AppendResult>[] burst;
        await using (var hold = await HoldEntriesAsync(database))
        {
            await ParkBothWritersAsync(store, database);
            // PostgreSQL cannot store a NUL character in text (the documents' strings have theirs replaced; an id's is refused).
            burst = Enumerable.Range(0, 40)
                .Select(i => store.AppendEntryAsync(Entry(Incident, i == 20 ? "m-bad\0id" : $"m-{i}"), None))
                .ToArray();
        }

        var refused = await Assert.ThrowsAsync<PostgresException>(() => burst[20]);
        Assert.StartsWith("22", refused.SqlState, StringComparison.Ordinal);
        Assert.All(burst.Where((_, i) => i != 20), t => Assert.Equal(AppendResult.Added, t.Result));
        Assert.Equal(
            Enumerable.Range(0, 40).Where(i => i != 20).Select(i => $"m-{i}").Order(StringComparer.Ordinal),
            await Sql.QueryAsync(database, "SELECT message_id FROM entries WHERE message_id LIKE 'm-%' ORDER BY message_id COLLATE \"C\"", r => r.GetString(0)));
        Assert.Contains(logs.Logs, l => l.Message.Contains("writing them one by one", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_batch_whose_connection_breaks_acknowledges_none_of_its_appends_and_the_next_batch_is_stored()
    {
        var (database, store) = await StoreOnNewDatabaseAsync();

        Task<AppendResult>[] burst;
        await using (var hold = await HoldEntriesAsync(database))
        {
            burst = Enumerable.Range(0, 20).Select(i => store.AppendEntryAsync(Entry(Incident, $"m-{i}"), None)).ToArray();
            await WaitForAsync(database, LockWaiters, n => n >= 1);
            // Every batch waiting on the lock loses its connection, as when the database restarts under it.
            await Sql.ExecuteAsync(database, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
            // Released only once a killed batch has answered, so none of them could still commit.
            var deadline = Stopwatch.StartNew();
            while (!burst.Any(t => t.IsFaulted))
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "No append failed with its connection.");
                await Task.Delay(20);
            }
        }

        // Every append answered, failed or not (WhenAny does not throw what WhenAll holds).
        await Task.WhenAny(Task.WhenAll(burst));
        var failed = burst.Select((t, i) => (t, i)).Where(x => x.t.IsFaulted).ToList();
        Assert.NotEmpty(failed);
        // Answered as the store's outage (503 to the platform, which redelivers), with the connection's failure inside.
        Assert.All(failed, x => Assert.IsAssignableFrom<NpgsqlException>(Assert.IsType<StoreUnavailableException>(x.t.Exception!.InnerException).InnerException));
        var acknowledged = burst.Select((t, i) => (t, i)).Where(x => x.t.IsCompletedSuccessfully).ToList();
        Assert.All(acknowledged, x => Assert.Equal(AppendResult.Added, x.t.Result));
        Assert.Equal(
            acknowledged.Select(x => $"m-{x.i}").Order(StringComparer.Ordinal),
            await Sql.QueryAsync(database, "SELECT message_id FROM entries ORDER BY message_id COLLATE \"C\"", r => r.GetString(0)));

        // The writers open new connections: the failed appends, sent again as a platform would, are stored now.
        foreach (var (_, i) in failed)
        {
            Assert.Equal(AppendResult.Added, await store.AppendEntryAsync(Entry(Incident, $"m-{i}"), None));
        }

        Assert.Equal([20L], await Sql.QueryAsync(database, "SELECT count(*) FROM entries", r => r.GetInt64(0)));
    }

    [Fact]
    public async Task Repeats_in_one_batch_and_keys_already_stored_are_duplicates_stored_once()
    {
        var (database, store) = await StoreOnNewDatabaseAsync();
        Assert.Equal(AppendResult.Added, await store.AppendEntryAsync(Entry(Incident, "m-0"), None));

        Task<AppendResult>[] burst;
        await using (var hold = await HoldEntriesAsync(database))
        {
            await ParkBothWritersAsync(store, database);
            burst = RepeatedIds
                .Select(id => store.AppendEntryAsync(Entry(Incident, id, text: "again " + id), None))
                .ToArray();
        }

        Assert.Equal(
            [AppendResult.Duplicate, AppendResult.Added, AppendResult.Duplicate, AppendResult.Added, AppendResult.Duplicate],
            await Task.WhenAll(burst));
        Assert.Equal(
            [("m-0", 1L), ("m-1", 1L), ("m-2", 1L)],
            await Sql.QueryAsync(
                database,
                "SELECT message_id, count(*) FROM entries WHERE message_id LIKE 'm-%' GROUP BY message_id ORDER BY message_id",
                r => (r.GetString(0), r.GetInt64(1))));
        // The first stored version stays: a redelivery changes nothing.
        Assert.NotEqual("again m-0", (await store.GetEntryAsync(Incident, "m-0", None))!.Text);
    }

    /// <summary>
    /// A transaction whose lock on <c>entries</c> every insert waits for, until it is disposed (rolled back). Its
    /// connection sits idle in the transaction, so it is not among the lock waiters the tests count.
    /// </summary>
    private static async Task<IAsyncDisposable> HoldEntriesAsync(string database)
    {
        var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("LOCK TABLE entries IN SHARE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>One append for each batch writer, each waiting on the lock: what is appended next queues behind them.</summary>
    private static async Task ParkBothWritersAsync(PostgresIncidentStore store, string database)
    {
        _ = store.AppendEntryAsync(Entry(Incident, "park-1"), None);
        await WaitForAsync(database, LockWaiters, n => n == 1);
        _ = store.AppendEntryAsync(Entry(Incident, "park-2"), None);
        await WaitForAsync(database, LockWaiters, n => n == 2);
    }
}
