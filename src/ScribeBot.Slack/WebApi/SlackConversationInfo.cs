namespace ScribeBot.Slack.WebApi;

/// <summary>What the bot needs to know about a channel before posting: can it post, and how to tell the caller if not.</summary>
internal sealed record SlackConversationInfo(string Id, string Name, bool IsPrivate, bool IsMember);
