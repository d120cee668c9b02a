namespace ScribeBot.Postgres.Tests;

/// <summary>
/// A test class on the run's throwaway server (<see cref="PostgresTests"/>): each test takes a fresh database of it and
/// opens store instances on it, migrated as a host's start migrates them. What is opened here is disposed after the
/// test, so a test says only what it opens, not how it is closed.
/// </summary>
[Collection(PostgresCollection.Name)]
public abstract class PostgresStoreTestBase(PostgresFixture postgres) : IAsyncLifetime
{
    protected static readonly CancellationToken None = CancellationToken.None;

    private readonly List<IAsyncDisposable> _opened = [];

    /// <summary>A fresh, empty database on the run's server.</summary>
    protected Task<string> NewDatabaseAsync() => postgres.Server.CreateDatabaseAsync();

    /// <summary>A store on a fresh database, and that database for reading it directly.</summary>
    private protected async Task<(string Database, PostgresIncidentStore Store)> StoreOnNewDatabaseAsync()
    {
        var database = await NewDatabaseAsync();
        return (database, await OpenStoreAsync(database));
    }

    /// <summary>Two store instances on one fresh database, as two hosts sharing it.</summary>
    private protected async Task<(string Database, PostgresIncidentStore First, PostgresIncidentStore Second)> TwoInstancesAsync(TimeSpan? outboxLease = null)
    {
        var database = await NewDatabaseAsync();
        return (database, await OpenStoreAsync(database, outboxLease), await OpenStoreAsync(database, outboxLease));
    }

    /// <summary>A store on <paramref name="database"/>, disposed after the test.</summary>
    private protected async Task<PostgresIncidentStore> OpenStoreAsync(string database, TimeSpan? outboxLease = null)
    {
        return DisposeAfterTest(await StoreFactory.OpenAsync(database, outboxLease: outboxLease));
    }

    /// <summary>Returns <paramref name="opened"/>, to be disposed after the test.</summary>
    private protected T DisposeAfterTest<T>(T opened)
        where T : IAsyncDisposable
    {
        _opened.Add(opened);
        return opened;
    }

    /// <summary>How many of the database's sessions wait on a lock now: a count for <see cref="WaitForAsync"/>.</summary>
    protected const string LockWaiters = Sql.LockWaiters;

    /// <summary>Polls <paramref name="database"/> until <paramref name="done"/> holds of the query's count; fails after 30 seconds.</summary>
    protected static Task WaitForAsync(string database, string countSql, Func<long, bool> done) => Sql.WaitForCountAsync(database, countSql, done);

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Disposes what the test opened here, the last opened first.</summary>
    public async Task DisposeAsync()
    {
        for (var i = _opened.Count - 1; i >= 0; i--)
        {
            await _opened[i].DisposeAsync();
        }
    }
}
