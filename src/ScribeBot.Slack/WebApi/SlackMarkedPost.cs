namespace ScribeBot.Slack.WebApi;

/// <summary>
/// A message carrying a <see cref="SlackPostMarker"/>, and who posted it: any app can write any metadata, so only a
/// marker on a message from the bot itself says that a part was posted.
/// </summary>
internal sealed record SlackMarkedPost(string Ts, SlackPostMarker Marker, string? BotId, string? UserId)
{
    public bool IsFrom(SlackAuthInfo bot) =>
        (BotId is not null && BotId == bot.BotId) || (UserId is not null && UserId == bot.UserId);
}
