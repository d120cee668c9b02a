using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ScribeBot.Teams.Access;

namespace ScribeBot.Teams;

/// <summary>Says at every start how the Teams endpoint takes requests; loudly when it takes them unauthenticated.</summary>
internal sealed class TeamsStartupWarning(TeamsAccess access, ILogger<TeamsStartupWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        switch (access.Mode)
        {
            case TeamsMode.Emulator:
                TeamsLog.Unauthenticated(logger);
                break;
            case TeamsMode.Closed:
                TeamsLog.NotConfigured(logger);
                break;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
