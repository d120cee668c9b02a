using ScribeBot.Core.Retention;

namespace ScribeBot.Core.Tests.Retention;

public sealed class RetentionOptionsValidatorTests
{
    private readonly RetentionOptionsValidator _validator = new();

    [Fact]
    public void The_defaults_are_valid_and_keep_posts_far_longer_than_any_redelivery()
    {
        var defaults = new RetentionOptions();

        Assert.True(_validator.Validate(null, defaults).Succeeded);
        Assert.Equal(TimeSpan.FromDays(30), defaults.DeliveredPosts);
        Assert.Equal(TimeSpan.FromDays(90), defaults.AbandonedPosts);
    }

    [Theory]
    [InlineData("DeliveredPosts")]
    [InlineData("AbandonedPosts")]
    public void A_period_under_a_day_is_refused_naming_its_key_and_why(string key)
    {
        var options = key == "DeliveredPosts"
            ? new RetentionOptions { DeliveredPosts = TimeSpan.FromMinutes(10) }
            : new RetentionOptions { AbandonedPosts = TimeSpan.FromMinutes(10) };

        var result = _validator.Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith($"Storage:Retention:{key} is 00:10:00; it must be at least 1 day", failure, StringComparison.Ordinal);
        Assert.Contains("delivers again", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interval_or_batch_size_out_of_range_is_refused()
    {
        var result = _validator.Validate(null, new RetentionOptions { Interval = TimeSpan.FromSeconds(5), BatchSize = 0 });

        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("Storage:Retention:Interval is 00:00:05", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Storage:Retention:BatchSize is 0", StringComparison.Ordinal));
    }
}
