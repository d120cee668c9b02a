using ScribeBot.Core.Retention;

namespace ScribeBot.Hosting;

/// <summary>
/// Runs <see cref="OutboxRetention"/> for the life of the host. Registered after the store, so it stops before the
/// store drains and closes; a round cut short by the stop is finished by the next start.
/// </summary>
internal sealed class RetentionWorker(OutboxRetention retention) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => retention.RunAsync(stoppingToken);
}
