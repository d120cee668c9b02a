using ScribeBot.Core.Postmortem;

namespace ScribeBot.Core.Tests.Postmortem;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(45, "45 s")]
    [InlineData(240, "4 min")]
    [InlineData(250, "4 min 10 s")]
    [InlineData(3_600, "1 h")]
    [InlineData(4_745, "1 h 19 min")]
    [InlineData(3_605, "1 h")]
    [InlineData(183_600, "2 d 3 h")]
    [InlineData(1_209_600, "14 d")]
    public void Short_gives_the_two_largest_units_abbreviated_and_cut(int seconds, string expected)
    {
        Assert.Equal(expected, DurationText.Short(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Short_drops_a_fraction_of_a_second_as_a_median_of_two_may_have()
    {
        Assert.Equal("2 min 30 s", DurationText.Short(TimeSpan.FromSeconds(150.5)));
    }
}
