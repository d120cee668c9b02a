using Microsoft.Extensions.Hosting;

namespace ScribeBot.Slack.Endpoint;

/// <summary>Asks <c>auth.test</c> as the host starts, so the bot usually knows itself before the first event arrives.</summary>
internal sealed class SlackBotIdentityStartup(SlackBotIdentity identity) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        identity.StartLookupIfDue();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
