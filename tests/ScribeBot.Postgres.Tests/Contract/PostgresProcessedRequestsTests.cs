using ScribeBot.Core.Storage;

namespace ScribeBot.Postgres.Tests.Contract;

/// <summary>The processed-request contract on PostgreSQL, plus what only a shared table gives: two instances, one row.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresProcessedRequestsTests(PostgresFixture postgres) : ProcessedRequestsContract
{
    protected override async Task<IProcessedRequests> CreateAsync() =>
        await StoreFactory.OpenAsync(await postgres.Server.CreateDatabaseAsync());

    protected override async Task DisposeAsync(IProcessedRequests requests) => await ((PostgresIncidentStore)requests).DisposeAsync();

    [Fact]
    public async Task Two_instances_marking_one_key_at_once_store_one_row_and_each_sees_the_others_mark()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var first = await StoreFactory.OpenAsync(database);
        await using var second = await StoreFactory.OpenAsync(database);

        var marks = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(i => Task.Run(() => (i % 2 == 0 ? first : second).TryMarkAsync("slack-event:Ev1", T0, None))));

        Assert.Single(marks, m => m);
        Assert.Equal([1L], await Sql.QueryAsync(database, "SELECT count(*) FROM processed_requests", r => r.GetInt64(0)));
        Assert.True(await second.WasProcessedAsync("slack-event:Ev1", T0, None));
        Assert.True(await first.WasProcessedAsync("slack-event:Ev1", T0, None));
    }
}
