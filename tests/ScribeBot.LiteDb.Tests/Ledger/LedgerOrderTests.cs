using ScribeBot.LiteDb.Ledger;

namespace ScribeBot.LiteDb.Tests.Ledger;

public sealed class LedgerOrderTests
{
    private static readonly string[] Workspaces = ["T1", "T2"];
    private static readonly long Base = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    [Fact]
    public void Kept_newest_first_with_ties_by_id_through_every_kind_of_change()
    {
        var random = new Random(5);
        var slots = new LedgerEntry[400];
        // Few distinct instants, so ties (ordered by id) are common.
        for (var i = 0; i < 300; i++)
        {
            slots[i] = Entry(i + 1, random.Next(2), Base + (random.Next(40) * TimeSpan.TicksPerMinute));
        }

        var order = LedgerOrder.Of(slots, Workspaces);
        AssertOrdered(order, slots);

        for (var step = 0; step < 500; step++)
        {
            var slot = random.Next(slots.Length);
            var before = slots[slot];
            var after = random.Next(4) switch
            {
                0 when !before.IsEmpty => before with { Status = IncidentStatus.Resolved, TimeToResolveTicks = step },
                1 when !before.IsEmpty => before with { DeclaredTicks = Base + (random.Next(40) * TimeSpan.TicksPerMinute) },
                2 => default,
                _ => Entry(slot + 1, slot % 2, Base + (random.Next(40) * TimeSpan.TicksPerMinute)),
            };

            Assert.True(order.Change(before, after));
            slots[slot] = after;
            AssertOrdered(order, slots);
        }
    }

    [Fact]
    public void The_entries_since_an_instant_are_those_declared_at_or_after_it()
    {
        LedgerEntry[] slots = [Entry(1, 0, Base), Entry(2, 0, Base + 10), Entry(3, 1, Base + 20), Entry(4, 1, Base + 20)];
        var order = LedgerOrder.Of(slots, Workspaces);

        // Newest first; the two declared together in order of id (T2:3 before T2:4).
        Assert.Equal([3, 4, 2], order.Since(Base + 10).Select(e => e.Number));
        Assert.Equal([3, 4], order.Since(Base + 11).Select(e => e.Number));
        Assert.Equal(0, order.Since(Base + 21).Count);
        Assert.Equal(4, order.Since(long.MinValue).Count);
    }

    [Fact]
    public void A_change_to_an_entry_it_does_not_hold_is_refused_so_the_order_is_built_again()
    {
        var order = LedgerOrder.Of([Entry(1, 0, Base)], Workspaces);

        Assert.False(order.Change(Entry(1, 0, Base + 5), Entry(1, 0, Base + 6)));
        Assert.False(order.Change(Entry(2, 0, Base), default));
    }

    private static LedgerEntry Entry(int number, int workspace, long declared) =>
        new(declared, LedgerEntry.None, LedgerEntry.None, number, workspace, Severity.Sev2, ChatPlatform.Slack, IncidentStatus.Triggered);

    private static void AssertOrdered(LedgerOrder order, LedgerEntry[] slots)
    {
        var expected = slots.Where(e => !e.IsEmpty)
            .OrderByDescending(e => e.DeclaredTicks)
            .ThenBy(e => ScribeBot.Core.Incidents.Incident.MakeId(Workspaces[e.Workspace], e.Number), StringComparer.Ordinal);
        Assert.Equal(expected, order.Since(long.MinValue));
    }
}
