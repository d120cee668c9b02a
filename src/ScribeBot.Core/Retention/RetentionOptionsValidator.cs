using Microsoft.Extensions.Options;

namespace ScribeBot.Core.Retention;

/// <summary>Refuses to start with a retention period too short to outlive a redelivery, or a nonsensical schedule.</summary>
public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    private static readonly TimeSpan ShortestInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestInterval = TimeSpan.FromDays(7);
    private const int LargestBatch = 10_000;

    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new List<string>();
        CheckPeriod(failures, nameof(RetentionOptions.DeliveredPosts), options.DeliveredPosts);
        CheckPeriod(failures, nameof(RetentionOptions.AbandonedPosts), options.AbandonedPosts);
        if (options.Interval < ShortestInterval || options.Interval > LongestInterval)
        {
            failures.Add($"{RetentionOptions.SectionName}:{nameof(RetentionOptions.Interval)} is {options.Interval}; it must be " +
                $"between {ShortestInterval} and {LongestInterval.TotalDays:0} days.");
        }

        if (options.BatchSize is < 1 or > LargestBatch)
        {
            failures.Add($"{RetentionOptions.SectionName}:{nameof(RetentionOptions.BatchSize)} is {options.BatchSize}; it must be " +
                $"between 1 and {LargestBatch} (posts removed per store transaction).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPeriod(List<string> failures, string key, TimeSpan period)
    {
        if (period < RetentionOptions.MinimumPeriod)
        {
            failures.Add($"{RetentionOptions.SectionName}:{key} is {period}; it must be at least {RetentionOptions.MinimumPeriod.TotalDays:0} day " +
                "(d.hh:mm:ss, e.g. 30.00:00:00): a post's id is what keeps a command that Slack or Teams delivers again " +
                "from posting twice, so a post must be kept longer than any redelivery.");
        }
    }
}
