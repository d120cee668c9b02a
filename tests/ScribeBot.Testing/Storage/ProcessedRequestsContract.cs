using ScribeBot.Core.Storage;
using static ScribeBot.Testing.Storage.Samples;

namespace ScribeBot.Testing.Storage;

/// <summary>
/// The semantics documented on <see cref="IProcessedRequests"/>, which every implementation must pass (in memory:
/// tests/ScribeBot.LiteDb.Tests/Contract; PostgreSQL: tests/ScribeBot.Postgres.Tests/Contract).
/// </summary>
public abstract class ProcessedRequestsContract : PortContract<IProcessedRequests>
{
    private IProcessedRequests Requests => Subject;

    [Fact]
    public async Task A_key_is_unknown_until_marked_and_known_after()
    {
        Assert.False(await Requests.WasProcessedAsync("slack-event:Ev1", T0, None));

        Assert.True(await Requests.TryMarkAsync("slack-event:Ev1", T0, None));

        Assert.True(await Requests.WasProcessedAsync("slack-event:Ev1", T0.AddMinutes(5), None));
        Assert.False(await Requests.WasProcessedAsync("slack-event:Ev2", T0.AddMinutes(5), None));
    }

    [Fact]
    public async Task Marking_a_key_again_is_not_the_first_time()
    {
        Assert.True(await Requests.TryMarkAsync("k", T0, None));

        Assert.False(await Requests.TryMarkAsync("k", T0.AddSeconds(1), None));
    }

    [Fact]
    public async Task Keys_are_ordinal()
    {
        await Requests.TryMarkAsync("Ev-a", T0, None);

        Assert.False(await Requests.WasProcessedAsync("EV-A", T0, None));
        Assert.True(await Requests.TryMarkAsync("EV-A", T0, None));
    }

    [Fact]
    public async Task A_key_is_forgotten_after_the_expiry_and_marked_afresh()
    {
        await Requests.TryMarkAsync("k", T0, None);

        Assert.True(await Requests.WasProcessedAsync("k", T0 + IProcessedRequests.Expiry - TimeSpan.FromSeconds(1), None));
        Assert.False(await Requests.WasProcessedAsync("k", T0 + IProcessedRequests.Expiry, None));
        Assert.True(await Requests.TryMarkAsync("k", T0 + IProcessedRequests.Expiry, None));
        Assert.True(await Requests.WasProcessedAsync("k", T0 + IProcessedRequests.Expiry + TimeSpan.FromMinutes(1), None));
    }

    [Fact]
    public async Task Concurrent_marks_of_one_key_are_the_first_time_once()
    {
        var marks = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Requests.TryMarkAsync("k", T0, None))));

        Assert.Single(marks, first => first);
    }
}
