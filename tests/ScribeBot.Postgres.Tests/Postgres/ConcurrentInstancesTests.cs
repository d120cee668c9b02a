namespace ScribeBot.Postgres.Tests.Postgres;

/// <summary>
/// Two store instances on one database, as two hosts behind a load balancer: a channel's open is serialised across
/// them, and a workspace's numbers stay unique and gap-free under concurrent opens, failed ones included.
/// </summary>
public sealed class ConcurrentInstancesTests(PostgresFixture postgres) : PostgresStoreTestBase(postgres)
{
    [Fact]
    public async Task Two_instances_opening_in_one_channel_at_once_open_exactly_one_incident()
    {
        var (database, first, second) = await TwoInstancesAsync();
        var channel = Channel("C-race");
        using var entered = new SemaphoreSlim(0);
        using var release = new ManualResetEventSlim();
        var secondCreated = false;

        // The first instance holds its transaction open inside create until the second is seen waiting on a lock
        // in the database: their opens overlap for certain, not by luck.
        var opening = Task.Run(() => first.OpenIncidentAsync(
            channel,
            number =>
            {
                entered.Release();
                release.Wait(TimeSpan.FromSeconds(30));
                return Create(channel)(number);
            },
            None));
        Assert.True(await entered.WaitAsync(TimeSpan.FromSeconds(30)));
        var racing = second.OpenIncidentAsync(
            channel,
            number =>
            {
                secondCreated = true;
                return Create(channel)(number);
            },
            None);
        await WaitForAsync(database, LockWaiters, count => count >= 1);
        release.Set();

        var opened = await opening;
        var raced = await racing;

        Assert.True(opened.Opened);
        Assert.False(raced.Opened);
        Assert.False(secondCreated);
        Assert.Equal(opened.Incident.Id, raced.Incident.Id);
        Assert.Equal([1L], await Sql.QueryAsync(database, "SELECT count(*) FROM incidents", r => r.GetInt64(0)));
    }

    [Fact]
    public async Task Concurrent_opens_in_one_workspace_get_unique_gap_free_numbers()
    {
        var (database, first, second) = await TwoInstancesAsync();
        const int Channels = 40;

        // Every fifth open fails inside its transaction (as a command that throws would): its number must come back.
        var opens = Enumerable.Range(1, Channels).Select(index => Task.Run(async () =>
        {
            var store = index % 2 == 0 ? first : second;
            var channel = Channel($"C{index}");
            try
            {
                return await store.OpenIncidentAsync(
                    channel,
                    number => index % 5 == 0 ? throw new InvalidOperationException("command failed") : Create(channel)(number),
                    None);
            }
            catch (InvalidOperationException) when (index % 5 == 0)
            {
                return null;
            }
        })).ToArray();
        var results = await Task.WhenAll(opens);

        var numbers = results.OfType<OpenIncidentResult>().Select(r => r.Incident.Number).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, Channels - (Channels / 5)), numbers);
        var stored = await Sql.QueryAsync(database, "SELECT number FROM incidents ORDER BY number", r => r.GetInt32(0));
        Assert.Equal(numbers, stored);

        // The next open, on either instance, takes the next number.
        var next = await first.OpenIncidentAsync(Channel("C-next"), Create(Channel("C-next")), None);
        Assert.Equal(numbers.Length + 1, next.Incident.Number);
    }
}
