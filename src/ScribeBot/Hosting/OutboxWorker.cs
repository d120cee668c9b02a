using ScribeBot.Core.Outbox;

namespace ScribeBot.Hosting;

/// <summary>
/// Runs the <see cref="OutboxDispatcher"/> for the life of the host. Registered after the store, so it stops before
/// the store drains and closes; whatever is still pending then is delivered after the next start.
/// </summary>
internal sealed class OutboxWorker(OutboxDispatcher dispatcher) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => dispatcher.RunAsync(stoppingToken);
}
