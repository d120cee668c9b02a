using System.Diagnostics.CodeAnalysis;

namespace ScribeBot.Slack.WebApi;

/// <summary>
/// The outcome of one Web API call. Failures Slack documents (an error code, a rate limit, an outage) are values,
/// not exceptions, so callers (the outbox, command answers) decide what a user sees and whether to try again.
/// </summary>
internal sealed class SlackApiResult<T>
{
    internal SlackApiResult(SlackApiStatus status, T? value, string? error, TimeSpan? retryAfter, string? neededScope)
    {
        Status = status;
        Value = value;
        Error = error;
        RetryAfter = retryAfter;
        NeededScope = neededScope;
    }

    public SlackApiStatus Status { get; }

    public T? Value { get; }

    /// <summary>
    /// Slack's error code (<c>not_in_channel</c>...); <c>ratelimited</c> for a 429; for an outage a short reason
    /// (<c>http_503</c>, <c>network_error</c>, <c>timeout</c>, <c>invalid_response</c>).
    /// </summary>
    public string? Error { get; }

    /// <summary>From <c>Retry-After</c> on a 429; null when Slack did not say.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>For <c>missing_scope</c>: the scope Slack said the call needs.</summary>
    public string? NeededScope { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsOk => Status == SlackApiStatus.Ok;

    /// <summary>The same failure for a call of another result type (a failed step of a multi-call flow).</summary>
    public SlackApiResult<TOther> Failure<TOther>() =>
        IsOk
            ? throw new InvalidOperationException("A successful result is not a failure.")
            : new(Status, default, Error, RetryAfter, NeededScope);

    public override string ToString() => IsOk ? $"Ok({Value})" : $"{Status}({Error})";
}
