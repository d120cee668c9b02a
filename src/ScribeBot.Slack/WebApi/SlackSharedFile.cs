namespace ScribeBot.Slack.WebApi;

/// <summary>
/// A file shared by a message in a channel or thread (<c>files[].name</c> of a <c>conversations.replies</c> message),
/// and who shared it. A file share carries no message metadata, so a retry recognises the bot's own upload by its
/// name in the item's thread, and only on a message from the bot.
/// </summary>
internal sealed record SlackSharedFile(string Ts, string Name, string? BotId, string? UserId)
{
    public bool IsFrom(SlackAuthInfo bot) =>
        (BotId is not null && BotId == bot.BotId) || (UserId is not null && UserId == bot.UserId);
}
