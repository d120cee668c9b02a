namespace ScribeBot.Slack.WebApi;

/// <summary>How a Web API call ended; only <see cref="Ok"/> carries a value.</summary>
internal enum SlackApiStatus
{
    Ok,

    /// <summary>Slack answered <c>ok: false</c> with an error code.</summary>
    Error,

    /// <summary>HTTP 429: try again after <c>Retry-After</c>.</summary>
    RateLimited,

    /// <summary>Slack could not be reached or answered 5xx or something that is not its JSON.</summary>
    Unavailable,
}
