using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScribeBot.LiteDb;

/// <summary>
/// Opens the store when the host starts (so a bad path fails the start, not the first message), checkpoints it
/// periodically, and on shutdown drains its writer and closes the file.
/// </summary>
internal sealed partial class LiteDbMaintenanceService(
    LiteDbIncidentStore store,
    IOptions<LiteDbOptions> options,
    TimeProvider timeProvider,
    ILogger<LiteDbMaintenanceService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await store.CheckpointAsync(stoppingToken).ConfigureAwait(false);
                    LogCheckpoint();
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogCheckpointFailed(exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await store.DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Checkpoint folded the write-ahead log into the data file")]
    private partial void LogCheckpoint();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint failed; the log keeps the data and the next one retries")]
    private partial void LogCheckpointFailed(Exception exception);
}
