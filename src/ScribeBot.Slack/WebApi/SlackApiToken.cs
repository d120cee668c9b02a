namespace ScribeBot.Slack.WebApi;

/// <summary>Which configured token a call carries.</summary>
internal enum SlackApiToken
{
    /// <summary><c>Slack:BotToken</c> (<c>xoxb-...</c>): every method but one.</summary>
    Bot,

    /// <summary><c>Slack:AppToken</c> (<c>xapp-...</c>): <c>apps.connections.open</c>.</summary>
    App,
}
