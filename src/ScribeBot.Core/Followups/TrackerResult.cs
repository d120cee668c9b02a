namespace ScribeBot.Core.Followups;

/// <summary>What a tracker answered: a value, or a <see cref="TrackerFailure"/>.</summary>
public sealed record TrackerResult<T>
{
    public TrackerResult(T value)
    {
        Value = value;
    }

    public TrackerResult(TrackerFailure failure)
    {
        Failure = failure;
    }

    public T? Value { get; }

    public TrackerFailure? Failure { get; }

    public static implicit operator TrackerResult<T>(TrackerFailure failure) => new(failure);
}

/// <summary>
/// A tracker's failure. <see cref="Refused"/> means retrying cannot help until someone changes something (a token
/// without access, a repository that does not exist, a field the tracker rejects); <see cref="Field"/> names what
/// to change. Otherwise it is transient (5xx, 429, a timeout, a lost connection) and the outbox retries, honouring
/// <see cref="RetryAfter"/>.
/// </summary>
public sealed record TrackerFailure(bool Refused, string Message, string? Field = null, TimeSpan? RetryAfter = null)
{
    public static TrackerFailure Transient(string message, TimeSpan? retryAfter = null) => new(false, message, null, retryAfter);

    public static TrackerFailure Refusal(string message, string? field) => new(true, message, field);
}
