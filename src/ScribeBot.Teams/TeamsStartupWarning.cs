using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ScribeBot.Teams.Access;

namespace ScribeBot.Teams;

/// <summary>
/// Warns at every start while the Teams endpoint takes requests unauthenticated. Teams not configured at all is no
/// warning: the host's start-up summary says so in its one line per platform.
/// </summary>
internal sealed class TeamsStartupWarning(TeamsAccess access, ILogger<TeamsStartupWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (access.Mode == TeamsMode.Emulator)
        {
            TeamsLog.Unauthenticated(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
