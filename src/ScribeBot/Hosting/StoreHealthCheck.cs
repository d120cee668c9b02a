using Microsoft.Extensions.Diagnostics.HealthChecks;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Storage;

namespace ScribeBot.Hosting;

/// <summary>Healthy when the store answers a read.</summary>
internal sealed class StoreHealthCheck(IIncidentStore store) : IHealthCheck
{
    private static readonly ChannelRef Probe = new(ChatPlatform.Web, "health", "probe");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.FindOpenIncidentAsync(Probe, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store did not answer.", e);
        }
    }
}
