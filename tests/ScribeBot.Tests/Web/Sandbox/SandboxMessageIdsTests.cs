namespace ScribeBot.Tests.Web.Sandbox;

public sealed class SandboxMessageIdsTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-02T14:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public void Messages_in_the_same_tick_get_different_increasing_ids()
    {
        var ids = new SandboxMessageIds(new FakeTimeProvider(Start));

        var taken = Enumerable.Range(0, 1000).Select(_ => long.Parse(ids.Next(), CultureInfo.InvariantCulture)).ToArray();

        Assert.Equal(Start.UtcTicks, taken[0]);
        Assert.Equal(taken.Order(), taken);
        Assert.Equal(taken.Length, taken.Distinct().Count());
    }

    [Fact]
    public void After_a_restart_the_ids_go_on_from_the_clock_and_repeat_none_given_before()
    {
        var clock = new FakeTimeProvider(Start);
        var before = new SandboxMessageIds(clock);
        var given = Enumerable.Range(0, 50).Select(_ => before.Next()).ToHashSet();

        clock.Advance(TimeSpan.FromSeconds(1));
        var after = new SandboxMessageIds(clock);

        Assert.DoesNotContain(after.Next(), given);
    }

    [Fact]
    public void A_clock_that_steps_back_does_not_bring_an_id_back()
    {
        var clock = new SettableClock { Now = Start };
        var ids = new SandboxMessageIds(clock);
        var first = long.Parse(ids.Next(), CultureInfo.InvariantCulture);

        clock.Now = Start.AddSeconds(-5);

        Assert.True(long.Parse(ids.Next(), CultureInfo.InvariantCulture) > first);
    }

    /// <summary>A wall clock that an NTP correction sets back; FakeTimeProvider only moves forward.</summary>
    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
