using ScribeBot.Slack;

namespace ScribeBot.Hosting;

/// <summary>
/// How far Slack is configured, for the start-up summary: not at all (one calm line), fully (over HTTP or Socket Mode),
/// or partly, which is worth a warning since someone meant to connect it and it cannot work: without the bot token
/// nothing is answered or posted, without the signing secret or an app token (Socket Mode) no event arrives.
/// </summary>
internal sealed record SlackSetup(string State, string? Missing)
{
    public static SlackSetup Of(SlackOptions options)
    {
        var secret = !string.IsNullOrWhiteSpace(options.SigningSecret);
        var token = !string.IsNullOrWhiteSpace(options.BotToken);
        var socketMode = !string.IsNullOrWhiteSpace(options.AppToken);
        if (!secret && !token && !socketMode)
        {
            return new("not configured (set Slack:SigningSecret and Slack:BotToken)", null);
        }

        if (!token)
        {
            var set = string.Join(" and ", new[] { secret ? "Slack:SigningSecret" : null, socketMode ? "Slack:AppToken" : null }.OfType<string>());
            return new(string.Empty, $"{set} {(secret && socketMode ? "are" : "is")} set but Slack:BotToken is not, so the bot cannot answer or post in Slack. " +
                "Set Slack:BotToken too, or remove the Slack keys.");
        }

        if (!secret && !socketMode)
        {
            return new(string.Empty, "Slack:BotToken is set but neither Slack:SigningSecret (events over HTTP) nor Slack:AppToken (Socket Mode) is, " +
                "so no Slack event is received. Set one of them, or remove the Slack keys.");
        }

        return new(socketMode ? "configured, events over Socket Mode" : "configured, events at POST /slack/events", null);
    }
}
