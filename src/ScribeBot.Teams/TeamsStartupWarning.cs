using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ScribeBot.Teams;

/// <summary>Says, loudly and at every start, that the Teams endpoint is unauthenticated when no app id is set.</summary>
internal sealed class TeamsStartupWarning(TeamsIdentity identity, ILogger<TeamsStartupWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!identity.IsAuthenticated)
        {
            TeamsLog.Unauthenticated(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
