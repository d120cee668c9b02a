namespace ScribeBot.Slack.WebApi;

/// <summary>What <c>auth.test</c> says about the bot token: the bot's user id, its bot id (for a bot token) and workspace.</summary>
internal sealed record SlackAuthInfo(string UserId, string? BotId, string? TeamId);
