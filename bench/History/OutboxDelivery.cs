using Microsoft.Extensions.Hosting;
using ScribeBot.Core.Outbox;

namespace ScribeBot.Bench.History;

/// <summary>Runs the outbox dispatcher while the store is open in-process, as the web host's worker does.</summary>
internal sealed class OutboxDelivery(OutboxDispatcher dispatcher) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => dispatcher.RunAsync(stoppingToken);
}
