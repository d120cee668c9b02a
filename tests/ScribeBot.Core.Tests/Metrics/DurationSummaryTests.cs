using ScribeBot.Core.Metrics;

namespace ScribeBot.Core.Tests.Metrics;

public sealed class DurationSummaryTests
{
    [Fact]
    public void Nothing_measured_has_no_summary() => Assert.Null(DurationSummary.Of([]));

    [Fact]
    public void An_even_count_takes_the_mean_of_the_middle_pair_and_p90_is_a_value_that_happened()
    {
        var summary = DurationSummary.Of(Minutes(1, 2, 3, 4, 5, 6, 7, 8, 9, 100));

        Assert.Equal(new DurationSummary(10, TimeSpan.FromMinutes(14.5), TimeSpan.FromMinutes(5.5), TimeSpan.FromMinutes(9)), summary);
    }

    [Fact]
    public void The_mean_of_durations_whose_sum_overflows_64_bits_is_still_exact()
    {
        var longest = TimeSpan.MaxValue;

        var summary = DurationSummary.Of([longest, longest, longest - TimeSpan.FromTicks(3)]);

        Assert.Equal(longest - TimeSpan.FromTicks(1), summary!.Mean);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(257)]
    [InlineData(5000)]
    public void Agrees_with_the_definition_by_sorting(int count)
    {
        var random = new Random(count);
        for (var trial = 0; trial < 20; trial++)
        {
            var durations = Enumerable.Range(0, count)
                .Select(_ => TimeSpan.FromSeconds(random.Next(trial % 2 == 0 ? 5 : 100_000)))
                .ToArray();

            Assert.Equal(BySorting(durations), DurationSummary.Of(durations));
        }
    }

    private static IEnumerable<TimeSpan> Minutes(params int[] minutes) => minutes.Select(m => TimeSpan.FromMinutes(m));

    // The definition as first written: a full sort and a decimal mean.
    private static DurationSummary BySorting(TimeSpan[] durations)
    {
        var sorted = durations.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : TimeSpan.FromTicks((sorted[middle - 1].Ticks + sorted[middle].Ticks) / 2);
        var mean = TimeSpan.FromTicks((long)sorted.Average(d => (decimal)d.Ticks));
        return new DurationSummary(sorted.Length, mean, median, sorted[(int)Math.Ceiling(0.9 * sorted.Length) - 1]);
    }
}
