using ScribeBot.Core.Metrics;

namespace ScribeBot.Core.Tests.Metrics;

public sealed class OrderStatisticsTests
{
    public static TheoryData<string, long[]> Shapes()
    {
        var random = new Random(7);
        return new TheoryData<string, long[]>
        {
            { "one value", [42] },
            { "two values, descending", [9, 3] },
            { "all equal", Enumerable.Repeat(5L, 101).ToArray() },
            { "ascending", Enumerable.Range(0, 300).Select(i => (long)i).ToArray() },
            { "descending", Enumerable.Range(0, 300).Select(i => 300L - i).ToArray() },
            { "organ pipe", Enumerable.Range(0, 300).Select(i => (long)Math.Min(i, 300 - i)).ToArray() },
            { "few distinct values", Enumerable.Range(0, 1000).Select(_ => (long)random.Next(3)).ToArray() },
            { "random", Enumerable.Range(0, 1000).Select(_ => random.NextInt64(-1_000_000, 1_000_000)).ToArray() },
            { "extremes", [long.MaxValue, long.MinValue, 0, long.MaxValue, long.MinValue] },
        };
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Select_finds_every_rank_a_sort_would_and_leaves_the_smaller_values_before_it(string shape, long[] values)
    {
        var sorted = values.Order().ToArray();
        for (var k = 0; k < values.Length; k++)
        {
            var work = (long[])values.Clone();

            var found = OrderStatistics.Select(work, k);

            Assert.True(sorted[k] == found, $"{shape}: rank {k} was {found}, a sort says {sorted[k]}");
            Assert.True(work[..k].All(v => v <= found) && work[(k + 1)..].All(v => v >= found), $"{shape}: rank {k} not partitioned");
            Assert.Equal(sorted, work.Order());
        }
    }

    [Fact]
    public void Select_refuses_a_rank_outside_the_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderStatistics.Select(new long[3], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderStatistics.Select(new long[3], -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderStatistics.Select(Span<long>.Empty, 0));
    }
}
