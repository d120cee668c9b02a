namespace ScribeBot.Slack.WebApi;

/// <summary>Factories for <see cref="SlackApiResult{T}"/> (static members do not belong on the generic type).</summary>
internal static class SlackApiResult
{
    public const string RateLimitedCode = "ratelimited";

    public static SlackApiResult<T> Ok<T>(T value) => new(SlackApiStatus.Ok, value, null, null, null);

    public static SlackApiResult<T> Error<T>(string code, string? neededScope = null) =>
        new(SlackApiStatus.Error, default, code, null, neededScope);

    public static SlackApiResult<T> RateLimited<T>(TimeSpan? retryAfter) =>
        new(SlackApiStatus.RateLimited, default, RateLimitedCode, retryAfter, null);

    public static SlackApiResult<T> Unavailable<T>(string reason) =>
        new(SlackApiStatus.Unavailable, default, reason, null, null);
}
