namespace ScribeBot.Core.Outbox;

/// <summary>What became of one delivery attempt: <see cref="Delivered"/>, <see cref="Retry"/> or <see cref="Permanent"/>.</summary>
public abstract record DeliveryResult
{
    private protected DeliveryResult()
    {
    }

    /// <summary>The platform accepted the post.</summary>
    public static DeliveryResult Delivered { get; } = new DeliveredResult();

    /// <summary>A transient failure (429, 5xx, timeout); <paramref name="retryAfter"/> is the platform's Retry-After, if it sent one.</summary>
    public static DeliveryResult Retry(TimeSpan? retryAfter, string error) => new RetryResult(retryAfter, error);

    /// <summary>A failure that retrying cannot fix (channel gone, bot removed, invalid payload).</summary>
    public static DeliveryResult Permanent(string error) => new PermanentResult(error);
}

/// <summary>See <see cref="DeliveryResult.Delivered"/>.</summary>
public sealed record DeliveredResult : DeliveryResult;

/// <summary>See <see cref="DeliveryResult.Retry"/>.</summary>
public sealed record RetryResult(TimeSpan? RetryAfter, string Error) : DeliveryResult;

/// <summary>See <see cref="DeliveryResult.Permanent"/>.</summary>
public sealed record PermanentResult(string Error) : DeliveryResult;
