namespace ScribeBot.Tests.Outages;

/// <summary>The ways a chat API fails during an outage.</summary>
public enum ChatOutage
{
    /// <summary>Every request answered 500.</summary>
    ServerErrors,

    /// <summary>Every request answered 429 with a Retry-After longer than the outbox's first back-off.</summary>
    RateLimited,

    /// <summary>Every request accepted and held, never answered: the platform never got it.</summary>
    Silence,
}

/// <summary>Theory data for the outage tests: each platform's recovery is proved against every kind of outage.</summary>
public static class ChatOutages
{
    public static TheoryData<ChatOutage> Every => new(Enum.GetValues<ChatOutage>());
}
