using Microsoft.Extensions.Diagnostics.HealthChecks;
using ScribeBot.Core.Storage;

namespace ScribeBot.Hosting;

/// <summary>
/// Healthy when the store answers a read that goes through its writer loop (LiteDB reads run there, between
/// transactions), so a stopped or stuck writer fails the check: the host's registration gives it a timeout.
/// The open-incident lookup would not do: it is answered from memory.
/// </summary>
internal sealed class StoreHealthCheck(IIncidentStore store) : IHealthCheck
{
    private const string ProbeIncidentId = "health-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.GetIncidentAsync(ProbeIncidentId, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store did not answer.", e);
        }
    }
}
