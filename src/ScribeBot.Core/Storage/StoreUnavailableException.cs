namespace ScribeBot.Core.Storage;

/// <summary>
/// The store cannot read or commit right now (its database is unreachable, restarting or out of resources) and is
/// expected back without anyone changing ScribeBot: nothing of the failed call was acknowledged, so the caller answers
/// "not now" (HTTP 503 with <c>Retry-After</c>) and the platform delivers again, and a background loop waits and tries
/// again. The store reports the outage itself, once per outage, so callers log it quietly or not at all.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>How long a platform is told to wait (<c>Retry-After</c>) before it delivers again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public StoreUnavailableException()
        : base("The store is unavailable.")
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
