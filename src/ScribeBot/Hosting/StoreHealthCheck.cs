using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ScribeBot.Core.Storage;

namespace ScribeBot.Hosting;

/// <summary>
/// Healthy when the store commits a real write: a small heartbeat record (the probe's time) in the adapter state,
/// which goes through the writer, the commit and the fsync like a platform's message. A read would not do: reads
/// still succeed while a full disk fails every write. A stopped or stuck writer fails it too (the host's registration
/// gives it a timeout, and the store's own write deadline bounds it). A database out of reach is Unhealthy with its
/// reason and no stack trace.
/// </summary>
internal sealed class StoreHealthCheck(IAdapterStateStore store, TimeProvider timeProvider) : IHealthCheck
{
    public const string HeartbeatKey = "scribebot:heartbeat";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var now = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            await store.SetStateAsync(HeartbeatKey, now, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (StoreUnavailableException e)
        {
            // Without the exception: the probe runs every few seconds, and the store has logged the outage once.
            return HealthCheckResult.Unhealthy(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store could not commit a write.", e);
        }
    }
}
