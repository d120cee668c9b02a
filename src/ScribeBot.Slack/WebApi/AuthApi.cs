using ScribeBot.Slack.Events;

namespace ScribeBot.Slack.WebApi;

/// <summary>The <c>auth.*</c> methods.</summary>
internal sealed class AuthApi(SlackApiTransport transport)
{
    /// <summary>
    /// <c>auth.test</c>: who the bot token belongs to (its user id, bot id and workspace), so the bot can recognise
    /// its own messages. Sent once (no retry): it runs inside a request that Slack wants answered in 3 seconds.
    /// </summary>
    public Task<SlackApiResult<SlackAuthInfo>> TestAsync(CancellationToken cancellationToken) =>
        transport.CallAsync("auth.test", () => SlackApiRequest.PostForm("auth.test"), SlackApiRetry.Never,
            root => root.String("user_id") is { } userId
                ? new SlackAuthInfo(userId, root.String("bot_id"), root.String("team_id"))
                : null,
            cancellationToken);
}
