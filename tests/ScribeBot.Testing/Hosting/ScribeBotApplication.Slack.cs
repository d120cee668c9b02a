using ScribeBot.Testing.Slack;

namespace ScribeBot.Testing;

public sealed partial class ScribeBotApplication
{
    private FakeSlack? _slack;

    /// <summary>The fake Slack the host talks to (<see cref="WithSlack"/>).</summary>
    public FakeSlack Slack => _slack ?? throw new InvalidOperationException("Slack is not on: call WithSlack() and start the host.");

    /// <summary>
    /// Slack on: requests signed with <paramref name="signingSecret"/> are taken (none set: every request is refused),
    /// the bot token is <see cref="SlackPayloads.BotToken"/>, the Web API is <paramref name="slack"/> (none given: a
    /// new fake, started with the host and disposed with it), and with <paramref name="appToken"/> the host runs Socket
    /// Mode against it.
    /// </summary>
    public ScribeBotApplication WithSlack(FakeSlack? slack = null, string? signingSecret = SlackPayloads.Secret, string? appToken = null)
    {
        WithPlatformSetting("Slack:SigningSecret", signingSecret ?? "")
            .WithPlatformSetting("Slack:BotToken", SlackPayloads.BotToken)
            .WithPlatformSetting("Slack:AppToken", appToken ?? "");
        if (slack is not null)
        {
            return UseSlack(slack);
        }

        BeforeStart(async () => UseSlack(Own(await FakeSlack.StartAsync())));
        return this;
    }

    private ScribeBotApplication UseSlack(FakeSlack slack)
    {
        _slack = slack;
        return WithPlatformSetting("Slack:ApiBaseUrl", slack.ApiBaseUrl.AbsoluteUri);
    }
}
