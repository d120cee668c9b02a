namespace ScribeBot.Slack.WebApi;

/// <summary>
/// A short sentence for the person who ran a command, for the Web API errors they can do something about. Other
/// codes are for the logs only (null): a user cannot fix <c>invalid_auth</c> or <c>ratelimited</c>.
/// </summary>
internal static class SlackErrorExplanation
{
    public static string? ForUser(string? code, string? neededScope = null) => code switch
    {
        "not_in_channel" =>
            "I'm not a member of this channel. Invite me with `/invite @ScribeBot` (or the name this app has here) and try again.",
        "channel_not_found" =>
            "I can't see this channel: it is private and I'm not in it, or it no longer exists. In a private channel, invite me with `/invite @ScribeBot` and try again.",
        "missing_scope" => string.IsNullOrWhiteSpace(neededScope)
            ? "The Slack app lacks a permission this needs. Ask a workspace admin to reinstall the app from its manifest."
            : $"The Slack app lacks the `{neededScope}` permission. Ask a workspace admin to add it and reinstall the app.",
        _ => null,
    };

    public static string? ForUser<T>(SlackApiResult<T> result) =>
        result.IsOk ? null : ForUser(result.Error, result.NeededScope);
}
