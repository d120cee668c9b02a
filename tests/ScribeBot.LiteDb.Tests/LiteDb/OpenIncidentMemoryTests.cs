namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>
/// More incidents open than memory holds: memory stays at its cap, and every answer is still the file's: a channel
/// left out of memory is looked up, never taken for one without an incident.
/// </summary>
public sealed class OpenIncidentMemoryTests : DataFileTests
{
    private const int Held = 4;
    private static readonly ChannelRef[] Channels = Enumerable.Range(0, 12).Select(i => Channel($"C{i}")).ToArray();

    [Fact]
    public async Task Memory_holds_at_most_its_cap_of_open_incidents_and_every_channel_still_finds_its_own()
    {
        await using var store = StoreFactory.OpenHolding(Temp.File("store.db"), Held);

        var opened = await OpenInEveryChannelAsync(store);

        Assert.InRange(store.OpenIncidentsInMemory, 1, Held);
        foreach (var incident in opened)
        {
            Assert.Equal(incident.Id, (await store.FindOpenIncidentAsync(incident.Channel, None))?.Id);
            Assert.InRange(store.OpenIncidentsInMemory, 1, Held);
        }

        Assert.Null(await store.FindOpenIncidentAsync(Channel("quiet"), None));
    }

    [Fact]
    public async Task A_channel_left_out_of_memory_is_not_given_a_second_open_incident()
    {
        await using var store = StoreFactory.OpenHolding(Temp.File("store.db"), Held);
        var opened = await OpenInEveryChannelAsync(store);

        foreach (var incident in opened)
        {
            var again = await store.OpenIncidentAsync(incident.Channel, Create(incident.Channel), None);

            Assert.False(again.Opened);
            Assert.Equal(incident.Id, again.Incident.Id);
        }
    }

    [Fact]
    public async Task Resolve_and_reopen_are_seen_in_every_channel_held_or_not()
    {
        await using var store = StoreFactory.OpenHolding(Temp.File("store.db"), Held);
        var opened = await OpenInEveryChannelAsync(store);

        foreach (var incident in opened)
        {
            await store.SaveIncidentAsync(incident with { Status = IncidentStatus.Resolved }, [], [], None);
            Assert.Null(await store.FindOpenIncidentAsync(incident.Channel, None));
        }

        foreach (var incident in opened.Where((_, i) => i % 2 == 0))
        {
            await store.SaveIncidentAsync(incident with { Status = IncidentStatus.Triggered }, [], [], None);
        }

        foreach (var (incident, i) in opened.Select((incident, i) => (incident, i)))
        {
            Assert.Equal(i % 2 == 0 ? incident.Id : null, (await store.FindOpenIncidentAsync(incident.Channel, None))?.Id);
        }

        Assert.InRange(store.OpenIncidentsInMemory, 1, Held);
    }

    [Fact]
    public async Task Once_enough_incidents_closed_memory_answers_alone_again_after_the_next_checkpoint()
    {
        await using var store = StoreFactory.OpenHolding(Temp.File("store.db"), Held);
        var opened = await OpenInEveryChannelAsync(store);

        foreach (var incident in opened.Skip(Held))
        {
            await store.SaveIncidentAsync(incident with { Status = IncidentStatus.Resolved }, [], [], None);
        }

        await store.CheckpointAsync(None);

        Assert.Equal(Held, store.OpenIncidentsInMemory);
        Assert.True(store.OpenIncidentMapIsComplete);
        foreach (var incident in opened.Take(Held))
        {
            Assert.Equal(incident.Id, (await store.FindOpenIncidentAsync(incident.Channel, None))?.Id);
        }
    }

    private static async Task<List<Incident>> OpenInEveryChannelAsync(LiteDbIncidentStore store)
    {
        var opened = new List<Incident>();
        foreach (var channel in Channels)
        {
            opened.Add((await store.OpenIncidentAsync(channel, Create(channel), None)).Incident);
        }

        return opened;
    }

    [Fact]
    public void A_map_past_its_cap_says_a_miss_is_no_answer_and_a_reload_that_fits_makes_it_whole()
    {
        var incidents = Channels.Take(3).Select((channel, i) => Incident(channel, i + 1)).ToArray();
        var map = new OpenIncidentMap(incidents.Take(2), capacity: 2);
        Assert.True(map.TryFind(Channel("quiet"), out var none));
        Assert.Null(none);

        map.Apply(new Dictionary<string, Incident?> { [incidents[2].Channel.Key] = incidents[2] });

        Assert.Equal(2, map.Count);
        Assert.True(map.TryFind(incidents[2].Channel, out var held));
        Assert.Same(incidents[2], held);
        Assert.False(map.TryFind(Channel("quiet"), out _));

        map.Reload(incidents.Take(2));
        Assert.True(map.IsComplete);
        Assert.True(map.TryFind(Channel("quiet"), out _));
    }
}
