namespace ScribeBot.Slack.WebApi;

/// <summary>Whether <see cref="SlackApiTransport"/> tries a call again.</summary>
internal enum SlackApiRetry
{
    /// <summary>Writes (posts, uploads, join, views.open): the outbox retries posts, and a client retry could post twice.</summary>
    Never,
    Reads,

    /// <summary>A read that retries an unavailable Slack but hands a rate limit straight back to its caller.</summary>
    ReadsButNotRateLimits,
}
